import HubnetCore
import Vapor

/// Reads `Authorization: Bearer <personal token>` on API requests. A request without one
/// stays anonymous; a wrong, revoked or expired token is refused outright rather than ignored.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The bootstrap token is checked by its one route only.
        guard let token = request.headers.bearerAuthorization?.token, request.url.path != "/api/v1/bootstrap" else {
            return try await next.respond(to: request)
        }
        guard try await request.authenticate(apiToken: token) else {
            throw DomainError.signInRequired
        }
        return try await next.respond(to: request)
    }
}
