import Foundation
@testable import HubnetCore
import Testing

struct JuryAssignmentTests {
    /// Every way to give each application up to its demand of allowed jurors, within loads:
    /// the most pairs first, then the highest total.
    static func bruteForce(_ problem: JuryAssignmentProblem) -> (pairs: Int, total: Double) {
        var best = (pairs: -1, total: -Double.infinity)
        var room = problem.loads
        for pair in problem.pinned { room[pair.juror] -= 1 }
        let pinnedCount = problem.pinned.count
        let pinnedTotal = problem.pinned.reduce(0) { $0 + problem.affinity($1.juror, $1.application) }
        func subsets(_ items: [Int], upTo size: Int) -> [[Int]] {
            var result: [[Int]] = [[]]
            for item in items {
                result += result.filter { $0.count < size }.map { $0 + [item] }
            }
            return result
        }
        func visit(_ application: Int, pairs: Int, total: Double) {
            if application == problem.applications {
                if pairs > best.pairs || (pairs == best.pairs && total > best.total + 1e-12) { best = (pairs, total) }
                return
            }
            let pinnedHere = problem.pinned.filter { $0.application == application }.count
            let allowed = (0..<problem.jurors).filter {
                let pair = JuryPair(juror: $0, application: application)
                return !problem.forbidden.contains(pair) && !problem.pinned.contains(pair)
            }
            for chosen in subsets(allowed, upTo: max(0, problem.required[application] - pinnedHere)) where chosen.allSatisfy({ room[$0] > 0 }) {
                for juror in chosen { room[juror] -= 1 }
                visit(application + 1, pairs: pairs + chosen.count,
                      total: total + chosen.reduce(0) { $0 + problem.affinity($1, application) })
                for juror in chosen { room[juror] += 1 }
            }
        }
        visit(0, pairs: pinnedCount, total: pinnedTotal)
        return best
    }

    static func randomProblem(_ generator: inout SeededGenerator) -> JuryAssignmentProblem {
        let jurors = Int.random(in: 1...5, using: &generator)
        let applications = Int.random(in: 1...4, using: &generator)
        // Few distinct values, so ties are common and must not confuse the solver.
        let affinity = (0..<jurors * applications).map { _ in
            Bool.random(using: &generator) ? Double(Int.random(in: -2...4, using: &generator)) / 4
                                           : Double.random(in: -1...1, using: &generator)
        }
        var forbidden = Set<JuryPair>(), pinned = Set<JuryPair>()
        for juror in 0..<jurors {
            for application in 0..<applications {
                let pair = JuryPair(juror: juror, application: application)
                switch Int.random(in: 0..<10, using: &generator) {
                case 0, 1: forbidden.insert(pair)
                case 2 where pinned.filter({ $0.juror == juror }).count < 1: pinned.insert(pair)
                default: break
                }
            }
        }
        return JuryAssignmentProblem(
            jurors: jurors, applications: applications, affinity: affinity,
            required: (0..<applications).map { _ in Int.random(in: 1...3, using: &generator) },
            loads: (0..<jurors).map { _ in Int.random(in: 1...3, using: &generator) },
            forbidden: forbidden, pinned: pinned)
    }

    @Test func theAssignmentIsAsGoodAsTryingEveryOne() {
        var generator = SeededGenerator(seed: 2017)
        for _ in 0..<600 {
            let problem = Self.randomProblem(&generator)
            let solved = problem.solve()
            let best = Self.bruteForce(problem)
            #expect(solved.pairs.count == best.pairs)
            #expect(abs(solved.totalAffinity - best.total) < 1e-6, "\(problem) → \(solved) vs \(best)")
            let missing = zip(problem.required.indices, problem.required).reduce(0) { sum, entry in
                sum + max(0, entry.1 - solved.pairs.filter { $0.application == entry.0 }.count)
            }
            #expect(solved.shortfall.values.reduce(0, +) == missing)
        }
    }

    @Test func conflictsAreNeverAssignedAndLoadsHold() {
        var generator = SeededGenerator(seed: 16)
        for _ in 0..<200 {
            let jurors = 12, applications = 30
            let affinity = (0..<jurors * applications).map { _ in Double.random(in: 0...1, using: &generator) }
            // The best pairs are the conflicted ones: a solver that ignored conflicts would take them.
            var forbidden = Set<JuryPair>()
            for index in affinity.indices where affinity[index] > 0.8 {
                forbidden.insert(JuryPair(juror: index / applications, application: index % applications))
            }
            let problem = JuryAssignmentProblem(jurors: jurors, applications: applications, affinity: affinity,
                                                required: Array(repeating: 3, count: applications),
                                                loads: Array(repeating: 8, count: jurors), forbidden: forbidden)
            let solved = problem.solve()
            #expect(solved.pairs.allSatisfy { !forbidden.contains($0) })
            #expect(Set(solved.pairs).count == solved.pairs.count)
            for juror in 0..<jurors { #expect(solved.pairs.filter { $0.juror == juror }.count <= 8) }
            #expect(solved.isComplete)
        }
    }

    @Test func pinnedPairsStayAndCountAgainstTheDemand() {
        let problem = JuryAssignmentProblem(jurors: 3, applications: 1, affinity: [0.1, 0.9, 0.8], required: [2], loads: [1, 1, 1],
                                            pinned: [JuryPair(juror: 0, application: 0)])
        let solved = problem.solve()
        #expect(solved.pairs == [JuryPair(juror: 0, application: 0), JuryPair(juror: 1, application: 0)])
        #expect(abs(solved.totalAffinity - 1.0) < 1e-9)
    }

    @Test func aShortfallIsNamedPerApplication() {
        // Two jurors, both conflicted with the second application.
        let problem = JuryAssignmentProblem(jurors: 2, applications: 2, affinity: [1, 1, 1, 1], required: [2, 2], loads: [2, 2],
                                            forbidden: [JuryPair(juror: 0, application: 1), JuryPair(juror: 1, application: 1)])
        let solved = problem.solve()
        #expect(solved.pairs.count == 2)
        #expect(solved.shortfall == [1: 2])
    }
}
