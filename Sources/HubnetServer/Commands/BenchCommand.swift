import FluentKit
import FluentSQLiteDriver
import Foundation
import HubnetCore
import HubnetPersistence
import SQLKit
import Vapor

/// `hubnet bench directory --organisations N [--queries 300] [--seed S] [--json]`
/// `hubnet bench match --organisations N [--queries 300] [--seed S] [--results FILE] [--json]`
/// `hubnet bench export-corpus --organisations N [--queries 300] [--seed S] --out DIR`
/// `hubnet bench schedule --participants 2000 --requests 20000 --slots 16 --tables 200 [--cap 8] [--seed S] [--export FILE] [--json]`
///
/// Builds a throwaway database of N demo organisations, on SQLite and, when DATABASE_URL
/// names a PostgreSQL server, there too, then times directory searches with facets through
/// the same code the site uses. As a peer in the same run it times the same searches done
/// the classic way in SQLite: FTS5 for words, GROUP BY for the facet counts.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "target", help: "What to measure: directory, match; or export-corpus for the peers.")
        var target: String
        @Option(name: "organisations", help: "Size of the network (default 100000).")
        var organisations: Int?
        @Option(name: "queries", help: "Searches to time (default 300).")
        var queries: Int?
        @Option(name: "seed", help: "Seed of the network and the queries (default 1).")
        var seed: Int?
        @Option(name: "results", help: "bench match: write each query's top 20 ids to this file (JSON lines).")
        var results: String?
        @Option(name: "out", help: "bench export-corpus: the directory to write corpus.jsonl and queries.jsonl to.")
        var out: String?
        @Option(name: "participants", help: "bench schedule: people at the matchmaking day (default 2000).")
        var participants: Int?
        @Option(name: "requests", help: "bench schedule: accepted meeting requests (default 20000).")
        var requests: Int?
        @Option(name: "slots", help: "bench schedule: time slots (default 16, at most 64).")
        var slots: Int?
        @Option(name: "tables", help: "bench schedule: tables (default 200).")
        var tables: Int?
        @Option(name: "cap", help: "bench schedule: meetings per person at most (default 8).")
        var cap: Int?
        @Option(name: "export", help: "bench schedule: write the instance to this JSON file (for benchmarks/schedule_mip.py).")
        var export: String?
        @Flag(name: "json", help: "End with one line of JSON holding every figure.")
        var json: Bool
    }

    var help: String { "Measures directory search or matching latency at a given network size; exports the match corpus." }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.target {
        case "directory": try await directory(using: context, signature: signature)
        case "match": try match(using: context, signature: signature)
        case "export-corpus": try exportCorpus(using: context, signature: signature)
        case "schedule": try schedule(using: context, signature: signature)
        default: throw CommandProblem("Known benchmarks: directory, match, export-corpus, schedule; not '\(signature.target)'.")
        }
    }

    private func sizes(_ signature: Signature, defaultCount: Int) throws -> (count: Int, queries: Int, seed: UInt64) {
        let count = signature.organisations ?? defaultCount
        let queryCount = signature.queries ?? 300
        guard count >= 1, queryCount >= 1 else { throw CommandProblem("--organisations and --queries must be positive.") }
        return (count, queryCount, UInt64(signature.seed ?? 1))
    }

    private func match(using context: CommandContext, signature: Signature) throws {
        let (count, queryCount, seed) = try sizes(signature, defaultCount: 1_000_000)
        let console = context.console
        console.print("Match benchmark: \(count) organisations, \(queryCount) free-text requests for the top 20, seed \(seed).")
        let figures = try MatchBench.run(count: count, queryCount: queryCount, seed: seed, results: signature.results.map { URL(fileURLWithPath: $0) },
                                         progress: ProgressLine(total: count, label: "generating"))
        let megabytes = Double(figures.memoryBytes) / 1_048_576
        console.print("index build \(String(format: "%.2f", figures.build)) s, \(figures.terms) terms, "
                      + "memory \(String(format: "%.0f", megabytes)) MB (index estimate)"
                      + (figures.residentBytes.map { ", process resident \(String(format: "%.0f", Double($0) / 1_048_576)) MB" } ?? ""))
        console.print(figures.latencies.line(name: "hubnet top-20"))
        console.print(figures.analysis.line(name: "of which understanding the request"))
        console.print("documents considered per request: median \(Int(figures.considered.percentile(0.5))), "
                      + "p95 \(Int(figures.considered.percentile(0.95))) (whole blocks passed over are not counted)")
        console.print("documents scored per request: median \(Int(figures.scored.percentile(0.5))), "
                      + "p95 \(Int(figures.scored.percentile(0.95))) (the rest ruled out by the score bound)")
        if signature.json {
            var json: [String: Any] = ["organisations": count, "queries": queryCount, "seed": Int(seed),
                                       "build_s": Self.round(figures.build), "memory_mb": Self.round(megabytes),
                                       "terms": figures.terms, "scored_p50": figures.scored.percentile(0.5),
                                       "considered_p50": figures.considered.percentile(0.5),
                                       "analysis_p50_ms": Self.round(figures.analysis.percentile(0.5))]
            json.merge(figures.latencies.figures(prefix: "")) { $1 }
            if let resident = figures.residentBytes { json["rss_mb"] = Self.round(Double(resident) / 1_048_576) }
            try console.printFigures(json)
        }
    }

    private func exportCorpus(using context: CommandContext, signature: Signature) throws {
        let (count, queryCount, seed) = try sizes(signature, defaultCount: 1_000_000)
        guard let out = signature.out else { throw CommandProblem("--out DIR is required: where corpus.jsonl and queries.jsonl go.") }
        let directory = URL(fileURLWithPath: out)
        try MatchBench.exportCorpus(count: count, queryCount: queryCount, seed: seed, to: directory,
                                    progress: ProgressLine(total: count, label: "writing corpus"))
        context.console.print("Wrote \(count) organisations to \(directory.appendingPathComponent("corpus.jsonl").path) "
                              + "and \(queryCount) requests to \(directory.appendingPathComponent("queries.jsonl").path).")
        if signature.json {
            try context.console.printFigures(["organisations": count, "queries": queryCount, "seed": Int(seed)])
        }
    }

    private func directory(using context: CommandContext, signature: Signature) async throws {
        let (count, queryCount, seed) = try sizes(signature, defaultCount: 100_000)
        let app = context.application
        let console = context.console
        var figures: [String: Any] = ["organisations": count, "queries": queryCount]

        // Profiles and searches with a realistic vocabulary, not only the demo templates' words.
        let vocabulary = BenchmarkVocabulary()
        let queries = BenchQueries.make(count: queryCount, seed: seed, vocabulary: vocabulary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubnet-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let sqliteID = DatabaseID(string: "bench-sqlite")
        app.databases.use(.sqlite(.file(directory.appendingPathComponent("bench.sqlite").path)), as: sqliteID)
        let sqlite = app.db(sqliteID)
        console.print("Directory benchmark: \(count) organisations, \(queryCount) searches, seed \(seed).")
        let sqliteFigures = try await measure(on: sqlite, name: "sqlite", count: count, seed: seed, vocabulary: vocabulary,
                                                queries: queries, console: console)
        figures.merge(sqliteFigures) { $1 }
        let peer = try await FTS5Peer.measure(on: sqlite as! any SQLDatabase, queries: queries)
        figures.merge(peer.figures(prefix: "sqlite_fts5_groupby")) { $1 }
        console.print(peer.line(name: "peer: SQLite FTS5 + GROUP BY facets"))
        if let p50 = sqliteFigures["sqlite_p50_ms"] as? Double, p50 > 0 {
            let ratio = peer.percentile(0.5) / p50
            figures["ratio_p50_fts5_over_hubnet"] = Self.round(ratio)
            console.print("ratio p50 peer/hubnet on SQLite: \(String(format: "%.1f", ratio))×")
        }

        if case .postgres(let url) = app.hubnetSettings.database {
            let postgres = try await PostgresBenchDatabase.create(adminURL: url, on: app)
            do {
                let pg = try await measure(on: app.db(postgres.id), name: "postgres", count: count, seed: seed, vocabulary: vocabulary,
                                         queries: queries, console: console)
                figures.merge(pg) { $1 }
            } catch {
                try await postgres.drop(on: app)
                throw error
            }
            try await postgres.drop(on: app)
        } else {
            console.print("PostgreSQL: skipped (set DATABASE_URL=postgres://… to include it).")
        }
        if signature.json {
            try console.printFigures(figures)
        }
    }

    private func measure(
        on database: any Database, name: String, count: Int, seed: UInt64, vocabulary: BenchmarkVocabulary,
        queries: [DirectoryQuery], console: any Console
    ) async throws -> [String: Any] {
        for migration in HubnetMigrations.all { try await migration.prepare(on: database).get() }
        try await ReferenceData.sync(on: database)
        let progress = ProgressLine(total: count, label: "\(name): inserting")
        let insertStart = ContinuousClock.now
        try await DemoSeeder.seed(count: count, seed: seed, vocabulary: vocabulary, on: database) { progress.update($0) }
        progress.finish()
        let insertSeconds = (ContinuousClock.now - insertStart).seconds

        let service = DirectoryService(freshness: .seconds(3600))
        let loadStart = ContinuousClock.now
        _ = try await service.snapshot(on: database)
        let loadSeconds = (ContinuousClock.now - loadStart).seconds

        // Warm-up: caches and the first page reads of the database.
        for query in queries.prefix(20) { _ = try await service.search(query, on: database) }
        var latencies: [Double] = []
        var indexOnly: [Double] = []
        let index = try await service.snapshot(on: database)
        for query in queries {
            let start = ContinuousClock.now
            let page = try await service.search(query, on: database)
            latencies.append((ContinuousClock.now - start).milliseconds)
            precondition(page.organisations.count == page.result.organisationIDs.count, "every id on a page has its row")
            let indexStart = ContinuousClock.now
            _ = index.search(query)
            indexOnly.append((ContinuousClock.now - indexStart).milliseconds)
        }
        let stats = Latencies(latencies)
        let indexStats = Latencies(indexOnly)
        console.print("\(name): insert \(String(format: "%.1f", insertSeconds)) s, index load \(String(format: "%.2f", loadSeconds)) s")
        console.print(stats.line(name: "\(name): search + page rows"))
        console.print(indexStats.line(name: "\(name): index only"))
        return stats.figures(prefix: name).merging(indexStats.figures(prefix: "\(name)_index")) { $1 }
            .merging(["\(name)_insert_s": Self.round(insertSeconds), "\(name)_index_load_s": Self.round(loadSeconds)]) { $1 }
    }

    static func round(_ value: Double) -> Double { value.thousandths }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
