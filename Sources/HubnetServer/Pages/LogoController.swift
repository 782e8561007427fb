import Foundation
import HubnetActions
import Vapor

/// Serves organisations' logos: PNGs the server made itself on upload, never the uploaded
/// bytes. An address with the current version may be cached for good (a new logo gets a new
/// address); any other is revalidated after five minutes.
struct LogoController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("logos", ":file", use: logo)
    }

    func logo(_ request: Request) async throws -> Response {
        let file = request.parameters.get("file") ?? ""
        guard file.hasSuffix(".png"), let id = UUID(uuidString: String(file.dropLast(4))),
              let logo = try await LogoActions(request.actions()).image(of: id)
        else { throw Abort(.notFound) }
        let tag = "\"\(logo.version)\""
        var headers = HTTPHeaders()
        headers.contentType = .png
        headers.replaceOrAdd(name: .eTag, value: tag)
        let current = request.query[String.self, at: "v"] == logo.version
        headers.replaceOrAdd(name: .cacheControl, value: current ? "public, max-age=31536000, immutable" : "public, max-age=300")
        if request.headers[.ifNoneMatch].contains(where: { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tag } }) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: logo.png))
    }
}
