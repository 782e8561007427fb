import Crypto
import Foundation
import HubnetActions
import Vapor

/// Every form post must carry the session's CSRF token in `_csrf`: another site can make a
/// browser post, but cannot read the token.
struct CSRFMiddleware: AsyncMiddleware {
    /// The largest form the site takes: an organisation with every text at its limit.
    static let formLimit = 256 * 1024
    /// The largest file upload (multipart) read at all. Logos may have 2 MB; up to this size
    /// a larger file still gets a page that says how large it is and what is allowed.
    static let uploadLimit = 8 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        // A form larger than one network read arrives as a stream; collect it before reading
        // the token, or a long description would look like a form without one.
        let limit = request.headers.contentType?.type == "multipart" ? Self.uploadLimit : Self.formLimit
        _ = try await request.body.collect(max: limit).get()
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
        let token = SecretToken.randomID()
        session.data["csrf"] = token
        return token
    }
}
