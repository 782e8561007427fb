import Foundation
import HubnetCore
import Vapor

/// `hubnet eval investors --companies FILE --investments FILE --train-before DATE --test-before DATE [--json]`
///
/// Measures the investor recommender against two baselines on a real funding history
/// (Crunchbase 2013 export format): recall@10, recall@50 and nDCG@10.
struct EvalCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "target", help: "What to evaluate: investors.")
        var target: String
        @Option(name: "companies", help: "companies.csv of the Crunchbase 2013 export.")
        var companies: String?
        @Option(name: "investments", help: "investments.csv of the Crunchbase 2013 export.")
        var investments: String?
        @Option(name: "train-before", help: "Learn from deals before this date (YYYY-MM-DD).")
        var trainBefore: String?
        @Option(name: "test-before", help: "Test on companies first funded from --train-before up to this date.")
        var testBefore: String?
        @Flag(name: "json", help: "End with one line of JSON holding every figure.")
        var json: Bool
    }

    var help: String { "Measures recommendation quality on real data: recall@10, recall@50, nDCG@10 against baselines." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.target == "investors" else { throw CommandProblem("Known evaluations: investors.") }
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

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }

    static func date(_ text: String?, option: String) throws -> Double {
        guard let text else { throw CommandProblem("\(option) is required (YYYY-MM-DD).") }
        guard text.count == 10, let year = CrunchbaseHistory.decimalYear(text) else {
            throw CommandProblem("\(option) must be a date like 2012-01-01, got '\(text)'.")
        }
        return year
    }
}
