import HubnetCore
import Vapor

/// Writes to the API need a member before anything else is looked at: an anonymous write is
/// a 401 whatever its id, body or target, so a visitor learns nothing about what exists.
/// The bootstrap route checks its own token, and `POST /matches` is a read with a body.
struct APIWriteGuard: AsyncMiddleware {
    static let open: Set<String> = ["/api/v1/bootstrap", "/api/v1/matches"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method), !Self.open.contains(request.url.path),
           request.tokenScopes == nil,
           // A method the path does not take stays a 405.
           request.application.routeTable.methods(for: request.url.path).contains(request.method) {
            throw DomainError.signInRequired
        }
        return try await next.respond(to: request)
    }
}
