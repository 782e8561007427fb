import HubnetCore
import Vapor

/// An RFC 9457 problem: what went wrong, with a stable `type` clients can switch on.
public struct ProblemDetails: Content, Error, Sendable {
    public struct FieldError: Content, Sendable, Equatable {
        public let field: String
        public let message: String
    }

    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var instance: String?
    public var errors: [FieldError]?
    /// The detail and field messages in both languages, for pages; never encoded.
    var localizedDetail: LocalizedText?
    var localizedErrors: [LocalizedText]?

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, instance, errors }

    public static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    public enum Kind: String, Sendable {
        case validation
        case malformedRequest = "malformed-request"
        case notFound = "not-found"
        case unauthorized
        case forbidden
        case conflict
        case rateLimited = "rate-limited"
        case methodNotAllowed = "method-not-allowed"
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case internalError = "internal-error"
        case other

        var uri: String { "urn:hubnet:problem:\(rawValue)" }
    }

    public init(_ kind: Kind, status: HTTPResponseStatus, title: String, detail: String? = nil, errors: [FieldError]? = nil) {
        self.type = kind.uri
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
    }

    public static func validation(_ failure: ValidationFailure, status: HTTPResponseStatus = .unprocessableEntity) -> ProblemDetails {
        var problem = ProblemDetails(
            .validation, status: status, title: "The input has problems; nothing was changed.",
            detail: failure.problems.map(\.description).joined(separator: " "),
            errors: failure.problems.map { FieldError(field: $0.field, message: $0.message.en) })
        problem.localizedErrors = failure.problems.map(\.message)
        return problem
    }

    /// A refused action, in the API's words (English) with both languages kept for pages.
    init(_ error: DomainError, language: SiteLanguage) {
        let (kind, status, title): (Kind, HTTPResponseStatus, String) = switch error {
        case .notFound: (.notFound, .notFound, "Not found")
        case .signInRequired: (.unauthorized, .unauthorized, "Unauthorized")
        case .forbidden: (.forbidden, .forbidden, "Forbidden")
        case .conflict: (.conflict, .conflict, "Conflict")
        case .rateLimited: (.rateLimited, .tooManyRequests, "Too Many Requests")
        }
        self.init(kind, status: status, title: title, detail: error.message[language])
        localizedDetail = error.message
    }

    public static func notFound(_ detail: String) -> ProblemDetails {
        ProblemDetails(.notFound, status: .notFound, title: "Not found", detail: detail)
    }

    func response(for request: Request) -> Response {
        var problem = self
        problem.instance = request.url.path
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        response.headers.contentType = Self.mediaType
        if status == 401 { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"hubnet\"") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        response.body = .init(data: (try? encoder.encode(problem)) ?? Data())
        return response
    }
}
