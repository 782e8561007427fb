import Foundation

/// How an organiser lays out a matchmaking day: slots of equal length from a first start,
/// tables per slot, and a cap of meetings per person.
public struct MatchmakingSettings: Hashable, Sendable {
    public var firstSlot: Date
    public var slotMinutes: Int
    public var slots: Int
    public var tables: Int
    public var capPerPerson: Int
    /// When "Schedule all" last ran; nil before.
    public var scheduledAt: Date?

    public init(firstSlot: Date, slotMinutes: Int = 20, slots: Int = 12, tables: Int = 20, capPerPerson: Int = 8, scheduledAt: Date? = nil) {
        self.firstSlot = firstSlot
        self.slotMinutes = slotMinutes
        self.slots = slots
        self.tables = tables
        self.capPerPerson = capPerPerson
        self.scheduledAt = scheduledAt
    }

    public func start(of slot: Int) -> Date { firstSlot.addingTimeInterval(Double(slot * slotMinutes * 60)) }
    public func end(of slot: Int) -> Date { start(of: slot + 1) }

    public var allSlots: UInt64 { MeetingDay.mask(slots) }

    public func validated(within event: Event) throws(ValidationFailure) -> MatchmakingSettings {
        var check = ProblemCollector()
        check.check([10, 15, 20, 25, 30, 45, 60].contains(slotMinutes), "slot_minutes",
                    de: "Ein Treffen dauert 10, 15, 20, 25, 30, 45 oder 60 Minuten.", en: "A meeting lasts 10, 15, 20, 25, 30, 45 or 60 minutes.")
        check.check((1...64).contains(slots), "slots", de: "Zwischen 1 und 64 Zeitfenster.", en: "Between 1 and 64 slots.")
        check.check((1...1000).contains(tables), "tables", de: "Zwischen 1 und 1000 Tische.", en: "Between 1 and 1000 tables.")
        check.check((1...64).contains(capPerPerson), "cap", de: "Zwischen 1 und 64 Treffen pro Person.", en: "Between 1 and 64 meetings per person.")
        check.check(firstSlot >= event.start && end(of: slots - 1) <= event.end, "first_slot",
                    de: "Alle Zeitfenster liegen innerhalb der Veranstaltung.", en: "Every slot lies within the event.")
        try check.throwIfAny()
        return self
    }
}

/// Someone at a matchmaking day: what they offer and seek, and when they are there.
public struct MeetingParticipant: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var eventID: UUID
    public var memberID: UUID
    public var organisationID: UUID
    public var offer: String
    public var seek: String
    /// The slots they are there, one bit each (slot 0 is bit 0).
    public var availability: UInt64

    public init(id: UUID = UUID(), eventID: UUID, memberID: UUID, organisationID: UUID, offer: String, seek: String, availability: UInt64) {
        self.id = id
        self.eventID = eventID
        self.memberID = memberID
        self.organisationID = organisationID
        self.offer = offer
        self.seek = seek
        self.availability = availability
    }

    public func validated() throws(ValidationFailure) -> MeetingParticipant {
        var result = self
        result.offer = offer.trimmingCharacters(in: .whitespacesAndNewlines)
        result.seek = seek.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = ProblemCollector()
        check.clean([("offer", result.offer, true), ("seek", result.seek, true)])
        check.check(result.offer.count <= 1000 && result.seek.count <= 1000, "offer",
                    de: "Angebot und Gesuch haben je höchstens 1000 Zeichen.", en: "Offer and search have at most 1,000 characters each.")
        check.check(availability != 0, "availability", de: "Bitte mindestens ein Zeitfenster wählen.", en: "Please choose at least one slot.")
        try check.throwIfAny()
        return result
    }
}

public enum MeetingRequestState: String, Hashable, Sendable, Codable, CaseIterable {
    case requested, accepted, declined, cancelled

    public var label: LocalizedText {
        switch self {
        case .requested: .init(de: "Angefragt", en: "Requested")
        case .accepted: .init(de: "Angenommen", en: "Accepted")
        case .declined: .init(de: "Abgelehnt", en: "Declined")
        case .cancelled: .init(de: "Zurückgezogen", en: "Cancelled")
        }
    }
}

/// A wish for a 1:1 meeting; once accepted, "Schedule all" gives it a slot and a table.
public struct MeetingRequest: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var eventID: UUID
    public var requesterID: UUID
    public var inviteeID: UUID
    public var message: String
    public var state: MeetingRequestState
    public var slot: Int?
    public var table: Int?
    /// The organiser confirmed the placement: a new run keeps it where it is.
    public var confirmed: Bool
    public var sequence: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), eventID: UUID, requesterID: UUID, inviteeID: UUID, message: String, state: MeetingRequestState = .requested,
                slot: Int? = nil, table: Int? = nil, confirmed: Bool = false, sequence: Int = 0, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.eventID = eventID
        self.requesterID = requesterID
        self.inviteeID = inviteeID
        self.message = message
        self.state = state
        self.slot = slot
        self.table = table
        self.confirmed = confirmed
        self.sequence = sequence
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func involves(_ participant: UUID) -> Bool { requesterID == participant || inviteeID == participant }

    public func other(than participant: UUID) -> UUID { requesterID == participant ? inviteeID : requesterID }
}

/// "Schedule all": the accepted requests of a day become a `MeetingDay`, the scheduler places
/// them, and the placements come back as slot and table per request. Confirmed meetings keep
/// their slot (unless the organiser asks to move them too); tables are dealt out per slot.
public enum MatchmakingPlan {
    public struct Placement: Hashable, Sendable {
        public let request: UUID
        public let slot: Int
        public let table: Int
    }

    public struct Outcome: Sendable {
        public let placements: [Placement]
        /// Accepted requests without a place: no common slot, or no room left.
        public let unplaced: [UUID]
        public let bound: Int
    }

    public static func schedule(settings: MatchmakingSettings, participants: [MeetingParticipant], requests: [MeetingRequest],
                                keepConfirmed: Bool = true) -> Outcome {
        let index = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1.id, $0) })
        let accepted = requests.filter { $0.state == .accepted && index[$0.requesterID] != nil && index[$0.inviteeID] != nil }
            .sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
        var fixed: [Int: Int] = [:]
        for (position, request) in accepted.enumerated() where keepConfirmed && request.confirmed {
            if let slot = request.slot, slot < settings.slots { fixed[position] = slot }
        }
        let day = MeetingDay(participants: participants.count, slots: settings.slots, tables: settings.tables,
                             capPerPerson: settings.capPerPerson,
                             availability: participants.map { $0.availability & settings.allSlots },
                             meetings: accepted.map { (index[$0.requesterID]!, index[$0.inviteeID]!) }, fixed: fixed)
        let schedule = MeetingScheduler.schedule(day)
        // Tables: confirmed meetings keep theirs; the others take the lowest free one, so a
        // person's tables read 1, 2, 3 … rather than the scheduler's order.
        var taken = [Set<Int>](repeating: [], count: settings.slots)
        var placements: [Int: (slot: Int, table: Int)] = [:]
        for (position, slot) in schedule.slot.enumerated() {
            guard let slot, fixed[position] == slot, let table = accepted[position].table, table < settings.tables,
                  !taken[slot].contains(table) else { continue }
            taken[slot].insert(table)
            placements[position] = (slot, table)
        }
        for (position, slot) in schedule.slot.enumerated() where placements[position] == nil {
            guard let slot else { continue }
            let table = (0..<settings.tables).first { !taken[slot].contains($0) }!
            taken[slot].insert(table)
            placements[position] = (slot, table)
        }
        let placed = placements.map { Placement(request: accepted[$0.key].id, slot: $0.value.slot, table: $0.value.table) }
            .sorted { ($0.slot, $0.table) < ($1.slot, $1.table) }
        let unplaced = accepted.indices.filter { placements[$0] == nil }.map { accepted[$0].id }
        return Outcome(placements: placed, unplaced: unplaced, bound: day.upperBound)
    }
}
