import HubnetCore

public struct DirectoryModel: Sendable {
    public let query: DirectoryQuery
    public let result: DirectoryResult
    /// The organisations of this page, in result order.
    public let organisations: [Organisation]
    /// Set when the query was refused; the page then shows the message and an empty form.
    public let problems: [FieldProblem]

    public init(query: DirectoryQuery, result: DirectoryResult, organisations: [Organisation], problems: [FieldProblem] = []) {
        self.query = query
        self.result = result
        self.organisations = organisations
        self.problems = problems
    }

    var hasFilters: Bool { !query.text.isEmpty || !query.hubs.isEmpty || !query.kinds.isEmpty || !query.topics.isEmpty }

    /// The same query with one facet value switched on or off, back on page one.
    func toggling<Value: Hashable>(_ facet: WritableKeyPath<DirectoryQuery, Set<Value>>, _ value: Value) -> DirectoryQuery {
        var next = query
        next[keyPath: facet].formSymmetricDifference([value])
        next.page = 1
        return next
    }

    func page(_ number: Int) -> DirectoryQuery {
        var next = query
        next.page = number
        return next
    }
}
