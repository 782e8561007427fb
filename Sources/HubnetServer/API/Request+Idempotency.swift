import Crypto
import Foundation
import HubnetActions
import HubnetCore
import Vapor

extension Request {
    /// The `Idempotency-Key` of an API write, with a digest of what is asked (method, path,
    /// body); nil when none is sent. A key is 1–255 visible ASCII characters.
    func idempotencyKey() throws -> IdempotencyKey? {
        guard let key = headers.first(name: "Idempotency-Key") else { return nil }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ValidationFailure([FieldProblem(field: "Idempotency-Key", message: .init(
                de: "Ein Idempotency-Key hat 1 bis 255 sichtbare ASCII-Zeichen.", en: "An Idempotency-Key has 1 to 255 visible ASCII characters."))])
        }
        var digest = SHA256()
        digest.update(data: Data("\(method.rawValue) \(url.path)\n".utf8))
        if let body = body.data {
            // JSON as its content, not its bytes: a retry may order keys or space differently.
            let bytes = Data(buffer: body)
            if let object = try? JSONSerialization.jsonObject(with: bytes),
               let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                digest.update(data: canonical)
            } else {
                digest.update(data: bytes)
            }
        }
        return IdempotencyKey(key: key, fingerprint: digest.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// The member's actions, with the request's Idempotency-Key if it has one.
    func idempotentActions() async throws -> ActionContext {
        var context = try await actions()
        context.idempotency = try idempotencyKey()
        return context
    }
}

extension Response {
    /// Marks an answer given again for a retried request.
    func markReplayed() -> Response {
        headers.replaceOrAdd(name: "Idempotency-Replayed", value: "true")
        return self
    }
}
