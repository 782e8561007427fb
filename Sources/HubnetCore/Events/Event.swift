import Foundation

public enum EventKind: String, Hashable, Sendable, Codable, CaseIterable {
    case pitchNight = "pitch_night"
    case workshop
    case demoDay = "demo_day"
    case matchmakingDay = "matchmaking_day"

    public var label: LocalizedText {
        switch self {
        case .pitchNight: .init(de: "Pitch-Abend", en: "Pitch night")
        case .workshop: .init(de: "Workshop", en: "Workshop")
        case .demoDay: .init(de: "Demo Day", en: "Demo day")
        case .matchmakingDay: .init(de: "Matchmaking-Tag", en: "Matchmaking day")
        }
    }
}

/// A hub's event: people register up to its capacity, then wait in line.
public struct Event: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var hubSlug: String
    public var kind: EventKind
    public var title: LocalizedText
    public var description: LocalizedText
    public var venue: String
    public var start: Date
    public var end: Date
    public var capacity: Int
    public var cancelled: Bool
    /// Counts changes people see in their calendar (iCalendar SEQUENCE): time, place, title, cancellation.
    public var sequence: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), hubSlug: String, kind: EventKind, title: LocalizedText, description: LocalizedText = .init(""),
                venue: String, start: Date, end: Date, capacity: Int, cancelled: Bool = false, sequence: Int = 0,
                createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.hubSlug = hubSlug
        self.kind = kind
        self.title = title
        self.description = description
        self.venue = venue
        self.start = start
        self.end = end
        self.capacity = capacity
        self.cancelled = cancelled
        self.sequence = sequence
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var hub: Hub? { Network.hub(hubSlug) }

    public func validated() throws(ValidationFailure) -> Event {
        var result = self
        func trim(_ text: LocalizedText) -> LocalizedText {
            .init(de: text.de.trimmingCharacters(in: .whitespacesAndNewlines), en: text.en.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        result.title = trim(title)
        result.description = trim(description)
        result.venue = venue.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = ProblemCollector()
        check.clean([("title_de", result.title.de, false), ("title_en", result.title.en, false), ("venue", result.venue, false),
                     ("description_de", result.description.de, true), ("description_en", result.description.en, true)])
        check.check((3...120).contains(result.title.de.count) && (3...120).contains(result.title.en.count), "title",
                    de: "Der Titel muss in beiden Sprachen 3 bis 120 Zeichen lang sein.", en: "The title must be 3 to 120 characters long in both languages.")
        check.check(result.description.de.count <= 5000 && result.description.en.count <= 5000, "description",
                    de: "Die Beschreibung hat höchstens 5000 Zeichen.", en: "The description has at most 5000 characters.")
        check.check((2...200).contains(result.venue.count), "venue",
                    de: "Bitte den Ort angeben (2 bis 200 Zeichen).", en: "Please give the venue (2 to 200 characters).")
        check.check(hub != nil, "hub", de: "Diesen Hub gibt es nicht.", en: "There is no such hub.")
        check.check(end > start, "end", de: "Das Ende liegt nach dem Beginn.", en: "The end must come after the start.")
        check.check(end.timeIntervalSince(start) <= 7 * 86_400, "end", de: "Eine Veranstaltung dauert höchstens sieben Tage.",
                    en: "An event lasts at most seven days.")
        check.check((1...10_000).contains(capacity), "capacity", de: "Die Kapazität liegt zwischen 1 und 10.000.",
                    en: "The capacity lies between 1 and 10,000.")
        try check.throwIfAny()
        return result
    }

    /// Whether a change is one calendar subscribers must see again.
    public func differsForCalendars(from other: Event) -> Bool {
        title != other.title || description != other.description || venue != other.venue || start != other.start
            || end != other.end || cancelled != other.cancelled
    }
}

public enum RegistrationState: String, Hashable, Sendable, Codable, CaseIterable {
    case registered
    case waitlisted
    case cancelled

    public var label: LocalizedText {
        switch self {
        case .registered: .init(de: "Angemeldet", en: "Registered")
        case .waitlisted: .init(de: "Auf der Warteliste", en: "On the waiting list")
        case .cancelled: .init(de: "Abgemeldet", en: "Cancelled")
        }
    }
}

/// A member's place at an event: a seat, or a place in line.
public struct Registration: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var eventID: UUID
    public var memberID: UUID
    public var organisationID: UUID?
    public var state: RegistrationState
    /// The line's order: the moment of registration.
    public var createdAt: Date
    public var updatedAt: Date
    public var checkedInAt: Date?
    public var sequence: Int

    public init(id: UUID = UUID(), eventID: UUID, memberID: UUID, organisationID: UUID?, state: RegistrationState, createdAt: Date,
                updatedAt: Date? = nil, checkedInAt: Date? = nil, sequence: Int = 0) {
        self.id = id
        self.eventID = eventID
        self.memberID = memberID
        self.organisationID = organisationID
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.checkedInAt = checkedInAt
        self.sequence = sequence
    }
}

/// The waiting list's one rule: seats free up in order of registration.
public enum Waitlist {
    /// Who moves up when the event has `capacity` seats: the longest-waiting, as many as seats are free.
    public static func promotions(_ registrations: [Registration], capacity: Int) -> [Registration] {
        let seated = registrations.filter { $0.state == .registered }.count
        let waiting = registrations.filter { $0.state == .waitlisted }.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
        return Array(waiting.prefix(max(0, capacity - seated)))
    }

    /// A waiting member's place in line (1 is next).
    public static func position(of id: UUID, in registrations: [Registration]) -> Int? {
        registrations.filter { $0.state == .waitlisted }.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            .firstIndex { $0.id == id }.map { $0 + 1 }
    }
}
