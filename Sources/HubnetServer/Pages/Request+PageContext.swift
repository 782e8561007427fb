import HubnetCore
import HubnetViews
import Vapor

extension Request {
    /// The page frame's context: language, the page's own address, and the signed-in viewer.
    func pageContext(_ language: SiteLanguage, _ page: SiteURL) async throws -> PageContext {
        let actor = try await actor()
        guard let name = try await actingMemberName() else { return PageContext(language: language, page: page) }
        let viewer = Viewer(
            name: name, csrfToken: csrfToken,
            reviewsClaims: Policy.decide(.reviewClaims, for: actor) == .allowed,
            readsAudit: Policy.decide(.readAuditLog(hub: nil), for: actor) == .allowed)
        return PageContext(language: language, page: page, viewer: viewer)
    }
}

/// An HTML response in a language.
func htmlResponse(_ body: String, _ language: SiteLanguage, status: HTTPResponseStatus = .ok) -> Response {
    let response = Response(status: status, body: .init(string: body))
    response.headers.contentType = .html
    response.headers.replaceOrAdd(name: "Content-Language", value: language.rawValue)
    // Pages carry per-member content and CSRF tokens: never from a shared cache.
    response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
    return response
}

extension Request {
    /// A return address after sign-in: only a page this site serves, as a plain path with no
    /// spaces, control characters or backslashes, so it can neither leave the site
    /// (`//evil.example`, `/\t/evil.example`) nor break into the response's headers.
    func safeReturn(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 2_000,
              path.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" })
        else { return nil }
        let pagePath = path.prefix { $0 != "?" && $0 != "#" }
        return application.routeTable.servesPage(at: String(pagePath)) ? path : nil
    }
}

/// A JSON answer of any encodable value, in the API's formats (ISO 8601 dates, sorted keys).
func jsonResponse(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
    let response = Response(status: status)
    try response.content.encode(value, as: .json)
    return response
}
