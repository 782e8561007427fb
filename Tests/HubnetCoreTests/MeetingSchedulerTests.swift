import Foundation
@testable import HubnetCore
import Testing

struct MeetingSchedulerTests {
    /// Every rule of a matchmaking day, checked on a schedule.
    static func isValid(_ schedule: MeetingSchedule, _ day: MeetingDay) -> Bool {
        var busy = [UInt64](repeating: 0, count: day.participants)
        var count = [Int](repeating: 0, count: day.participants)
        var load = [Int](repeating: 0, count: day.slots)
        var tables = Set<[Int]>()
        for (meeting, slot) in schedule.slot.enumerated() {
            guard let slot else { continue }
            let (a, b) = day.meetings[meeting]
            let bit = UInt64(1) << UInt64(slot)
            guard day.availability[a] & bit != 0, day.availability[b] & bit != 0, busy[a] & bit == 0, busy[b] & bit == 0,
                  let table = schedule.table[meeting], table < day.tables, tables.insert([slot, table]).inserted else { return false }
            busy[a] |= bit
            busy[b] |= bit
            count[a] += 1
            count[b] += 1
            load[slot] += 1
        }
        return count.allSatisfy { $0 <= day.capPerPerson } && load.allSatisfy { $0 <= day.tables }
            && day.fixed.allSatisfy { schedule.slot[$0.key] == $0.value }
    }

    /// The most meetings any schedule places, by trying every slot (or none) for every meeting.
    static func optimum(_ day: MeetingDay) -> Int {
        var busy = [UInt64](repeating: 0, count: day.participants), count = [Int](repeating: 0, count: day.participants)
        var load = [Int](repeating: 0, count: day.slots)
        var best = 0
        func visit(_ meeting: Int, _ placed: Int) {
            if placed + (day.meetings.count - meeting) <= best { return }
            if meeting == day.meetings.count { best = max(best, placed); return }
            let (a, b) = day.meetings[meeting]
            if count[a] < day.capPerPerson, count[b] < day.capPerPerson {
                for slot in 0..<day.slots where load[slot] < day.tables {
                    let bit = UInt64(1) << UInt64(slot)
                    guard day.common(meeting) & bit != 0, busy[a] & bit == 0, busy[b] & bit == 0 else { continue }
                    busy[a] |= bit; busy[b] |= bit; count[a] += 1; count[b] += 1; load[slot] += 1
                    visit(meeting + 1, placed + 1)
                    busy[a] &= ~bit; busy[b] &= ~bit; count[a] -= 1; count[b] -= 1; load[slot] -= 1
                }
            }
            visit(meeting + 1, placed)
        }
        visit(0, 0)
        return best
    }

    @Test func schedulesKeepEveryRuleAndComeCloseToTheOptimumOnSmallDays() {
        var placed = 0, optimal = 0
        for seed in 1...150 {
            var generator = SeededGenerator(seed: UInt64(seed))
            let day = MeetingDay.generated(participants: Int.random(in: 3...7, using: &generator), requests: Int.random(in: 2...9, using: &generator),
                                           slots: Int.random(in: 1...4, using: &generator), tables: Int.random(in: 1...3, using: &generator),
                                           capPerPerson: Int.random(in: 1...3, using: &generator), seed: UInt64(seed))
            let schedule = MeetingScheduler.schedule(day)
            #expect(Self.isValid(schedule, day), "seed \(seed)")
            let best = Self.optimum(day)
            #expect(schedule.scheduled <= best && best <= day.upperBound, "seed \(seed)")
            placed += schedule.scheduled
            optimal += best
        }
        // A heuristic, measured against the optimum here and against HiGHS in benchmarks/.
        #expect(Double(placed) >= 0.97 * Double(optimal), "\(placed) of \(optimal)")
    }

    @Test func aLargeDayFillsItsTablesWithoutBreakingARule() {
        let day = MeetingDay.generated(participants: 600, requests: 5_000, slots: 12, tables: 60, seed: 3)
        let schedule = MeetingScheduler.schedule(day)
        #expect(Self.isValid(schedule, day))
        #expect(Double(schedule.scheduled) >= 0.99 * Double(day.upperBound), "\(schedule.scheduled) of \(day.upperBound)")
    }

    @Test func confirmedMeetingsStayWhereTheyAre() {
        let everywhere = MeetingDay.mask(4)
        let day = MeetingDay(participants: 3, slots: 4, tables: 1, capPerPerson: 3, availability: [everywhere, everywhere, everywhere],
                             meetings: [(0, 1), (1, 2), (0, 2)], fixed: [0: 3, 2: 0])
        let schedule = MeetingScheduler.schedule(day)
        #expect(Self.isValid(schedule, day))
        #expect(schedule.slot == [3, 1, 0] || schedule.slot == [3, 2, 0])
    }

    @Test func idleGapsAreCountedBetweenAPersonsFirstAndLastMeeting() {
        #expect(MeetingScheduler.State.gaps(0b1001) == 2)
        #expect(MeetingScheduler.State.gaps(0b0110) == 0)
        #expect(MeetingScheduler.State.gaps(0) == 0)
    }
}
