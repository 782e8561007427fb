import Foundation
import HubnetCore
import Vapor

/// The jury's engines on real data: how well expertise affinity orders the papers reviewers
/// rated themselves on, and the assignment of reviewers to papers on the MIDL 2018 instance.
extension EvalCommand {
    func evaluateAffinity(_ context: CommandContext, _ signature: Signature) throws {
        guard let folder = signature.gold else { throw CommandProblem("--gold is required (../shared/data/reviewer_goldstandard).") }
        let start = ContinuousClock.now
        let gold = try ReviewerGoldStandard(folder: folder)
        // Document frequencies over every distinct paper: the submissions and all publications.
        var corpus = gold.submissions
        for papers in gold.publications.values { for paper in papers where !paper.id.isEmpty { corpus[paper.id] = paper } }
        let engine = ExpertiseAffinity(corpus: corpus.values.map(\.text))
        var predictions: [String: [String: Double]] = [:]
        for (person, rated) in gold.ratings {
            let profile = (gold.publications[person] ?? []).map { engine.vector($0.text) }
            for paper in rated.keys {
                guard let submission = gold.submissions[paper] else { continue }
                predictions[person, default: [:]][paper] = ExpertiseAffinity.affinity(profile: profile, text: engine.vector(submission.text))
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let ours = ExpertiseEvaluation.figures(ratings: gold.ratings, predictions: predictions)
        let console = context.console
        console.print("Reviewer gold standard: \(gold.ratings.count) people, \(gold.ratings.values.map(\.count).reduce(0, +)) ratings, "
                      + "\(ours.easyPairs) easy and \(ours.hardPairs) hard pairs; \(corpus.count) papers for document frequencies.")
        console.print("method                          loss   easy   hard   (loss: lower is better)")
        func line(_ name: String, _ figures: ExpertiseEvaluation.Figures) {
            console.print(name.padding(toLength: 30, withPad: " ", startingAt: 0)
                          + String(format: "  %.3f  %.3f  %.3f", figures.loss, figures.easyAccuracy, figures.hardAccuracy))
        }
        line("hubnet (lexical affinity)", ours)
        var figures: [String: Any] = [
            "people": gold.ratings.count, "easy_pairs": ours.easyPairs, "hard_pairs": ours.hardPairs,
            "loss": BenchCommand.round(ours.loss), "easy_accuracy": BenchCommand.round(ours.easyAccuracy),
            "hard_accuracy": BenchCommand.round(ours.hardAccuracy), "seconds": BenchCommand.round(seconds),
        ]
        // The published baselines' scores for the same pairs, measured the same way.
        for (method, scores) in gold.baselines.sorted(by: { $0.key < $1.key }) {
            let theirs = ExpertiseEvaluation.figures(ratings: gold.ratings, predictions: scores)
            line(method + " (published scores)", theirs)
            figures["\(method)_loss"] = BenchCommand.round(theirs.loss)
            figures["\(method)_easy_accuracy"] = BenchCommand.round(theirs.easyAccuracy)
            figures["\(method)_hard_accuracy"] = BenchCommand.round(theirs.hardAccuracy)
        }
        console.print("Published on the full set (58 people, 10 profile samples): TPMS 0.281, SPECTER 0.272.")
        if let tpms = figures["tpms_loss"] as? Double {
            console.print(String(format: "hubnet vs TPMS on these pairs: %.3f vs %.3f (%@)", ours.loss, tpms,
                                 ours.loss < tpms ? "better" : "not better"))
        }
        if signature.json { try console.printFigures(figures) }
    }

    func evaluateAssignment(_ context: CommandContext, _ signature: Signature) throws {
        var instances: [(key: String, instance: AssignmentInstance)] = []
        if let folder = signature.scores { instances.append(("midl", try AssignmentInstance(folder: folder))) }
        if let size = signature.generated {
            let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, (1...10_000).contains(parts[0]), (1...100_000).contains(parts[1]) else {
                throw CommandProblem("--generated takes REVIEWERSxPAPERS, e.g. 200x2000.")
            }
            instances.append(("generated", AssignmentInstance(generatedReviewers: parts[0], papers: parts[1], seed: UInt64(max(0, signature.seed ?? 1)))))
        }
        guard !instances.isEmpty else { throw CommandProblem("--scores FOLDER or --generated REVIEWERSxPAPERS is required.") }
        let console = context.console
        var figures: [String: Any] = [:]
        for (key, instance) in instances {
            let problem = instance.problem
            if let export = signature.export { try instance.write(to: URL(fileURLWithPath: export).appendingPathComponent(key).path) }
            let start = ContinuousClock.now
            let assignment = problem.solve()
            let seconds = (ContinuousClock.now - start).seconds
            let asked = problem.required.reduce(0, +)
            let busiest = Dictionary(grouping: assignment.pairs, by: \.juror).values.map(\.count).max() ?? 0
            console.print("\(key): \(problem.jurors) reviewers × \(problem.applications) papers, \(problem.forbidden.count) conflicts; "
                          + "\(assignment.pairs.count) of \(asked) pairs assigned, total affinity "
                          + String(format: "%.6f", assignment.totalAffinity) + String(format: " in %.3f s", seconds)
                          + "; busiest reviewer \(busiest) (load ≤ \(problem.loads.max() ?? 0))")
            figures["\(key)_total"] = assignment.totalAffinity
            figures["\(key)_seconds"] = (seconds * 1e6).rounded() / 1e6
            figures["\(key)_assigned"] = assignment.pairs.count
            figures["\(key)_required"] = asked
            figures["\(key)_reviewers"] = problem.jurors
            figures["\(key)_papers"] = problem.applications
        }
        if signature.json { try console.printFigures(figures) }
    }
}
