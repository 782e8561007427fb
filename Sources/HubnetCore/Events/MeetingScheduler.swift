import Foundation

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
        for _ in 0..<10 where state.tighten() + state.swapForFewerGaps() == 0 { break }
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
}
