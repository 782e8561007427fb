import Foundation

/// Who reviews which application of a call: each application asks for a number of jurors,
/// each juror takes at most a load, a conflicted pair is never formed, and the total affinity
/// of the pairs formed is as high as it can be.
///
/// Solved exactly as a min-cost flow (applications → jurors → sink) by successive shortest
/// paths: each unit of an application's demand travels the cheapest way to a juror with room,
/// possibly moving earlier pairs along the way. Every intermediate flow is optimal for the
/// demand it serves, so the last one is. Costs are affinities scaled to integers, so no
/// rounding can make Dijkstra's invariant fail.
public struct JuryAssignmentProblem: Sendable {
    public let jurors: Int
    public let applications: Int
    /// Row-major, jurors × applications.
    public let affinity: [Double]
    /// Reviewers each application asks for.
    public let required: [Int]
    /// The most applications each juror reviews.
    public let loads: [Int]
    /// Pairs never formed: declared and found conflicts, and pairs a manager forbids.
    public let forbidden: Set<JuryPair>
    /// Pairs formed whatever the affinity: pinned by a manager or already confirmed; they count
    /// against the application's demand and the juror's load.
    public let pinned: Set<JuryPair>

    public init(jurors: Int, applications: Int, affinity: [Double], required: [Int], loads: [Int],
                forbidden: Set<JuryPair> = [], pinned: Set<JuryPair> = []) {
        precondition(affinity.count == jurors * applications && required.count == applications && loads.count == jurors)
        self.jurors = jurors
        self.applications = applications
        self.affinity = affinity
        self.required = required
        self.loads = loads
        self.forbidden = forbidden
        self.pinned = pinned
    }

    public func affinity(_ juror: Int, _ application: Int) -> Double { affinity[juror * applications + application] }
}

public struct JuryPair: Hashable, Sendable, Comparable {
    public let juror: Int
    public let application: Int
    public init(juror: Int, application: Int) {
        self.juror = juror
        self.application = application
    }
    public static func < (a: JuryPair, b: JuryPair) -> Bool { (a.application, a.juror) < (b.application, b.juror) }
}

public struct JuryAssignment: Sendable, Equatable {
    /// Sorted by application, then juror.
    public let pairs: [JuryPair]
    public let totalAffinity: Double
    /// Per application: reviewers it asked for that could not be found (every juror left is
    /// conflicted or full). Empty when every demand is met.
    public let shortfall: [Int: Int]
    public var isComplete: Bool { shortfall.isEmpty }
}

extension JuryAssignmentProblem {
    /// The assignment with the most pairs possible and, among those, the highest total affinity.
    /// Pinned pairs stay whatever it costs; a pinned pair that is also forbidden is a conflict
    /// the caller must resolve first, so it is refused by precondition.
    public func solve() -> JuryAssignment {
        precondition(pinned.isDisjoint(with: forbidden), "a pinned pair is also forbidden")
        let scale = Self.costScale(affinity)
        func cost(_ juror: Int, _ application: Int) -> Int64 { -Int64((affinity(juror, application) * scale).rounded()) }

        var assigned = [Bool](repeating: false, count: jurors * applications)
        var demand = required
        var room = loads
        for pair in pinned {
            assigned[pair.juror * applications + pair.application] = true
            demand[pair.application] -= 1
            room[pair.juror] -= 1
        }
        // Candidates per application: jurors it may have, best first, so Dijkstra meets the
        // likely target early.
        let candidates: [[Int32]] = (0..<applications).map { application in
            (0..<jurors).filter { juror in
                !forbidden.contains(JuryPair(juror: juror, application: application))
                    && !pinned.contains(JuryPair(juror: juror, application: application))
            }.sorted { cost($0, application) < cost($1, application) }.map(Int32.init)
        }
        // Per juror, the applications flowing through it (reverse arcs), pinned ones excluded.
        var reviewing = [[Int32]](repeating: [], count: jurors)

        // Nodes: applications 0..<A, jurors A..<A+J, the sink A+J. Potentials keep every
        // residual arc's reduced cost c + π(u) − π(v) non-negative: no arc is used yet, so each
        // juror starts at its cheapest incoming arc and the sink at the cheapest juror.
        let nodeCount = applications + jurors + 1
        let sink = applications + jurors
        var potential = [Int64](repeating: 0, count: nodeCount)
        for juror in 0..<jurors {
            var cheapest: Int64 = 0
            for application in 0..<applications { cheapest = min(cheapest, cost(juror, application)) }
            potential[applications + juror] = cheapest
        }
        potential[sink] = potential[applications..<sink].min() ?? 0

        var distance = [Int64](repeating: .max, count: nodeCount)
        var previous = [Int32](repeating: -1, count: nodeCount)
        var settled = [Bool](repeating: false, count: nodeCount)
        var touched: [Int] = []
        // (node, distance), with lazy deletion.
        var heap = MinimumHeap<(node: Int, key: Int64)>(by: { $0.key < $1.key })

        /// Sends one unit along the cheapest path from any of `starts` to the sink and returns
        /// the application it serves, or nil when no path exists. Several starts act as one
        /// source joined to each by an arc of cost 0.
        func augment(from starts: [Int]) -> Int? {
            for node in touched { distance[node] = .max; previous[node] = -1; settled[node] = false }
            touched.removeAll(keepingCapacity: true)
            heap.removeAll()
            func reach(_ node: Int, _ length: Int64, from: Int) {
                guard length < distance[node] else { return }
                if distance[node] == .max { touched.append(node) }
                distance[node] = length
                previous[node] = Int32(from)
                heap.push((node, length))
            }
            // The joint source sits at the highest potential, so its arcs cost nothing negative.
            let top = starts.map { potential[$0] }.max() ?? 0
            for start in starts { reach(start, top - potential[start], from: -1) }
            var found = false
            while let (node, length) = heap.pop() {
                guard !settled[node], length == distance[node] else { continue }
                settled[node] = true
                if node == sink { found = true; break }
                if node < applications {
                    for juror32 in candidates[node] {
                        let juror = Int(juror32)
                        guard !assigned[juror * applications + node] else { continue }
                        let target = applications + juror
                        guard !settled[target] else { continue }
                        reach(target, length + cost(juror, node) + potential[node] - potential[target], from: node)
                    }
                } else {
                    let juror = node - applications
                    if room[juror] > 0, !settled[sink] {
                        reach(sink, length + potential[node] - potential[sink], from: node)
                    }
                    for other32 in reviewing[juror] {
                        let other = Int(other32)
                        guard !settled[other] else { continue }
                        reach(other, length - cost(juror, other) + potential[node] - potential[other], from: node)
                    }
                }
            }
            guard found else { return nil }
            // Nodes settled before the sink keep their distances; all others count as reached
            // at the sink's distance. Either way no reduced cost turns negative. (Shifted by
            // that distance, so the nodes not reached keep their potential.)
            let reached = distance[sink]
            for node in touched { potential[node] += min(distance[node], reached) - reached }
            var node = sink
            while true {
                let from = Int(previous[node])
                if from < 0 { return node }
                if node == sink {
                    room[from - applications] -= 1
                } else if from < applications {
                    assigned[(node - applications) * applications + from] = true
                    reviewing[node - applications].append(Int32(from))
                } else {
                    let juror = from - applications
                    assigned[juror * applications + node] = false
                    reviewing[juror].removeAll { Int($0) == node }
                }
                node = from
            }
        }

        // Application by application is fast and exact when every demand can be met: each
        // flow is then optimal for the demand it serves. When some demand cannot be met,
        // which applications go short matters for the total, so the search starts over from
        // all open applications at once (successive shortest paths from one source).
        let initial = (assigned, room, potential, reviewing)
        var open = demand.map { max(0, $0) }
        var complete = true
        for application in 0..<applications where open[application] > 0 {
            while open[application] > 0, augment(from: [application]) != nil { open[application] -= 1 }
            if open[application] > 0 { complete = false; break }
        }
        if !complete {
            (assigned, room, potential, reviewing) = initial
            open = demand.map { max(0, $0) }
            while true {
                let starts = open.indices.filter { open[$0] > 0 }
                guard !starts.isEmpty, let served = augment(from: starts) else { break }
                open[served] -= 1
            }
        }
        var shortfall: [Int: Int] = [:]
        for application in open.indices where open[application] > 0 { shortfall[application] = open[application] }

        var pairs: [JuryPair] = []
        var total = 0.0
        for juror in 0..<jurors {
            for application in 0..<applications where assigned[juror * applications + application] {
                pairs.append(JuryPair(juror: juror, application: application))
                total += affinity(juror, application)
            }
        }
        return JuryAssignment(pairs: pairs.sorted(), totalAffinity: total, shortfall: shortfall)
    }

    /// The exact assignment, then lifted so that every application's total affinity reaches
    /// `floor` where it can (fairness, as FairFlow does): an application below it trades its
    /// weakest reviewer for a better one — one with room, or one swapped with an application
    /// that stays at or above the floor. Loads, demands and conflicts hold throughout; pinned
    /// pairs stay. The total may fall a little; that is the price of the floor.
    public func solve(floor: Double) -> JuryAssignment {
        let exact = solve()
        var pairs = Set(exact.pairs)
        let pinned = self.pinned
        var total = [Double](repeating: 0, count: applications)
        var load = [Int](repeating: 0, count: jurors)
        for pair in pairs {
            total[pair.application] += affinity(pair.juror, pair.application)
            load[pair.juror] += 1
        }
        func allowed(_ juror: Int, _ application: Int) -> Bool {
            let pair = JuryPair(juror: juror, application: application)
            return !forbidden.contains(pair) && !pairs.contains(pair)
        }
        var improved = true, rounds = 0
        while improved, rounds < 10 * applications {
            improved = false
            rounds += 1
            for poor in (0..<applications).filter({ total[$0] < floor - 1e-12 }).sorted(by: { total[$0] < total[$1] }) {
                // The best single change for this application: (gain, old juror, new juror, other application or nil).
                var best: (gain: Double, out: Int, into: Int, other: Int?)?
                for out in pairs.filter({ $0.application == poor && !pinned.contains($0) }).map(\.juror) {
                    for into in 0..<jurors where allowed(into, poor) {
                        let gain = affinity(into, poor) - affinity(out, poor)
                        guard gain > 1e-12, best.map({ gain > $0.gain }) ?? true else { continue }
                        if load[into] < loads[into] {
                            best = (gain, out, into, nil)
                            continue
                        }
                        // A swap: `into` leaves another application, which takes `out` instead.
                        for pair in pairs where pair.juror == into && !pinned.contains(pair) && pair.application != poor {
                            let other = pair.application
                            guard allowed(out, other) else { continue }
                            let after = total[other] - affinity(into, other) + affinity(out, other)
                            if after >= max(floor, total[poor] + gain) - 1e-12 { best = (gain, out, into, other); break }
                        }
                    }
                }
                guard let change = best else { continue }
                pairs.remove(JuryPair(juror: change.out, application: poor))
                pairs.insert(JuryPair(juror: change.into, application: poor))
                total[poor] += change.gain
                if let other = change.other {
                    pairs.remove(JuryPair(juror: change.into, application: other))
                    pairs.insert(JuryPair(juror: change.out, application: other))
                    total[other] += affinity(change.out, other) - affinity(change.into, other)
                } else {
                    load[change.out] -= 1
                    load[change.into] += 1
                }
                improved = true
            }
        }
        return JuryAssignment(pairs: pairs.sorted(), totalAffinity: pairs.reduce(0) { $0 + affinity($1.juror, $1.application) },
                              shortfall: exact.shortfall)
    }

    /// Integer costs fine enough that rounding moves a total by far less than any difference a
    /// person could see (10⁻⁹ of the largest affinity per pair), and coarse enough that no path
    /// length can overflow.
    static func costScale(_ affinity: [Double]) -> Double {
        let largest = affinity.lazy.map(abs).max() ?? 0
        return largest > 0 ? 1e9 / largest : 1
    }
}
