import HubnetCore
import Vapor

/// An HTML response in a language.
func htmlResponse(_ body: String, _ language: SiteLanguage, status: HTTPResponseStatus = .ok) -> Response {
    let response = Response(status: status, body: .init(string: body))
    response.headers.contentType = .html
    response.headers.replaceOrAdd(name: "Content-Language", value: language.rawValue)
    // Pages carry per-member content and CSRF tokens: never from a shared cache.
    response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
    return response
}

/// A JSON answer of any encodable value, in the API's formats (ISO 8601 dates, sorted keys).
func jsonResponse(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
    let response = Response(status: status)
    try response.content.encode(value, as: .json)
    return response
}
