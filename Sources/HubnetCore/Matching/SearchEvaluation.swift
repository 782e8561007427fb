import Foundation

/// How well the directory and matchmaking understand requests: judged queries, each with the
/// topics a relevant organisation has, run against a network of organisations.
///
/// precision@10 is the share of relevant organisations among the first ten results shown
/// (fewer when fewer were found; none found counts as 0), averaged over the queries that have
/// relevant organisations in the network at all. A query "without a relevant hit" finds none
/// among its first ten.
public struct SearchEvaluation: Sendable {
    public struct JudgedQuery: Codable, Sendable {
        public let query: String
        public let language: String?
        public let relevantTopics: [String]
        public let note: String?
    }

    public struct Figures: Sendable {
        public let precisionAt10: Double
        public let queriesWithoutRelevantHit: [String]
    }

    public struct Report: Sendable {
        public let queries: Int
        /// Queries whose topics no organisation of the network has: not judged.
        public let unjudgeable: [String]
        public let directory: Figures
        public let matchmaking: Figures
    }

    let organisations: [Organisation]

    public init(organisations: [Organisation]) {
        self.organisations = organisations
    }

    public func run(_ queries: [JudgedQuery]) -> Report {
        let directory = DirectoryIndex(organisations)
        let matches = MatchIndex(documents: organisations.map { MatchDocument(organisation: $0) })
        let topicsByID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, Set($0.topicSlugs)) })
        var unjudgeable: [String] = []
        var directoryFigures: [(query: String, precision: Double, hit: Bool)] = []
        var matchFigures: [(query: String, precision: Double, hit: Bool)] = []
        for judged in queries {
            let relevant = Set(judged.relevantTopics)
            guard organisations.contains(where: { !relevant.isDisjoint(with: $0.topicSlugs) }) else {
                unjudgeable.append(judged.query)
                continue
            }
            func judge(_ ids: [UUID]) -> (query: String, precision: Double, hit: Bool) {
                let shown = ids.prefix(10)
                let hits = shown.filter { !(topicsByID[$0] ?? []).isDisjoint(with: relevant) }.count
                return (judged.query, shown.isEmpty ? 0 : Double(hits) / Double(shown.count), hits > 0)
            }
            directoryFigures.append(judge(directory.search(DirectoryQuery(text: judged.query, sort: .relevance, perPage: 10)).organisationIDs))
            matchFigures.append(judge(matches.search(MatchQuery(text: judged.query, limit: 10)).results.map(\.id)))
        }
        func figures(_ rows: [(query: String, precision: Double, hit: Bool)]) -> Figures {
            Figures(precisionAt10: rows.isEmpty ? 0 : rows.map(\.precision).reduce(0, +) / Double(rows.count),
                    queriesWithoutRelevantHit: rows.filter { !$0.hit }.map(\.query))
        }
        return Report(queries: queries.count, unjudgeable: unjudgeable, directory: figures(directoryFigures), matchmaking: figures(matchFigures))
    }
}
