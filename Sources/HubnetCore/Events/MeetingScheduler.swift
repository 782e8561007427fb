import Foundation

/// A matchmaking day to schedule: people who asked to meet (and were accepted), the day's slots
/// and tables, when each person is there, and how many meetings one person has at most.
public struct MeetingDay: Sendable {
    public let participants: Int
    public let slots: Int
    public let tables: Int
    /// The most meetings one person has.
    public let capPerPerson: Int
    /// Per participant: the slots they are there, one bit each (slot 0 is bit 0).
    public let availability: [UInt64]
    /// Accepted requests: two different participants each.
    public let meetings: [(Int, Int)]
    /// Meetings already confirmed in a slot, which a new run keeps where they are.
    public let fixed: [Int: Int]

    public init(participants: Int, slots: Int, tables: Int, capPerPerson: Int, availability: [UInt64], meetings: [(Int, Int)],
                fixed: [Int: Int] = [:]) {
        precondition((1...64).contains(slots) && availability.count == participants)
        self.participants = participants
        self.slots = slots
        self.tables = tables
        self.capPerPerson = capPerPerson
        self.availability = availability
        self.meetings = meetings
        self.fixed = fixed
    }

    /// The slots a meeting can take: both sides are there.
    func common(_ meeting: Int) -> UInt64 {
        let (a, b) = meetings[meeting]
        return availability[a] & availability[b] & Self.mask(slots)
    }

    static func mask(_ slots: Int) -> UInt64 { slots == 64 ? .max : (UInt64(1) << UInt64(slots)) - 1 }

    /// No schedule places more meetings than this: every meeting needs a common slot; a slot
    /// seats at most its tables and half the people there; a person meets at most their cap,
    /// their availability and their requests allow, and each meeting takes two people.
    public var upperBound: Int {
        let placeable = meetings.indices.filter { common($0) != 0 }
        var degree = [Int](repeating: 0, count: participants)
        var present = [Int](repeating: 0, count: slots)
        for meeting in placeable {
            degree[meetings[meeting].0] += 1
            degree[meetings[meeting].1] += 1
        }
        for person in 0..<participants where degree[person] > 0 {
            for slot in 0..<slots where availability[person] & (1 << UInt64(slot)) != 0 { present[slot] += 1 }
        }
        let bySlots = present.reduce(0) { $0 + min(tables, $1 / 2) }
        let byPeople = (0..<participants).reduce(0) { $0 + min(capPerPerson, availability[$1].nonzeroBitCount, degree[$1]) } / 2
        return min(placeable.count, bySlots, byPeople)
    }
}

/// Where each meeting of a day goes: a slot and a table, or nowhere.
public struct MeetingSchedule: Sendable {
    /// Per meeting: its slot, or nil when it could not be placed.
    public let slot: [Int?]
    /// Per meeting: its table within the slot.
    public let table: [Int?]
    public var scheduled: Int { slot.lazy.filter { $0 != nil }.count }
    /// Empty slots between a person's first and last meeting, summed over everyone.
    public let idleGaps: Int
}

/// Schedules a matchmaking day in three passes, each keeping every rule (availability, one
/// meeting per person and slot, tables, caps):
/// 1. **Place** the meeting with the fewest free slots left, again and again, each where it
///    takes least from the other meetings of its two people (fewer idle gaps among equals).
/// 2. **Repair**: a meeting that found no slot takes one where only one of its people is busy,
///    if that person's meeting there can move to another slot (a short ejection chain).
/// 3. **Search**: a meeting left out takes the place of some of its people's meetings, which
///    find other slots (ruin and recreate), as long as no fewer meetings stand.
/// 4. **Tighten**: meetings move to slots that shrink their people's idle gaps.
/// Short of the upper bound, it also tries other orders and keeps the best schedule.
/// Confirmed meetings (`MeetingDay.fixed`) never move.
public enum MeetingScheduler {
    public static func schedule(_ day: MeetingDay) -> MeetingSchedule {
        // Hardest first: fewest common slots, then the busiest people.
        var requests = [Int](repeating: 0, count: day.participants)
        for (a, b) in day.meetings { requests[a] += 1; requests[b] += 1 }
        let open = day.meetings.indices.filter { day.fixed[$0] == nil && day.common($0) != 0 }
        let ordered = open.sorted {
            let (x, y) = (day.common($0).nonzeroBitCount, day.common($1).nonzeroBitCount)
            if x != y { return x < y }
            let (p, q) = (requests[day.meetings[$0].0] + requests[day.meetings[$0].1], requests[day.meetings[$1].0] + requests[day.meetings[$1].1])
            return p != q ? p > q : $0 < $1
        }
        let bound = day.upperBound
        var best = run(day, order: ordered, scarceFirst: true, bound: bound, search: true)
        // Short of the bound, the order decides which meetings crowd out others: a few more
        // runs with shuffled orders (seeded, so a day always gets the same schedule) keep the
        // best, within a budget of about 200,000 placements.
        var generator = SeededGenerator(seed: UInt64(day.meetings.count) &* 0x9E37_79B9 &+ UInt64(day.participants))
        var runs = min(60, 200_000 / max(1, open.count))
        while best.scheduled < bound, runs > 0 {
            runs -= 1
            let candidate = run(day, order: open.shuffled(using: &generator), bound: bound)
            if (candidate.scheduled, -candidate.idleGaps) > (best.scheduled, -best.idleGaps) { best = candidate }
        }
        return best
    }

    static func run(_ day: MeetingDay, order: [Int], scarceFirst: Bool = false, bound: Int, search: Bool = false) -> MeetingSchedule {
        var state = State(day)
        for (meeting, slot) in day.fixed where slot < day.slots { state.place(meeting, in: slot) }
        var unplaced: [Int] = []
        if scarceFirst {
            unplaced = state.placeScarceFirst(order)
        } else {
            for meeting in order where !state.placeBest(meeting) { unplaced.append(meeting) }
        }
        // Repair until a pass places nothing more, or nothing more can be placed.
        var progress = true
        while progress, !unplaced.isEmpty, state.scheduled < bound {
            progress = false
            unplaced = unplaced.filter { meeting in
                if state.placeBest(meeting) || state.placeByMovingOne(meeting) || state.placeBySwappingAChain(meeting) {
                    progress = true
                    return false
                }
                return true
            }
        }
        if search { ruinAndRecreate(&state, unplaced: unplaced, bound: bound) }
        for _ in 0..<10 where state.tighten() == 0 { break }
        return state.result()
    }

    /// A meeting left out takes the place of some of its people's meetings, which then look
    /// for other slots; the change stays when no fewer meetings stand, so the search can
    /// wander across equally good schedules towards a better one. Seeded: the same day gets
    /// the same schedule.
    static func ruinAndRecreate(_ state: inout State, unplaced: [Int], bound: Int) {
        let day = state.day
        var generator = SeededGenerator(seed: UInt64(day.meetings.count) &+ 0x5EED)
        var stuck = unplaced
        var iterations = min(100 * day.meetings.count, 20_000_000 / max(1, day.meetings.count))
        while iterations > 0, !stuck.isEmpty, state.scheduled < bound {
            iterations -= 1
            let index = Int.random(in: 0..<stuck.count, using: &generator)
            let meeting = stuck[index]
            var trial = state
            let (a, b) = day.meetings[meeting]
            var removed: [Int] = []
            for person in [a, b] {
                for slot in 0..<day.slots {
                    let other = Int(trial.meetingAt[person * day.slots + slot])
                    if other >= 0, !trial.fixed.contains(other), Bool.random(using: &generator) {
                        trial.remove(other)
                        removed.append(other)
                    }
                }
            }
            guard trial.placeBest(meeting) else { continue }
            var lost: [Int] = []
            for other in removed.shuffled(using: &generator) where !(trial.placeBest(other) || trial.placeByMovingOne(other)) {
                lost.append(other)
            }
            guard lost.count <= 1 else { continue }
            state = trial
            stuck.remove(at: index)
            stuck += lost
            // What was stuck may fit now.
            stuck.removeAll { state.placeBest($0) }
        }
    }

    struct State {
        let day: MeetingDay
        var slotOf: [Int]
        /// Per person: slots taken.
        var busy: [UInt64]
        var count: [Int]
        var load: [Int]
        /// Per person and slot: the meeting there (for moving it), as person * slots + slot.
        var meetingAt: [Int32]
        let fixed: Set<Int>

        init(_ day: MeetingDay) {
            self.day = day
            slotOf = [Int](repeating: -1, count: day.meetings.count)
            busy = [UInt64](repeating: 0, count: day.participants)
            count = [Int](repeating: 0, count: day.participants)
            load = [Int](repeating: 0, count: day.slots)
            meetingAt = [Int32](repeating: -1, count: day.participants * day.slots)
            fixed = Set(day.fixed.keys)
        }

        /// Slots where the meeting fits now.
        func free(_ meeting: Int) -> UInt64 {
            let (a, b) = day.meetings[meeting]
            guard count[a] < day.capPerPerson, count[b] < day.capPerPerson else { return 0 }
            var open: UInt64 = 0
            for slot in 0..<day.slots where load[slot] < day.tables { open |= 1 << UInt64(slot) }
            return day.common(meeting) & ~busy[a] & ~busy[b] & open
        }

        static func gaps(_ mask: UInt64) -> Int {
            guard mask != 0 else { return 0 }
            let span = 64 - mask.leadingZeroBitCount - mask.trailingZeroBitCount
            return span - mask.nonzeroBitCount
        }

        /// What placing the meeting in `slot` adds to its people's idle gaps.
        func addedGaps(_ meeting: Int, _ slot: Int) -> Int {
            let (a, b) = day.meetings[meeting]
            let bit = UInt64(1) << UInt64(slot)
            return Self.gaps(busy[a] | bit) - Self.gaps(busy[a]) + Self.gaps(busy[b] | bit) - Self.gaps(busy[b])
        }

        mutating func place(_ meeting: Int, in slot: Int) {
            let (a, b) = day.meetings[meeting]
            let bit = UInt64(1) << UInt64(slot)
            slotOf[meeting] = slot
            busy[a] |= bit
            busy[b] |= bit
            count[a] += 1
            count[b] += 1
            load[slot] += 1
            meetingAt[a * day.slots + slot] = Int32(meeting)
            meetingAt[b * day.slots + slot] = Int32(meeting)
        }

        mutating func remove(_ meeting: Int) {
            let slot = slotOf[meeting]
            guard slot >= 0 else { return }
            let (a, b) = day.meetings[meeting]
            let bit = ~(UInt64(1) << UInt64(slot))
            slotOf[meeting] = -1
            busy[a] &= bit
            busy[b] &= bit
            count[a] -= 1
            count[b] -= 1
            load[slot] -= 1
            meetingAt[a * day.slots + slot] = -1
            meetingAt[b * day.slots + slot] = -1
        }

        /// The free slot adding the fewest gaps; among equals the emptiest, so that no slot's
        /// tables run out while others stand empty.
        func bestSlot(_ meeting: Int, in candidates: UInt64) -> Int? {
            var best: (slot: Int, gaps: Int, load: Int)?
            var rest = candidates
            while rest != 0 {
                let slot = rest.trailingZeroBitCount
                rest &= rest - 1
                let added = addedGaps(meeting, slot)
                if best == nil || added < best!.gaps || (added == best!.gaps && load[slot] < best!.load) {
                    best = (slot, added, load[slot])
                }
            }
            return best?.slot
        }

        mutating func placeBest(_ meeting: Int) -> Bool {
            guard let slot = bestSlot(meeting, in: free(meeting)) else { return false }
            place(meeting, in: slot)
            return true
        }

        /// Places meetings one by one, always the one with the fewest free slots left (as
        /// DSatur colours graphs), each in the slot that takes the least from the other open
        /// meetings of its two people, scarce ones counting more; fewer idle gaps break ties.
        /// Returns the meetings that found no slot.
        mutating func placeScarceFirst(_ meetings: [Int]) -> [Int] {
            var open = [Bool](repeating: false, count: day.meetings.count)
            var incident = [[Int32]](repeating: [], count: day.participants)
            for meeting in meetings {
                open[meeting] = true
                incident[day.meetings[meeting].0].append(Int32(meeting))
                incident[day.meetings[meeting].1].append(Int32(meeting))
            }
            // A min-heap of (free slots, position in `meetings`): free slots only ever shrink, so
            // a stale entry is put back with its count now and met again in its turn.
            var heap = meetings.enumerated().map { (free(meetings[$0.offset]).nonzeroBitCount, $0.offset) }
            heap.sort { $0 < $1 }
            var queue = Heap(heap)
            var unplaced: [Int] = []
            while let (key, position) = queue.pop() {
                let meeting = meetings[position]
                guard open[meeting] else { continue }
                let candidates = free(meeting)
                let count = candidates.nonzeroBitCount
                if count < key { queue.push((count, position)); continue }
                open[meeting] = false
                guard count > 0 else { unplaced.append(meeting); continue }
                let (a, b) = day.meetings[meeting]
                var best: (slot: Int, cost: Double, gaps: Int)?
                var rest = candidates
                while rest != 0 {
                    let slot = rest.trailingZeroBitCount
                    rest &= rest - 1
                    let bit = UInt64(1) << UInt64(slot)
                    var cost = 0.0
                    for person in [a, b] {
                        for other32 in incident[person] where open[Int(other32)] {
                            let other = Int(other32)
                            let slots = free(other)
                            if slots & bit != 0 { cost += 1 / Double(slots.nonzeroBitCount) }
                        }
                    }
                    // Tables are scarce too: a fuller slot costs a little more.
                    cost += Double(load[slot]) / Double(day.tables)
                    let gaps = addedGaps(meeting, slot)
                    if best == nil || cost < best!.cost - 1e-12 || (abs(cost - best!.cost) <= 1e-12 && gaps < best!.gaps) {
                        best = (slot, cost, gaps)
                    }
                }
                place(meeting, in: best!.slot)
            }
            return unplaced
        }

        /// Places the meeting in a slot where one of its people is busy with a movable meeting
        /// that fits elsewhere.
        mutating func placeByMovingOne(_ meeting: Int) -> Bool {
            let (a, b) = day.meetings[meeting]
            guard count[a] < day.capPerPerson, count[b] < day.capPerPerson else { return false }
            var candidates = day.common(meeting)
            while candidates != 0 {
                let slot = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let bit = UInt64(1) << UInt64(slot)
                let blockers = [a, b].filter { busy[$0] & bit != 0 }
                if blockers.isEmpty, load[slot] >= day.tables {
                    // Both are free but the tables are taken: move another meeting out of the slot.
                    for other in slotOf.indices where slotOf[other] == slot && !fixed.contains(other) {
                        remove(other)
                        if let target = bestSlot(other, in: free(other) & ~bit) {
                            place(other, in: target)
                            place(meeting, in: slot)
                            return true
                        }
                        place(other, in: slot)
                    }
                    continue
                }
                guard blockers.count == 1 else { continue }
                let other = Int(meetingAt[blockers[0] * day.slots + slot])
                guard other >= 0, !fixed.contains(other) else { continue }
                remove(other)
                let elsewhere = free(other) & ~bit
                if elsewhere != 0, free(meeting) & bit != 0, let target = bestSlot(other, in: elsewhere) {
                    place(other, in: target)
                    place(meeting, in: slot)
                    return true
                }
                place(other, in: slot)
            }
            return false
        }

        var scheduled: Int { load.reduce(0, +) }

        /// Frees a slot for the meeting by swapping two slots s and t along a chain (as in
        /// Vizing's proof for edge colouring): one person is free at s but busy at t... and the
        /// other busy at s, free at t; the meetings met from the busy one, alternately at s and
        /// t, trade their slots, which frees s for both. Every meeting in the chain must be
        /// possible in its new slot, and the tables must still suffice.
        mutating func placeBySwappingAChain(_ meeting: Int) -> Bool {
            let (a, b) = day.meetings[meeting]
            guard count[a] < day.capPerPerson, count[b] < day.capPerPerson else { return false }
            let common = day.common(meeting)
            for (free, busy) in [(a, b), (b, a)] {
                var slots = common & ~self.busy[free] & self.busy[busy]
                while slots != 0 {
                    let s = slots.trailingZeroBitCount
                    slots &= slots - 1
                    var others = day.availability[busy] & ~self.busy[busy] & Self.fullMask(day.slots)
                    while others != 0 {
                        let t = others.trailingZeroBitCount
                        others &= others - 1
                        if swapChain(from: busy, s, t, sparing: free), self.free(meeting) & (UInt64(1) << UInt64(s)) != 0 {
                            place(meeting, in: s)
                            return true
                        }
                    }
                }
            }
            return false
        }

        static func fullMask(_ slots: Int) -> UInt64 { MeetingDay.mask(slots) }

        /// Swaps slots s and t along the chain that starts with `start`'s meeting at s; false
        /// (and nothing changed) when the chain reaches `spared`, is too long, holds a confirmed
        /// meeting, or a meeting cannot take its new slot.
        mutating func swapChain(from start: Int, _ s: Int, _ t: Int, sparing spared: Int) -> Bool {
            var chain: [Int] = []
            var person = start, slot = s
            while chain.count < 60 {
                let next = Int(meetingAt[person * day.slots + slot])
                guard next >= 0 else { break }
                if fixed.contains(next) || chain.contains(next) { return false }
                chain.append(next)
                let (x, y) = day.meetings[next]
                person = x == person ? y : x
                if person == spared { return false }
                slot = slot == s ? t : s
            }
            guard !chain.isEmpty, chain.count < 60 else { return false }
            for meeting in chain {
                let target = slotOf[meeting] == s ? t : s
                guard day.common(meeting) & (UInt64(1) << UInt64(target)) != 0 else { return false }
            }
            // The chain alternates s, t, s, …: an odd chain moves one meeting from s to t.
            if chain.count % 2 == 1, load[t] >= day.tables { return false }
            let moves = chain.map { ($0, slotOf[$0] == s ? t : s) }
            for (meeting, _) in moves { remove(meeting) }
            for (meeting, target) in moves { place(meeting, in: target) }
            return true
        }

        /// Moves meetings to slots with fewer idle gaps; returns how many moved.
        mutating func tighten() -> Int {
            var moved = 0
            for meeting in day.meetings.indices where slotOf[meeting] >= 0 && !fixed.contains(meeting) {
                let from = slotOf[meeting]
                let (a, b) = day.meetings[meeting]
                let before = Self.gaps(busy[a]) + Self.gaps(busy[b])
                remove(meeting)
                let after = Self.gaps(busy[a]) + Self.gaps(busy[b])
                if let slot = bestSlot(meeting, in: free(meeting)), after + addedGaps(meeting, slot) < before {
                    place(meeting, in: slot)
                    moved += 1
                } else {
                    place(meeting, in: from)
                }
            }
            return moved
        }

        func result() -> MeetingSchedule {
            var nextTable = [Int](repeating: 0, count: day.slots)
            var table = [Int?](repeating: nil, count: day.meetings.count)
            for meeting in day.meetings.indices where slotOf[meeting] >= 0 {
                table[meeting] = nextTable[slotOf[meeting]]
                nextTable[slotOf[meeting]] += 1
            }
            return MeetingSchedule(slot: slotOf.map { $0 >= 0 ? $0 : nil }, table: table,
                                   idleGaps: busy.reduce(0) { $0 + Self.gaps($1) })
        }
    }
}

/// A binary min-heap of (key, position) pairs.
private struct Heap {
    private var items: [(Int, Int)]

    init(_ sorted: [(Int, Int)]) { items = sorted }

    mutating func push(_ item: (Int, Int)) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left] < items[smallest] { smallest = left }
                if right < items.count, items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
