import Foundation

/// What a visitor asks the directory: words, facet filters, order and page.
public struct DirectoryQuery: Hashable, Sendable {
    public enum Sort: String, CaseIterable, Sendable {
        case relevance
        case name
        case newest
        case oldest

        public var label: LocalizedText {
            switch self {
            case .relevance: .init(de: "Relevanz", en: "Relevance")
            case .name: .init(de: "Name A–Z", en: "Name A–Z")
            case .newest: .init(de: "Jüngste zuerst", en: "Newest first")
            case .oldest: .init(de: "Älteste zuerst", en: "Oldest first")
            }
        }
    }

    public static let perPageLimit = 1...100

    public var text: String
    /// Any of these hubs (empty: all).
    public var hubs: Set<String>
    /// Any of these kinds (empty: all).
    public var kinds: Set<OrganisationKind>
    /// All of these topics.
    public var topics: Set<String>
    public var sort: Sort?
    public var page: Int
    public var perPage: Int

    public init(
        text: String = "", hubs: Set<String> = [], kinds: Set<OrganisationKind> = [], topics: Set<String> = [],
        sort: Sort? = nil, page: Int = 1, perPage: Int = 20
    ) {
        self.text = text
        self.hubs = hubs
        self.kinds = kinds
        self.topics = topics
        self.sort = sort
        self.page = page
        self.perPage = perPage
    }

    /// Relevance when words were given, otherwise the name.
    public var effectiveSort: Sort {
        if let sort, sort != .relevance || !TextAnalyzer.terms(text).isEmpty { return sort }
        return TextAnalyzer.terms(text).isEmpty ? .name : .relevance
    }

    public func validated() throws(ValidationFailure) -> DirectoryQuery {
        var check = ProblemCollector()
        check(text.count <= 200, "q", de: "Die Suche darf höchstens 200 Zeichen lang sein.",
              en: "The search may be at most 200 characters long.")
        let unknownHubs = hubs.filter { Network.hub($0) == nil }.sorted()
        check(unknownHubs.isEmpty, "hub", de: "Unbekannter Hub: \(unknownHubs.joined(separator: ", ")).",
              en: "Unknown hub: \(unknownHubs.joined(separator: ", ")).")
        let unknownTopics = topics.filter { Taxonomy.topic($0) == nil }.sorted()
        check(unknownTopics.isEmpty, "topic", de: "Unbekanntes Thema: \(unknownTopics.joined(separator: ", ")).",
              en: "Unknown topic: \(unknownTopics.joined(separator: ", ")).")
        check(page >= 1 && page <= 10_000, "page", de: "Die Seite muss zwischen 1 und 10000 liegen.",
              en: "The page must be between 1 and 10000.")
        check(Self.perPageLimit.contains(perPage), "per", de: "Pro Seite sind 1 bis 100 Einträge möglich.",
              en: "Per page must be between 1 and 100.")
        try check.throwIfAny()
        return self
    }
}

/// One page of the directory, with the counts each facet value would give.
public struct DirectoryResult: Hashable, Sendable {
    public var organisationIDs: [UUID]
    public var total: Int
    /// Counts per hub with every filter but the hub filter applied, so a visitor sees the alternatives.
    public var hubCounts: [String: Int]
    /// Counts per kind with every filter but the kind filter applied.
    public var kindCounts: [OrganisationKind: Int]
    /// Counts per topic among the results, i.e. what adding that topic would leave.
    public var topicCounts: [String: Int]

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    public var perPage: Int
    public var page: Int
}
