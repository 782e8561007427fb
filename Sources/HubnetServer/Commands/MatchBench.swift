import Foundation
import HubnetCore

/// `hubnet bench match` and `hubnet bench export-corpus`: the match engine on a demo network
/// of any size, and the same corpus and queries written to files for the peers in
/// `benchmarks/match_peers.py` (SQLite FTS5 and tantivy).
enum MatchBench {
    struct CorpusLine: Codable {
        let id: String
        let name: String
        let description: String
        let offers: String
        let seeks: String
    }

    struct QueryLine: Codable {
        let query: Int
        let text: String
    }

    struct ResultLine: Codable {
        let query: Int
        let ids: [String]
    }

    /// The demo network with a realistic vocabulary (`BenchmarkVocabulary`): tens of thousands
    /// of distinct words, most of them rare, as real profiles have.
    static func organisations(count: Int, seed: UInt64) -> some Sequence<Organisation> {
        let vocabulary = BenchmarkVocabulary()
        var generator = SeededGenerator(seed: seed ^ 0x70CAB)
        return DemoEcosystem(seed: seed).stream(count: count).lazy.map { vocabulary.enrich($0, using: &generator) }
    }

    static func documents(count: Int, seed: UInt64) -> some Sequence<MatchDocument> {
        organisations(count: count, seed: seed).lazy.map { MatchDocument(organisation: $0) }
    }

    /// Requests as people type them: one to four words taken from what other organisations
    /// of the same kind of network write (a separate draw, so no query copies a document).
    static func queries(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed ^ 0x9E3779B97F4A7C15)
        let sources = Array(organisations(count: max(count, 50), seed: seed &+ 1))
        return (0..<count).map { _ in
            let source = sources.randomElement(using: &generator)!
            let language: SiteLanguage = Bool.random(using: &generator) ? .de : .en
            let words = [source.description[language], source.offers[language], source.seeks[language]]
                .joined(separator: " ")
                .split { !$0.isLetter && !$0.isNumber }
                .map(String.init)
                .filter { $0.count >= 4 && $0 != source.name }
            let take = Int.random(in: 1...4, using: &generator)
            return Array(words.shuffled(using: &generator).prefix(take)).joined(separator: " ")
        }
    }

    static func exportCorpus(count: Int, queryCount: Int, seed: UInt64, to directory: URL, progress: ProgressLine) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var corpus = Data()
        let corpusURL = directory.appendingPathComponent("corpus.jsonl")
        FileManager.default.createFile(atPath: corpusURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: corpusURL)
        defer { try? handle.close() }
        for (n, document) in documents(count: count, seed: seed).enumerated() {
            corpus.append(try encoder.encode(CorpusLine(id: document.id.uuidString, name: document.name, description: document.description,
                                                        offers: document.offers, seeks: document.seeks)))
            corpus.append(0x0A)
            if corpus.count > 4 << 20 {
                try handle.write(contentsOf: corpus)
                corpus.removeAll(keepingCapacity: true)
                progress.update(n + 1)
            }
        }
        try handle.write(contentsOf: corpus)
        progress.finish()
        var lines = Data()
        for (n, text) in queries(count: queryCount, seed: seed).enumerated() {
            lines.append(try encoder.encode(QueryLine(query: n, text: text)))
            lines.append(0x0A)
        }
        try lines.write(to: directory.appendingPathComponent("queries.jsonl"))
    }

    struct Figures {
        var build: Double
        var memoryBytes: Int
        var residentBytes: Int?
        var latencies: Latencies
        /// Understanding the request alone (words, stems, compounds, topics named), per request.
        var analysis: Latencies
        var scored: Latencies
        var considered: Latencies
        var terms: Int
    }

    static func run(count: Int, queryCount: Int, seed: UInt64, results: URL?, progress: ProgressLine) throws -> Figures {
        // The texts are generated first and timed apart, so the build time is the index's own.
        var documents: [MatchDocument] = []
        documents.reserveCapacity(count)
        for document in self.documents(count: count, seed: seed) {
            documents.append(document)
            if documents.count % 10_000 == 0 { progress.update(documents.count) }
        }
        progress.finish()
        let start = ContinuousClock.now
        let index = MatchIndex(documents: documents)
        let build = (ContinuousClock.now - start).seconds
        documents = []
        let texts = queries(count: queryCount, seed: seed)
        let now = DemoInvestments.referenceDay
        func query(_ text: String) -> MatchQuery {
            var query = MatchQuery(text: text, limit: 20)
            query.now = now
            return query
        }
        for text in texts.prefix(20) { _ = index.search(query(text)) }
        var analysis: [Double] = []
        for text in texts {
            let started = ContinuousClock.now
            _ = TextAnalyzer.query(text)
            analysis.append((ContinuousClock.now - started).milliseconds)
        }
        var latencies: [Double] = [], scored: [Double] = [], considered: [Double] = []
        var lines = Data()
        let encoder = JSONEncoder()
        for (n, text) in texts.enumerated() {
            let started = ContinuousClock.now
            let outcome = index.search(query(text))
            latencies.append((ContinuousClock.now - started).milliseconds)
            scored.append(Double(outcome.scored))
            considered.append(Double(outcome.considered))
            lines.append(try encoder.encode(ResultLine(query: n, ids: outcome.results.map(\.id.uuidString))))
            lines.append(0x0A)
        }
        if let results { try lines.write(to: results) }
        return Figures(build: build, memoryBytes: index.estimatedBytes, residentBytes: residentBytes(),
                       latencies: Latencies(latencies), analysis: Latencies(analysis), scored: Latencies(scored),
                       considered: Latencies(considered), terms: index.termCount)
    }

    /// The process's resident memory, from /proc on Linux.
    static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }
}
