import FluentKit
import Foundation
import HubnetCore

/// Events, their registrations and the members' calendar feeds.
public struct EventStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    // MARK: Events

    public func save(_ event: Event) async throws {
        let record = try await EventRecord.find(event.id, on: database) ?? EventRecord()
        record.id = event.id
        record.hubSlug = event.hubSlug
        record.kind = event.kind.rawValue
        record.titleDe = event.title.de
        record.titleEn = event.title.en
        record.descriptionDe = event.description.de
        record.descriptionEn = event.description.en
        record.venue = event.venue
        record.startsAt = event.start
        record.endsAt = event.end
        record.capacity = event.capacity
        record.cancelled = event.cancelled
        record.sequence = event.sequence
        record.createdAt = event.createdAt
        record.updatedAt = event.updatedAt
        try await record.save(on: database)
    }

    public func event(_ id: UUID) async throws -> Event? {
        try await EventRecord.find(id, on: database).map(Self.event)
    }

    /// A hub's events (or all), soonest first; from a moment on when given.
    public func events(hub: String? = nil, endingAfter: Date? = nil) async throws -> [Event] {
        var query = EventRecord.query(on: database)
        if let hub { query = query.filter(\.$hubSlug == hub) }
        if let endingAfter { query = query.filter(\.$endsAt > endingAfter) }
        return try await query.sort(\.$startsAt).all().map(Self.event)
    }

    public func events(_ ids: [UUID]) async throws -> [Event] {
        guard !ids.isEmpty else { return [] }
        return try await EventRecord.query(on: database).filter(\.$id ~~ ids).sort(\.$startsAt).all().map(Self.event)
    }

    /// Takes the event's row for this transaction, so registrations of one event count their
    /// seats one after the other.
    public func lock(_ id: UUID) async throws {
        try await database.lockRow(of: EventRecord.schema, id: id)
    }

    static func event(_ record: EventRecord) -> Event {
        Event(id: record.id!, hubSlug: record.hubSlug, kind: EventKind(rawValue: record.kind) ?? .workshop,
              title: .init(de: record.titleDe, en: record.titleEn), description: .init(de: record.descriptionDe, en: record.descriptionEn),
              venue: record.venue, start: record.startsAt, end: record.endsAt, capacity: record.capacity, cancelled: record.cancelled,
              sequence: record.sequence, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }

    // MARK: Registrations

    public func save(_ registration: Registration) async throws {
        let record = try await RegistrationRecord.find(registration.id, on: database) ?? RegistrationRecord()
        record.id = registration.id
        record.eventID = registration.eventID
        record.memberID = registration.memberID
        record.organisationID = registration.organisationID
        record.state = registration.state.rawValue
        record.createdAt = registration.createdAt
        record.updatedAt = registration.updatedAt
        record.checkedInAt = registration.checkedInAt
        record.sequence = registration.sequence
        try await record.save(on: database)
    }

    public func registrations(event: UUID) async throws -> [Registration] {
        try await RegistrationRecord.query(on: database).filter(\.$eventID == event).sort(\.$createdAt).all().map(Self.registration)
    }

    public func registration(event: UUID, member: UUID) async throws -> Registration? {
        try await RegistrationRecord.query(on: database).filter(\.$eventID == event).filter(\.$memberID == member).first()
            .map(Self.registration)
    }

    public func registration(_ id: UUID) async throws -> Registration? {
        try await RegistrationRecord.find(id, on: database).map(Self.registration)
    }

    public func registrations(member: UUID) async throws -> [Registration] {
        try await RegistrationRecord.query(on: database).filter(\.$memberID == member).all().map(Self.registration)
    }

    /// Seats taken per event.
    public func registeredCounts(events: [UUID]) async throws -> [UUID: Int] {
        guard !events.isEmpty else { return [:] }
        let rows = try await RegistrationRecord.query(on: database).filter(\.$eventID ~~ events)
            .filter(\.$state == RegistrationState.registered.rawValue).all()
        return rows.reduce(into: [:]) { $0[$1.eventID, default: 0] += 1 }
    }

    static func registration(_ record: RegistrationRecord) -> Registration {
        Registration(id: record.id!, eventID: record.eventID, memberID: record.memberID, organisationID: record.organisationID,
                     state: RegistrationState(rawValue: record.state) ?? .registered, createdAt: record.createdAt,
                     updatedAt: record.updatedAt, checkedInAt: record.checkedInAt, sequence: record.sequence)
    }

    // MARK: Calendar feeds

    /// The member's feed token, made on first use.
    public func feedToken(member: UUID, make: () -> String, now: Date) async throws -> String {
        if let existing = try await CalendarFeedRecord.query(on: database).filter(\.$memberID == member).first() { return existing.token }
        let record = CalendarFeedRecord()
        record.memberID = member
        record.token = make()
        record.createdAt = now
        try await record.create(on: database)
        return record.token
    }

    public func replaceFeedToken(member: UUID, with token: String, now: Date) async throws {
        try await CalendarFeedRecord.query(on: database).filter(\.$memberID == member).delete()
        let record = CalendarFeedRecord()
        record.memberID = member
        record.token = token
        record.createdAt = now
        try await record.create(on: database)
    }

    public func feedOwner(token: String) async throws -> UUID? {
        try await CalendarFeedRecord.query(on: database).filter(\.$token == token).first()?.memberID
    }
}
