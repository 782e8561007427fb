import Foundation

extension MeetingScheduler {
    /// One schedule being built: who is busy when, how full each slot is, and the moves
    /// that place, repair and tighten it without breaking a rule.
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
            var queue = MinimumHeap(meetings.indices.map { (free(meetings[$0]).nonzeroBitCount, $0) }, by: <)
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

        /// Two meetings trade slots when that shrinks their four people's idle gaps. Tables stay
        /// as full as they were, so this works where every slot is full and no meeting can move
        /// on its own (the big days, where tables are the bottleneck).
        mutating func swapForFewerGaps() -> Int {
            var inSlot = [[Int]](repeating: [], count: day.slots)
            for meeting in day.meetings.indices where slotOf[meeting] >= 0 { inSlot[slotOf[meeting]].append(meeting) }
            var swapped = 0
            for meeting in day.meetings.indices where slotOf[meeting] >= 0 && !fixed.contains(meeting) {
                let from = slotOf[meeting]
                let (a, b) = day.meetings[meeting]
                let here = UInt64(1) << UInt64(from)
                let restA = busy[a] & ~here, restB = busy[b] & ~here
                let before = Self.gaps(busy[a]) + Self.gaps(busy[b])
                // Slots that would shrink this meeting's own gaps, both people free there.
                var targets = day.common(meeting) & ~restA & ~restB & ~here
                while targets != 0 {
                    let to = targets.trailingZeroBitCount
                    targets &= targets - 1
                    let there = UInt64(1) << UInt64(to)
                    let gain = Self.gaps(restA | there) + Self.gaps(restB | there) - before
                    guard gain < 0 else { continue }
                    for (position, other) in inSlot[to].enumerated() where !fixed.contains(other) {
                        let (c, d) = day.meetings[other]
                        guard c != a, c != b, d != a, d != b, day.common(other) & here != 0,
                              busy[c] & here == 0, busy[d] & here == 0 else { continue }
                        let otherGain = Self.gaps(busy[c] & ~there | here) + Self.gaps(busy[d] & ~there | here)
                            - Self.gaps(busy[c]) - Self.gaps(busy[d])
                        guard gain + otherGain < 0 else { continue }
                        remove(meeting)
                        remove(other)
                        place(meeting, in: to)
                        place(other, in: from)
                        inSlot[to][position] = meeting
                        inSlot[from][inSlot[from].firstIndex(of: meeting)!] = other
                        swapped += 1
                        break
                    }
                    if slotOf[meeting] != from { break }
                }
            }
            return swapped
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
