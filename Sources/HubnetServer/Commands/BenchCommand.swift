import FluentKit
import FluentSQLiteDriver
import Foundation
import HubnetCore
import HubnetPersistence
import SQLKit
import Vapor

/// `hubnet bench directory --organisations N [--queries 300] [--seed S] [--json]`
///
/// Builds a throwaway database of N demo organisations, on SQLite and, when DATABASE_URL
/// names a PostgreSQL server, there too, then times directory searches with facets through
/// the same code the site uses. As a peer in the same run it times the same searches done
/// the classic way in SQLite: FTS5 for words, GROUP BY for the facet counts.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "target", help: "What to measure: directory.")
        var target: String
        @Option(name: "organisations", help: "Size of the network (default 100000).")
        var organisations: Int?
        @Option(name: "queries", help: "Searches to time (default 300).")
        var queries: Int?
        @Option(name: "seed", help: "Seed of the network and the queries (default 1).")
        var seed: Int?
        @Flag(name: "json", help: "End with one line of JSON holding every figure.")
        var json: Bool
    }

    var help: String { "Measures directory search latency at a given network size." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.target == "directory" else { throw CommandProblem("Known benchmarks: directory.") }
        let count = signature.organisations ?? 100_000
        let queryCount = signature.queries ?? 300
        guard count >= 1, queryCount >= 1 else { throw CommandProblem("--organisations and --queries must be positive.") }
        let seed = UInt64(signature.seed ?? 1)
        let app = context.application
        let console = context.console
        var figures: [String: Any] = ["organisations": count, "queries": queryCount]

        let queries = BenchQueries.make(count: queryCount, seed: seed)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubnet-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let sqliteID = DatabaseID(string: "bench-sqlite")
        app.databases.use(.sqlite(.file(directory.appendingPathComponent("bench.sqlite").path)), as: sqliteID)
        let sqlite = app.db(sqliteID)
        console.print("Directory benchmark: \(count) organisations, \(queryCount) searches, seed \(seed).")
        let sqliteFigures = try await measure(on: sqlite, name: "sqlite", count: count, seed: seed, queries: queries, console: console)
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
                let pg = try await measure(on: app.db(postgres.id), name: "postgres", count: count, seed: seed, queries: queries, console: console)
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
            let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
            console.print(String(decoding: data, as: UTF8.self))
        }
    }

    private func measure(
        on database: any Database, name: String, count: Int, seed: UInt64, queries: [DirectoryQuery], console: any Console
    ) async throws -> [String: Any] {
        for migration in HubnetMigrations.all { try await migration.prepare(on: database).get() }
        try await ReferenceData.sync(on: database)
        let progress = ProgressLine(total: count, label: "\(name): inserting")
        let insertStart = ContinuousClock.now
        try await DemoSeeder.seed(count: count, seed: seed, on: database) { progress.update($0) }
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

    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
