import Foundation

/// One thing wrong with one field of an input; `field` is the name the API and forms use.
public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: LocalizedText

    public init(field: String, message: LocalizedText) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message.en)" }
}

/// An input was refused; nothing was written.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public let problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}

/// Collects field problems while an input is checked, so a user sees all of them at once.
struct ProblemCollector {
    private(set) var problems: [FieldProblem] = []

    mutating func check(_ condition: Bool, _ field: String, de: String, en: String) {
        if !condition { problems.append(FieldProblem(field: field, message: .init(de: de, en: en))) }
    }

    func throwIfAny() throws(ValidationFailure) {
        if !problems.isEmpty { throw ValidationFailure(problems) }
    }
}

/// Rules every text a person types must follow, whatever the field: no control characters
/// (NUL, ANSI escapes; line breaks and tabs only where a field has lines), no bidirectional
/// overrides that make text read differently than it is stored, and not only invisible
/// characters (a lone byte-order mark, zero-width spaces).
public enum TextRules {
    /// Whether `text` may be stored.
    public static func isClean(_ text: String, multiline: Bool = false) -> Bool {
        var visible = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: if !multiline { return false }
            case 0x00...0x1F, 0x7F...0x9F: return false
            case 0x202A...0x202E, 0x2066...0x2069: return false
            default:
                if !visible, !scalar.properties.isWhitespace, scalar.properties.generalCategory != .format { visible = true }
            }
        }
        return visible || text.isEmpty
    }

    public static let problem = LocalizedText(
        de: "Enthält Steuer- oder unsichtbare Zeichen; bitte nur sichtbaren Text eingeben.",
        en: "Contains control or invisible characters; please enter visible text only.")

    /// The text trimmed and checked for its rules and length, or the field's problem.
    public static func checked(_ text: String, field: String, limit: Int, multiline: Bool = false) throws(ValidationFailure) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = ProblemCollector()
        check.check(isClean(trimmed, multiline: multiline), field, de: problem.de, en: problem.en)
        check.check(trimmed.count <= limit, field, de: "Höchstens \(limit) Zeichen.", en: "At most \(limit) characters.")
        try check.throwIfAny()
        return trimmed
    }
}

extension ProblemCollector {
    /// Adds the clean-text problem for each field whose text breaks `TextRules`.
    mutating func clean(_ fields: [(field: String, text: String, multiline: Bool)]) {
        for (field, text, multiline) in fields where !TextRules.isClean(text, multiline: multiline) {
            if !problems.contains(where: { $0.field == field }) {
                check(false, field, de: TextRules.problem.de, en: TextRules.problem.en)
            }
        }
    }
}
