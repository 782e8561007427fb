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
