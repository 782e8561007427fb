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
