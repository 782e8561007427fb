import Foundation
import Vapor
import HubnetCore

/// Write bodies are strict: a field the API does not know is refused by name, so a typo
/// never passes as "nothing changed".
enum UnknownFields {
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func refuse(in decoder: any Decoder, known: some Sequence<String>) throws {
        let known = Set(known)
        let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter { !known.contains($0) }
        // Named with its path, so a stray key inside `description` reads "description.fr".
        let path = decoder.codingPath.map(\.stringValue)
        if let key = unknown.sorted().first {
            let field = (path + [key]).joined(separator: ".")
            throw ValidationFailure([FieldProblem(field: field, message: .init(
                de: "Unbekanntes Feld „\(field)“.",
                en: "Unknown field '\(field)'; known fields are \(known.sorted().joined(separator: ", ")).")) ])
        }
    }
}

extension Request {
    /// A small JSON body: `application/json` (else 415), every field known (else 422 naming it).
    /// The known fields are the decoded type's stored properties, as synthesised Codable names them.
    func strictJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let contentType = headers.contentType, contentType.type == "application", contentType.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "Send the body as application/json.")
        }
        let value = try content.decode(T.self)
        if let body = body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] {
            let known = Mirror(reflecting: value).children.compactMap(\.label)
            if let field = object.keys.filter({ !known.contains($0) }).sorted().first {
                throw ValidationFailure([FieldProblem(field: field, message: .init(
                    de: "Unbekanntes Feld „\(field)“.", en: "Unknown field '\(field)'; known fields are \(known.sorted().joined(separator: ", "))."))])
            }
        }
        return value
    }
}
