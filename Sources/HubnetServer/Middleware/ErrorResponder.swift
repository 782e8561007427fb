import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Turns every error into what the caller can read: problem details under /api, a friendly
/// page in the visitor's language elsewhere. Nothing escapes as a bare 500 with a stack.
struct ErrorResponder: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var problem = Self.problem(for: error, request: request)
            if problem.status >= 500 { request.logger.report(error: error) }
            // A path the site serves, asked with a method it does not take: 405 with Allow.
            var allowed: [HTTPMethod] = []
            if problem.status == 404, error is any AbortError {
                allowed = request.application.routeTable.methods(for: request.url.path)
                // A route's own "not found" (an unknown id, a page switched off) stays a 404.
                if allowed.contains(request.method) { allowed = [] }
                if !allowed.isEmpty {
                    problem = ProblemDetails(.methodNotAllowed, status: .methodNotAllowed, title: "Method Not Allowed",
                                             detail: "\(request.method.rawValue) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", ")).")
                }
            }
            let response = request.url.path.hasPrefix(SiteURL.apiRoot) || request.url.path == "/api"
                ? problem.response(for: request)
                : await Self.page(for: problem, request: request)
            if !allowed.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", ")) }
            return response
        }
    }

    static func problem(for error: any Error, request: Request) -> ProblemDetails {
        switch error {
        case let problem as ProblemDetails:
            return problem
        case let domain as DomainError:
            return ProblemDetails(domain, language: .en)
        case let failure as ValidationFailure:
            return .validation(failure)
        case OrganisationStore.WriteError.alreadyExists(let id):
            return ProblemDetails(.conflict, status: .conflict, title: "Already exists",
                                  detail: "An organisation with id \(id.uuidString.lowercased()) already exists.")
        case let decoding as DecodingError where decoding.fieldPath == "body":
            return ProblemDetails(.malformedRequest, status: .badRequest, title: "The body is not valid JSON; nothing was changed.",
                                  detail: decoding.hubnetDescription)
        case let decoding as DecodingError:
            return ProblemDetails(
                .validation, status: .unprocessableEntity, title: "The request body does not fit the schema; nothing was changed.",
                detail: decoding.hubnetDescription, errors: [.init(field: decoding.fieldPath, message: decoding.hubnetDescription)])
        case let abort as any AbortError:
            let kind: ProblemDetails.Kind = switch abort.status {
            case .notFound: .notFound
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .methodNotAllowed: .methodNotAllowed
            case .payloadTooLarge: .payloadTooLarge
            case .unsupportedMediaType: .unsupportedMediaType
            case .badRequest, .unprocessableEntity: .malformedRequest
            default: abort.status.code >= 500 ? .internalError : .other
            }
            // Vapor's own messages for body problems are useful; 5xx reasons may leak internals.
            let detail = abort.status.code >= 500 ? nil : abort.reason
            return ProblemDetails(kind, status: abort.status, title: abort.status.reasonPhrase, detail: detail)
        default:
            return ProblemDetails(.internalError, status: .internalServerError, title: "Internal Server Error",
                                  detail: "The error was logged; please try again.")
        }
    }

    private static func page(for problem: ProblemDetails, request: Request) async -> Response {
        let language = request.pageLanguage
        // A visitor who must sign in is sent there, and comes back afterwards.
        if problem.status == 401 {
            let back = request.method == .GET ? request.url.string : (request.headers.first(name: .referer).flatMap { URL(string: $0)?.path } ?? "")
            var target = SiteURL.signIn.path(language)
            if !back.isEmpty, let encoded = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { target += "?return=" + encoded }
            return request.redirect(to: target, redirectType: .normal)
        }
        let messages = problem.localizedErrors?.map { $0[language] } ?? problem.localizedDetail.map { [$0[language]] }
            ?? [problem.detail ?? problem.title]
        // The frame keeps the signed-in member; if even that fails, a visitor's frame.
        let frame = (try? await request.pageContext(language, .home)) ?? PageContext(language: language, page: .home)
        // The language switch stays on the page asked for, when that was a page under a language.
        let parts = request.url.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
        let below = request.method == .GET && parts.first.map(String.init).flatMap(SiteLanguage.init(rawValue:)) != nil
            && request.url.path.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
            ? parts.count > 1 ? "/" + parts[1] : "" : nil
        let context = frame.showing(pathBelowLanguage: below)
        let html = ErrorPageView.render(status: problem.status, messages: messages, context)
        let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
        response.headers.contentType = .html
        response.body = .init(string: html)
        return response
    }
}

extension DecodingError {
    /// The JSON path of the offending field, e.g. `description.de`, or `body` for the whole.
    var fieldPath: String {
        let path: [any CodingKey] = switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        case .keyNotFound(let key, let context): context.codingPath + [key]
        @unknown default: []
        }
        let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return names.isEmpty ? "body" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    var hubnetDescription: String {
        switch self {
        case .typeMismatch(let type, _): "\(fieldPath): expected \(Self.jsonName(of: type))."
        case .valueNotFound(let type, _): "\(fieldPath): expected \(Self.jsonName(of: type)), found null."
        case .keyNotFound: "\(fieldPath): this field is required."
        case .dataCorrupted(let context):
            fieldPath == "body" ? "The body is not valid JSON." : "\(fieldPath): \(context.debugDescription)"
        @unknown default: "The body could not be read."
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
