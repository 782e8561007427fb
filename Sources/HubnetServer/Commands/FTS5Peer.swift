import Foundation
import HubnetCore
import SQLKit

/// The classic way to answer a directory search in SQLite, as a peer for the benchmark:
/// FTS5 finds the words, one GROUP BY per facet counts, ORDER BY … LIMIT pages.
enum FTS5Peer {
    static func measure(on sql: any SQLDatabase, queries: [DirectoryQuery]) async throws -> Latencies {
        try await sql.raw("""
            CREATE VIRTUAL TABLE organisation_search USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 2')
            """).run()
        try await sql.raw("""
            INSERT INTO organisation_search(rowid, name, body)
            SELECT rowid, name, city || ' ' || description_de || ' ' || description_en || ' ' || offers_de || ' ' ||
                   offers_en || ' ' || seeks_de || ' ' || seeks_en FROM organisations
            """).run()
        // Fair to the peer: the indexes its queries want.
        try await sql.raw("CREATE INDEX organisations_name ON organisations(name)").run()
        try await sql.raw("CREATE INDEX organisation_topics_organisation ON organisation_topics(organisation_id, topic_slug)").run()

        for query in queries.prefix(20) { try await search(query, on: sql) }
        var timings: [Double] = []
        for query in queries {
            let start = ContinuousClock.now
            try await search(query, on: sql)
            timings.append((ContinuousClock.now - start).milliseconds)
        }
        return Latencies(timings)
    }

    private static func search(_ query: DirectoryQuery, on sql: any SQLDatabase) async throws {
        // FTS5 has its own tokenizer and no stemmer: it gets the meaningful words, folded.
        let terms = TextAnalyzer.foldedWords(query.text).filter { TextAnalyzer.isMeaningful($0) }
        var text: SQLQueryString = "1 = 1"
        if !terms.isEmpty {
            // Every word must match, the last also as a prefix, as in Hubnet's own search.
            let match = terms.enumerated().map { offset, term in
                "\"\(term)\"" + (offset == terms.count - 1 && term.count >= 3 ? "*" : "")
            }.joined(separator: " AND ")
            text = "o.rowid IN (SELECT rowid FROM organisation_search WHERE organisation_search MATCH \(bind: match))"
        }
        let hubs = filter("o.hub_slug", query.hubs.sorted())
        let kinds = filter("o.kind", query.kinds.map(\.rawValue).sorted())
        var topics: SQLQueryString = "1 = 1"
        for topic in query.topics.sorted() {
            topics = "\(topics) AND EXISTS (SELECT 1 FROM organisation_topics x WHERE x.organisation_id = o.id AND x.topic_slug = \(bind: topic))"
        }
        _ = try await sql.raw("SELECT o.hub_slug, COUNT(*) FROM organisations o WHERE \(text) AND \(kinds) AND \(topics) GROUP BY o.hub_slug").all()
        _ = try await sql.raw("SELECT o.kind, COUNT(*) FROM organisations o WHERE \(text) AND \(hubs) AND \(topics) GROUP BY o.kind").all()
        _ = try await sql.raw("""
            SELECT t.topic_slug, COUNT(*) FROM organisation_topics t JOIN organisations o ON o.id = t.organisation_id
            WHERE \(text) AND \(hubs) AND \(kinds) AND \(topics) GROUP BY t.topic_slug
            """).all()
        let order: SQLQueryString = switch query.effectiveSort {
        case .newest: "o.founded_year DESC, o.name"
        case .oldest: "o.founded_year, o.name"
        case .name, .relevance: "o.name"
        }
        let offset = (query.page - 1) * query.perPage
        _ = try await sql.raw("""
            SELECT o.* FROM organisations o WHERE \(text) AND \(hubs) AND \(kinds) AND \(topics)
            ORDER BY \(order) LIMIT \(unsafeRaw: String(query.perPage)) OFFSET \(unsafeRaw: String(offset))
            """).all()
    }

    private static func filter(_ column: String, _ values: [String]) -> SQLQueryString {
        guard !values.isEmpty else { return "1 = 1" }
        var list: SQLQueryString = "\(bind: values[0])"
        for value in values.dropFirst() { list = "\(list), \(bind: value)" }
        return "\(unsafeRaw: column) IN (\(list))"
    }
}
