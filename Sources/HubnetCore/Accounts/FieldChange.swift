import Foundation

/// One field of an audited object as it was and as it became, as text a person can read.
public struct FieldChange: Sendable, Equatable {
    /// The field's name; nested fields are joined with dots ("description.de").
    public let field: String
    public let before: String?
    public let after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The fields that differ between two JSON snapshots, by name; a snapshot that is not a
    /// JSON object counts as one value.
    public static func between(_ before: String?, _ after: String?) -> [FieldChange] {
        let old = before.flatMap(fields), new = after.flatMap(fields)
        guard old != nil || new != nil else {
            return before == after ? [] : [FieldChange(field: "", before: before, after: after)]
        }
        let names = Set((old ?? [:]).keys).union((new ?? [:]).keys).sorted()
        return names.compactMap { name in
            let was = old?[name], now = new?[name]
            return was == now ? nil : FieldChange(field: name, before: was, after: now)
        }
    }

    /// What a snapshot calls its object: its name or title.
    public static func objectName(in snapshot: String?) -> String? {
        guard let fields = snapshot.flatMap(fields) else { return nil }
        return ["name", "title"].lazy.compactMap { fields[$0] }.first { !$0.isEmpty }
    }

    /// A JSON object's leaves as text, nested names joined with dots.
    static func fields(_ json: String) -> [String: String]? {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return nil }
        var leaves: [String: String] = [:]
        func collect(_ value: JSONValue, _ name: String) {
            if case .object(let object) = value, !object.isEmpty {
                for (key, inner) in object { collect(inner, name.isEmpty ? key : name + "." + key) }
            } else {
                leaves[name] = value.text
            }
        }
        collect(.object(object), "")
        return leaves
    }

    /// Any JSON value, decoded strictly: true stays a truth value, 1 a number.
    indirect enum JSONValue: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if let array = try? container.decode([JSONValue].self) { self = .array(array) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        var text: String {
            switch self {
            case .null: "–"
            case .bool(let bool): bool ? "true" : "false"
            case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .string(let string): string
            case .array(let values): values.map(\.text).joined(separator: ", ")
            case .object(let object): object.keys.sorted().map { "\($0): \(object[$0]!.text)" }.joined(separator: "; ")
            }
        }
    }
}
