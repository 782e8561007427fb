import Foundation
import Vapor
import VaporTesting

/// A browser in tests: keeps the session cookie and sends each form with the CSRF token of
/// the page it last read.
public final class BrowserSession: @unchecked Sendable {
    let app: Application
    public private(set) var cookie: String?
    public private(set) var csrf: String?
    public private(set) var lastBody = ""

    public init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    public func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(.GET, path, headers: headers())
        remember(response)
        return response
    }

    /// Posts a form; `_csrf` is added unless given.
    @discardableResult
    public func post(_ path: String, _ fields: [String: String] = [:], arrays: [String: [String]] = [:]) async throws -> TestingHTTPResponse {
        var all = fields
        if all["_csrf"] == nil, let csrf { all["_csrf"] = csrf }
        var pairs = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }
        for (name, values) in arrays { pairs += values.map { "\(Self.encode(name))=\(Self.encode($0))" } }
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: pairs.joined(separator: "&")))
        remember(response)
        return response
    }

    /// Posts a file as a browser's multipart form does, with the CSRF token.
    @discardableResult
    public func postFile(_ path: String, field: String, filename: String, contentType: String, data: [UInt8]) async throws -> TestingHTTPResponse {
        let boundary = "----hubnet-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        if let csrf {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
        body.writeString("Content-Type: \(contentType)\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
        remember(response)
        return response
    }

    /// Signs in through the form, as a person would.
    @discardableResult
    public func signIn(email: String, password: String, language: String = "de") async throws -> TestingHTTPResponse {
        try await get("/\(language)/sign-in")
        return try await post("/\(language)/sign-in", ["email": email, "password": password])
    }

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    private func remember(_ response: TestingHTTPResponse) {
        if let setCookie = response.headers.first(name: .setCookie), let pair = setCookie.split(separator: ";").first {
            cookie = pair.hasSuffix("=") ? nil : String(pair)
        }
        lastBody = response.body.string
        if let range = lastBody.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) {
            csrf = String(lastBody[range].split(separator: "\"")[3])
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
