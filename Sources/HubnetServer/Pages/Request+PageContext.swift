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
