import Foundation
import HubnetCore
import Vapor

/// `hubnet eval investors --companies FILE --investments FILE --train-before DATE --test-before DATE [--json]`
/// `hubnet eval search --queries FILE [--organisations 1000] [--seed 1] [--json]`
/// `hubnet eval affinity --gold FOLDER [--json]`, `hubnet eval assignment --scores FOLDER [--generated 200x2000] [--seed 1] [--export FOLDER] [--json]`
///
/// Measures the investor recommender against two baselines on a real funding history
/// (Crunchbase 2013 export format): recall@10, recall@50 and nDCG@10; and how well the
/// directory and matchmaking understand judged queries on the demo network: precision@10 and
/// the queries without a relevant hit.
struct EvalCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "target", help: "What to evaluate: investors, search, affinity or assignment.")
        var target: String
        @Option(name: "queries", help: "search: a JSON array of judged queries (benchmarks/search_queries.json).")
        var queries: String?
        @Option(name: "organisations", help: "search: size of the demo network (default 1000).")
        var organisations: Int?
        @Option(name: "seed", help: "search: seed of the demo network (default 1).")
        var seed: Int?
        @Option(name: "companies", help: "companies.csv of the Crunchbase 2013 export.")
        var companies: String?
        @Option(name: "investments", help: "investments.csv of the Crunchbase 2013 export.")
        var investments: String?
        @Option(name: "train-before", help: "Learn from deals before this date (YYYY-MM-DD).")
        var trainBefore: String?
        @Option(name: "test-before", help: "Test on companies first funded from --train-before up to this date.")
        var testBefore: String?
        @Option(name: "gold", help: "affinity: the reviewer gold standard folder (../shared/data/reviewer_goldstandard).")
        var gold: String?
        @Option(name: "scores", help: "assignment: a folder with scores.csv, paper_coverage.csv, reviewer_loads.csv (MIDL format).")
        var scores: String?
        @Option(name: "generated", help: "assignment: also a generated instance, REVIEWERSxPAPERS (e.g. 200x2000).")
        var generated: String?
        @Option(name: "export", help: "assignment: write the instances solved to this folder (midl/, generated/) for a peer.")
        var export: String?
        @Flag(name: "json", help: "End with one line of JSON holding every figure.")
        var json: Bool
    }

    var help: String { "Measures recommendation quality on real data: recall@10, recall@50, nDCG@10 against baselines." }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.target {
        case "search": return try evaluateSearch(context, signature)
        case "affinity": return try evaluateAffinity(context, signature)
        case "assignment": return try evaluateAssignment(context, signature)
        case "investors": break
        default: throw CommandProblem("Known evaluations: investors, search, affinity, assignment.")
        }
        guard let companiesPath = signature.companies, let investmentsPath = signature.investments else {
            throw CommandProblem("--companies and --investments are required.")
        }
        let trainBefore = try Self.date(signature.trainBefore, option: "--train-before")
        let testBefore = try Self.date(signature.testBefore, option: "--test-before")
        guard trainBefore < testBefore else { throw CommandProblem("--train-before must come before --test-before.") }

        let start = ContinuousClock.now
        let evaluation = InvestorEvaluation(companies: try CrunchbaseHistory.companies(at: companiesPath),
                                            deals: try CrunchbaseHistory.deals(at: investmentsPath))
        let report = evaluation.run(trainBefore: trainBefore, testBefore: testBefore)
        let seconds = (ContinuousClock.now - start).seconds
        let console = context.console
        console.print("Investor recommendation: \(report.trainingDeals) deals of \(report.investors) investors to learn from, "
                      + "\(report.testCompanies) companies to test on.")
        let rows: [(String, String, InvestorEvaluation.Figures)] = [
            ("hubnet", "hubnet engine", report.engine),
            ("most_active", "most active investors", report.mostActive),
            ("category_region", "most active in category and region", report.categoryAndRegion),
        ]
        var figures: [String: Any] = [
            "training_deals": report.trainingDeals, "investors": report.investors, "test_companies": report.testCompanies,
            "lift_recall@10_over_best_baseline": BenchCommand.round(report.liftOverBestBaseline), "seconds": BenchCommand.round(seconds),
        ]
        for (key, name, row) in rows {
            console.print("\(name.padding(toLength: 36, withPad: " ", startingAt: 0)) recall@10 \(Self.format(row.recallAt10))  "
                          + "recall@50 \(Self.format(row.recallAt50))  nDCG@10 \(Self.format(row.ndcgAt10))")
            figures["\(key)_recall@10"] = BenchCommand.round(row.recallAt10)
            figures["\(key)_recall@50"] = BenchCommand.round(row.recallAt50)
            figures["\(key)_nDCG@10"] = BenchCommand.round(row.ndcgAt10)
        }
        // The engine's own figures also under the plain names, for scripts that want one number.
        figures["recall@10"] = figures["hubnet_recall@10"]
        figures["recall@50"] = figures["hubnet_recall@50"]
        figures["nDCG@10"] = figures["hubnet_nDCG@10"]
        console.print("recall@10 over the best baseline: \(String(format: "%.2f", report.liftOverBestBaseline))× (goal ≥ 1.5×)")
        if signature.json {
            try console.printFigures(figures)
        }
    }

    func evaluateSearch(_ context: CommandContext, _ signature: Signature) throws {
        guard let path = signature.queries else { throw CommandProblem("--queries is required (a JSON file of judged queries).") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandProblem("Cannot read \(path).") }
        let queries: [SearchEvaluation.JudgedQuery]
        do {
            queries = try JSONDecoder().decode([SearchEvaluation.JudgedQuery].self, from: data)
        } catch {
            throw CommandProblem("\(path) is not a JSON array of {query, relevantTopics}: \(error)")
        }
        let count = signature.organisations ?? 1_000
        guard (1...1_000_000).contains(count), (signature.seed ?? 1) >= 0 else { throw CommandProblem("--organisations 1…1000000, --seed ≥ 0.") }
        let start = ContinuousClock.now
        let network = DemoEcosystem(seed: UInt64(signature.seed ?? 1)).organisations(count: count)
        let report = SearchEvaluation(organisations: network).run(queries)
        let console = context.console
        console.print("Judged queries: \(report.queries) on a demo network of \(count) organisations (seed \(signature.seed ?? 1)); "
                      + "\(report.unjudgeable.count) name topics no organisation has: \(report.unjudgeable.joined(separator: ", "))")
        var figures: [String: Any] = ["queries": report.queries, "unjudgeable": report.unjudgeable.count]
        for (key, name, row) in [("directory", "directory", report.directory), ("matchmaking", "matchmaking", report.matchmaking)] {
            console.print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) precision@10 \(Self.format(row.precisionAt10))  "
                          + "without a relevant hit: \(row.queriesWithoutRelevantHit.count) \(row.queriesWithoutRelevantHit)")
            figures["\(key)_precision@10"] = BenchCommand.round(row.precisionAt10)
            figures["\(key)_without_relevant_hit"] = row.queriesWithoutRelevantHit.count
        }
        figures["seconds"] = BenchCommand.round((ContinuousClock.now - start).seconds)
        console.print("Goal: precision@10 ≥ 0.9 for both, at most 2 queries without a relevant hit.")
        if signature.json { try console.printFigures(figures) }
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }

    static func date(_ text: String?, option: String) throws -> Double {
        guard let text else { throw CommandProblem("\(option) is required (YYYY-MM-DD).") }
        guard text.count == 10, let year = CrunchbaseHistory.decimalYear(text) else {
            throw CommandProblem("\(option) must be a date like 2012-01-01, got '\(text)'.")
        }
        return year
    }
}
