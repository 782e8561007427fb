import Foundation

extension MeetingDay {
    /// A matchmaking day like a trade fair's: each participant is there for a contiguous part
    /// of the day (half of it or more), some leave a slot free for a talk; requests favour a
    /// popular fifth of the participants (the corporates everyone wants to meet).
    public static func generated(participants: Int, requests: Int, slots: Int, tables: Int, capPerPerson: Int = 8,
                                 seed: UInt64) -> MeetingDay {
        var generator = SeededGenerator(seed: seed)
        let availability: [UInt64] = (0..<participants).map { _ in
            let length = Int.random(in: max(1, (slots + 1) / 2)...slots, using: &generator)
            let start = Int.random(in: 0...(slots - length), using: &generator)
            var mask = MeetingDay.mask(length) << UInt64(start)
            if length > 2, Double.random(in: 0..<1, using: &generator) < 0.2 {
                mask &= ~(UInt64(1) << UInt64(start + Int.random(in: 1..<(length - 1), using: &generator)))
            }
            return mask
        }
        let popular = max(1, participants / 5)
        var seen = Set<Int>(), meetings: [(Int, Int)] = []
        let possible = participants * (participants - 1) / 2
        while meetings.count < min(requests, possible) {
            let a = Int.random(in: 0..<participants, using: &generator)
            // Half the requests go to the popular fifth.
            let b = Bool.random(using: &generator) ? Int.random(in: 0..<popular, using: &generator) : Int.random(in: 0..<participants, using: &generator)
            guard a != b, seen.insert(min(a, b) * participants + max(a, b)).inserted else { continue }
            meetings.append((a, b))
        }
        return MeetingDay(participants: participants, slots: slots, tables: tables, capPerPerson: capPerPerson,
                          availability: availability, meetings: meetings)
    }
}
