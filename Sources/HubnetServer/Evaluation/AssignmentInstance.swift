import Foundation
import HubnetCore

/// A reviewer assignment instance in the format of the MIDL 2018 data used by FairFlow/FairIR:
/// scores.csv (reviewers × papers), paper_coverage.csv, reviewer_loads.csv and, optionally,
/// conflicts.csv (reviewer, paper). Read, generated, and written back for the HiGHS peer.
struct AssignmentInstance {
    var reviewers: [String]
    var papers: [String]
    var problem: JuryAssignmentProblem

    init(folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        func table(_ name: String, optional: Bool = false) throws -> [[String]] {
            let url = root.appendingPathComponent(name)
            if optional, !FileManager.default.fileExists(atPath: url.path) { return [] }
            return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        }
        let scores = try table("scores.csv")
        guard let header = scores.first, header.count > 1 else { throw CommandProblem("\(folder)/scores.csv has no papers.") }
        papers = Array(header.dropFirst())
        reviewers = scores.dropFirst().map { $0[0] }
        var affinity: [Double] = []
        for (line, row) in scores.dropFirst().enumerated() {
            guard row.count == header.count else { throw CommandProblem("scores.csv line \(line + 2) has \(row.count) cells, not \(header.count).") }
            for cell in row.dropFirst() {
                guard let value = Double(cell), value.isFinite else { throw CommandProblem("scores.csv line \(line + 2): “\(cell)” is not a number.") }
                affinity.append(value)
            }
        }
        let paperIndex = Dictionary(uniqueKeysWithValues: papers.enumerated().map { ($1, $0) })
        let reviewerIndex = Dictionary(uniqueKeysWithValues: reviewers.enumerated().map { ($1, $0) })
        var required = [Int](repeating: 0, count: papers.count)
        for row in try table("paper_coverage.csv").dropFirst() {
            guard row.count >= 2, let paper = paperIndex[row[0]], let count = Int(row[1]) else { throw CommandProblem("paper_coverage.csv: bad row \(row).") }
            required[paper] = count
        }
        var loads = [Int](repeating: 0, count: reviewers.count)
        for row in try table("reviewer_loads.csv").dropFirst() {
            guard row.count >= 2, let reviewer = reviewerIndex[row[0]], let load = Int(row[1]) else { throw CommandProblem("reviewer_loads.csv: bad row \(row).") }
            loads[reviewer] = load
        }
        var forbidden = Set<JuryPair>()
        for row in try table("conflicts.csv", optional: true).dropFirst() {
            guard row.count >= 2, let reviewer = reviewerIndex[row[0]], let paper = paperIndex[row[1]] else { throw CommandProblem("conflicts.csv: bad row \(row).") }
            forbidden.insert(JuryPair(juror: reviewer, application: paper))
        }
        problem = JuryAssignmentProblem(jurors: reviewers.count, applications: papers.count, affinity: affinity,
                                        required: required, loads: loads, forbidden: forbidden)
    }

    /// A conference-like instance: reviewers and papers each lean to a few of 25 research areas;
    /// affinity is how far their areas overlap, plus noise; half a percent of pairs are
    /// conflicts. Each paper wants `perPaper` reviewers; loads leave 10 % slack.
    init(generatedReviewers reviewerCount: Int, papers paperCount: Int, perPaper: Int = 3, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let areas = 25
        func interests() -> [Double] {
            var weights = [Double](repeating: 0, count: areas)
            for _ in 0..<Int.random(in: 1...3, using: &generator) { weights[Int.random(in: 0..<areas, using: &generator)] += Double.random(in: 0.3...1, using: &generator) }
            let length = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return weights.map { $0 / length }
        }
        let reviewerInterests = (0..<reviewerCount).map { _ in interests() }
        let paperInterests = (0..<paperCount).map { _ in interests() }
        var affinity: [Double] = []
        affinity.reserveCapacity(reviewerCount * paperCount)
        var forbidden = Set<JuryPair>()
        for reviewer in 0..<reviewerCount {
            for paper in 0..<paperCount {
                let overlap = zip(reviewerInterests[reviewer], paperInterests[paper]).reduce(0) { $0 + $1.0 * $1.1 }
                affinity.append(((overlap + Double.random(in: 0...0.2, using: &generator)) * 1_000).rounded() / 1_000)
                if Double.random(in: 0..<1, using: &generator) < 0.005 { forbidden.insert(JuryPair(juror: reviewer, application: paper)) }
            }
        }
        let load = Int((Double(perPaper * paperCount) / Double(max(reviewerCount, 1)) * 1.1).rounded(.up))
        reviewers = (0..<reviewerCount).map { "r\($0)" }
        papers = (0..<paperCount).map { "p\($0)" }
        problem = JuryAssignmentProblem(jurors: reviewerCount, applications: paperCount, affinity: affinity,
                                        required: Array(repeating: perPaper, count: paperCount),
                                        loads: Array(repeating: load, count: reviewerCount), forbidden: forbidden)
    }

    /// Writes the instance in the format it is read in, for a peer solver.
    func write(to folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var scores = "reviewer," + papers.joined(separator: ",") + "\n"
        for (index, reviewer) in reviewers.enumerated() {
            scores += reviewer + "," + (0..<papers.count).map { "\(problem.affinity(index, $0))" }.joined(separator: ",") + "\n"
        }
        try scores.write(to: root.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        let coverage = "paper,reviewers_required\n" + zip(papers, problem.required).map { "\($0),\($1)\n" }.joined()
        try coverage.write(to: root.appendingPathComponent("paper_coverage.csv"), atomically: true, encoding: .utf8)
        let loads = "reviewer,max_papers,min_papers_lb_variant\n" + zip(reviewers, problem.loads).map { "\($0),\($1),0\n" }.joined()
        try loads.write(to: root.appendingPathComponent("reviewer_loads.csv"), atomically: true, encoding: .utf8)
        let conflicts = "reviewer,paper\n" + problem.forbidden.sorted().map { "\(reviewers[$0.juror]),\(papers[$0.application])\n" }.joined()
        try conflicts.write(to: root.appendingPathComponent("conflicts.csv"), atomically: true, encoding: .utf8)
    }
}
