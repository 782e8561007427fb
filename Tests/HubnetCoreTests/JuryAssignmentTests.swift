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

struct JuryFloorTests {
    @Test func aFloorLiftsThePoorestApplicationsAndKeepsEveryRule() {
        var generator = SeededGenerator(seed: 42)
        var lifted = 0
        for _ in 0..<100 {
            let jurors = 10, applications = 12
            // Two popular applications draw the best jurors; the others are left with little.
            let affinity = (0..<jurors * applications).map { index in
                index % applications < 2 ? Double.random(in: 0.6...1, using: &generator) : Double.random(in: 0...0.5, using: &generator)
            }
            var forbidden = Set<JuryPair>()
            for _ in 0..<8 { forbidden.insert(JuryPair(juror: Int.random(in: 0..<jurors, using: &generator), application: Int.random(in: 0..<applications, using: &generator))) }
            let problem = JuryAssignmentProblem(jurors: jurors, applications: applications, affinity: affinity,
                                                required: Array(repeating: 2, count: applications), loads: Array(repeating: 3, count: jurors),
                                                forbidden: forbidden)
            let exact = problem.solve()
            func totals(_ assignment: JuryAssignment) -> [Double] {
                var totals = [Double](repeating: 0, count: applications)
                for pair in assignment.pairs { totals[pair.application] += problem.affinity(pair.juror, pair.application) }
                return totals
            }
            let floor = 0.6
            let fair = problem.solve(floor: floor)
            #expect(fair.pairs.count == exact.pairs.count && fair.pairs.allSatisfy { !forbidden.contains($0) })
            #expect(Set(fair.pairs).count == fair.pairs.count)
            for application in 0..<applications { #expect(fair.pairs.filter { $0.application == application }.count == 2) }
            for juror in 0..<jurors { #expect(fair.pairs.filter { $0.juror == juror }.count <= 3) }
            #expect(fair.totalAffinity <= exact.totalAffinity + 1e-9)
            let (before, after) = (totals(exact).min()!, totals(fair).min()!)
            #expect(after >= before - 1e-9)
            if after > before + 1e-9 { lifted += 1 }
        }
        // Often the exact assignment is already as fair as the rules allow; sometimes it is not.
        #expect(lifted > 0, "the floor lifted the poorest application in \(lifted) of 100 instances")
    }

    @Test func theFloorTradesTotalForThePoorestApplication() {
        // Exactly: juror 0 to application 0 (1.0), juror 1 to application 1 (0.0) — total 1.0.
        let problem = JuryAssignmentProblem(jurors: 2, applications: 2, affinity: [1.0, 0.4, 0.5, 0.0], required: [1, 1], loads: [1, 1])
        #expect(problem.solve().pairs == [JuryPair(juror: 0, application: 0), JuryPair(juror: 1, application: 1)])
        let fair = problem.solve(floor: 0.3)
        #expect(fair.pairs == [JuryPair(juror: 1, application: 0), JuryPair(juror: 0, application: 1)])
        #expect(abs(fair.totalAffinity - 0.9) < 1e-9)
    }
}
