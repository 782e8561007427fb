import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// Reads `Authorization: Bearer <personal token>` on API requests. A request without one
/// stays anonymous; a wrong or revoked token is refused outright rather than ignored.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = request.headers.bearerAuthorization?.token else {
            return try await next.respond(to: request)
        }
        // The bootstrap token is checked by its one route only.
        if request.url.path == "/api/v1/bootstrap" { return try await next.respond(to: request) }
        guard let record = try await CredentialStore(request.db).useAPIToken(hash: SecretToken.hash(token)) else {
            throw ProblemDetails(.unauthorized, status: .unauthorized, title: "Unauthorized",
                                 detail: "The token is not valid or has been revoked.")
        }
        let actor = try await MemberStore(request.db).actor(record.memberID)
        guard actor.isSignedIn else {
            throw ProblemDetails(.unauthorized, status: .unauthorized, title: "Unauthorized", detail: "The token's account is closed.")
        }
        request.setActor(actor, tokenScopes: Set(record.scopes.split(separator: " ").map(String.init)))
        return try await next.respond(to: request)
    }
}
