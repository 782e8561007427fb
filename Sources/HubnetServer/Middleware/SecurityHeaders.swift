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

/// Logs one line per request, with the path's control characters escaped: a `%0A` in a URL
/// must not start a forged line in the log.
struct RequestLogger: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger.info("\(request.method) \(Self.printable(request.url.path))")
        return try await next.respond(to: request)
    }

    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\\" {
                result += String(format: "\\x%02X", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
