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
    func toggling(hub: String) -> DirectoryQuery {
        var next = query
        next.hubs.formSymmetricDifference([hub])
        next.page = 1
        return next
    }

    func toggling(kind: OrganisationKind) -> DirectoryQuery {
        var next = query
        next.kinds.formSymmetricDifference([kind])
        next.page = 1
        return next
    }

    func toggling(topic: String) -> DirectoryQuery {
        var next = query
        next.topics.formSymmetricDifference([topic])
        next.page = 1
        return next
    }

    func page(_ number: Int) -> DirectoryQuery {
        var next = query
        next.page = number
        return next
    }
}
