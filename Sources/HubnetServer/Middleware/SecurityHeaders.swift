import Vapor

/// Headers every answer carries: no framing, no type sniffing, no inline script, no referrer
/// to other sites, HTTPS only once the site is served over it; and no caching of what
/// belongs to one member.
struct SecurityHeaders: AsyncMiddleware {
    let https: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ] + (https ? [("Strict-Transport-Security", "max-age=31536000; includeSubDomains")] : [])
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        // Answers for a member (a token, a session) are theirs alone.
        if request.url.path.hasPrefix("/api/"), request.tokenScopes != nil || request.url.path.hasPrefix("/api/v1/me") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        }
        return response
    }
}
