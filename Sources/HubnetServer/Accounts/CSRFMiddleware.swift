import Crypto
import Foundation
import Vapor

/// Every form post must carry the session's CSRF token in `_csrf`: another site can make a
/// browser post, but cannot read the token.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        let expected = request.hasSession ? request.session.data["csrf"] : nil
        let given = try? request.content.get(String.self, at: "_csrf")
        guard let expected, let given,
              SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
        else {
            throw ProblemDetails(.forbidden, status: .forbidden, title: "Forbidden",
                                 detail: "The form has expired. Please reload the page and send it again.")
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = DatabaseSessionDriver.randomID()
        session.data["csrf"] = token
        return token
    }
}
