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
        if let field = unknown.sorted().first {
            throw ValidationFailure([FieldProblem(field: field, message: .init(
                de: "Unbekanntes Feld „\(field)“.",
                en: "Unknown field '\(field)'; known fields are \(known.sorted().joined(separator: ", ")).")) ])
        }
    }
}
