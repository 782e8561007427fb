import Crypto
import Foundation
import Vapor

/// Lets a request through only with `Authorization: Bearer <HUBNET_ADMIN_TOKEN>`.
/// Until accounts exist this token is the only way to write.
struct AdminTokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let expected = request.application.hubnetSettings.adminToken else {
            throw ProblemDetails(.forbidden, status: .forbidden, title: "Writes are switched off",
                                 detail: "This server has no HUBNET_ADMIN_TOKEN set, so the API is read-only.")
        }
        guard let given = request.headers.bearerAuthorization?.token else {
            throw ProblemDetails(.unauthorized, status: .unauthorized, title: "Unauthorized",
                                 detail: "Send the admin token as 'Authorization: Bearer <token>'.")
        }
        // Compare digests, so the time taken says nothing about how much of the token matched.
        guard SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8)) else {
            throw ProblemDetails(.unauthorized, status: .unauthorized, title: "Unauthorized", detail: "The token is not valid.")
        }
        return try await next.respond(to: request)
    }
}
