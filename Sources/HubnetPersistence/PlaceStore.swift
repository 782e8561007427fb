import FluentKit
import Foundation
import HubnetCore

/// Resources and their bookings. A booking is written with its quarter-hour units in one
/// transaction; the units' unique key refuses a second booking of the same time.
public struct PlaceStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    // MARK: Resources

    public func save(_ resource: Resource) async throws {
        let record = try await ResourceRecord.find(resource.id, on: database) ?? ResourceRecord()
        record.id = resource.id
        record.hubSlug = resource.hubSlug
        record.city = resource.city
        record.kind = resource.kind.rawValue
        record.nameDe = resource.name.de
        record.nameEn = resource.name.en
        record.descriptionDe = resource.description.de
        record.descriptionEn = resource.description.en
        record.openingHours = JSONColumn.encode(resource.openingHours)
        record.closures = JSONColumn.encode(resource.closures)
        record.granularityMinutes = resource.granularityMinutes
        record.maximumMinutes = resource.maximumMinutes
        record.quotaDaysPerMonth = resource.quotaDaysPerMonth
        record.rule = resource.rule.rawValue
        record.bookableDaysAhead = resource.bookableDaysAhead
        record.active = resource.active
        try await record.save(on: database)
    }

    public func resource(_ id: UUID) async throws -> Resource? {
        try await ResourceRecord.find(id, on: database).map(Self.resource)
    }

    /// A hub's resources (or every hub's), by kind and name.
    public func resources(hub: String? = nil, includingInactive: Bool = false) async throws -> [Resource] {
        var query = ResourceRecord.query(on: database)
        if let hub { query = query.filter(\.$hubSlug == hub) }
        if !includingInactive { query = query.filter(\.$active == true) }
        return try await query.sort(\.$hubSlug).sort(\.$kind).sort(\.$nameDe).all().map(Self.resource)
    }

    static func resource(_ record: ResourceRecord) -> Resource {
        Resource(id: record.id!, hubSlug: record.hubSlug, city: record.city, kind: ResourceKind(rawValue: record.kind) ?? .desk,
                 name: .init(de: record.nameDe, en: record.nameEn), description: .init(de: record.descriptionDe, en: record.descriptionEn),
                 openingHours: JSONColumn.decode(OpeningHours.self, record.openingHours) ?? .weekdays(8, 20),
                 closures: JSONColumn.decode([Closure].self, record.closures) ?? [],
                 granularityMinutes: record.granularityMinutes, maximumMinutes: record.maximumMinutes,
                 quotaDaysPerMonth: record.quotaDaysPerMonth, rule: BookingRule(rawValue: record.rule) ?? .hubMembers,
                 bookableDaysAhead: record.bookableDaysAhead, active: record.active)
    }

    // MARK: Bookings

    /// Takes the resource's row for this transaction: its bookings are written one after the other.
    public func lock(_ resource: UUID) async throws {
        try await database.lockRow(of: ResourceRecord.schema, id: resource)
    }

    /// Takes the hub's row: bookings that count against a quota across the hub's resources of a
    /// kind are written one after the other, so two at once cannot both take the last day.
    public func lock(hub: String) async throws {
        try await database.lockRow(of: HubRecord.schema, key: "slug", value: hub)
    }

    /// Writes a booking and the units it holds. Call inside a transaction: when another booking
    /// holds one of the units, the insert fails with a constraint error and nothing stays.
    public func insert(_ booking: Booking) async throws {
        let record = BookingRecord()
        record.id = booking.id
        fill(record, booking)
        try await record.create(on: database)
        try await holdUnits(of: booking)
    }

    private func holdUnits(of booking: Booking) async throws {
        let units = booking.units.map { start in
            let unit = BookingUnitRecord()
            unit.bookingID = booking.id
            unit.resourceID = booking.resourceID
            unit.startsAt = start
            return unit
        }
        try await units.create(on: database)
    }

    /// A booking's new state; a cancelled booking gives its units back.
    public func update(_ booking: Booking) async throws {
        guard let record = try await BookingRecord.find(booking.id, on: database) else { return }
        fill(record, booking)
        try await record.update(on: database)
        if !booking.state.holdsTime {
            try await BookingUnitRecord.query(on: database).filter(\.$bookingID == booking.id).delete()
        }
    }

    private func fill(_ record: BookingRecord, _ booking: Booking) {
        record.resourceID = booking.resourceID
        record.organisationID = booking.organisationID
        record.memberID = booking.memberID
        record.startsAt = booking.start
        record.endsAt = booking.end
        record.state = booking.state.rawValue
        record.sequence = booking.sequence
        record.createdAt = booking.createdAt
        record.updatedAt = booking.updatedAt
    }

    public func booking(_ id: UUID) async throws -> Booking? {
        try await BookingRecord.find(id, on: database).map(Self.booking)
    }

    /// The bookings of resources that touch a time span, every state.
    public func bookings(resources: [UUID], from: Date, to: Date) async throws -> [Booking] {
        guard !resources.isEmpty else { return [] }
        return try await BookingRecord.query(on: database).filter(\.$resourceID ~~ resources)
            .filter(\.$startsAt < to).filter(\.$endsAt > from).sort(\.$startsAt).all().map(Self.booking)
    }

    /// The bookings of organisations, every state, from a moment on (or all).
    public func bookings(organisations: [UUID], from: Date? = nil) async throws -> [Booking] {
        guard !organisations.isEmpty else { return [] }
        var query = BookingRecord.query(on: database).filter(\.$organisationID ~~ organisations)
        if let from { query = query.filter(\.$endsAt > from) }
        return try await query.sort(\.$startsAt).all().map(Self.booking)
    }

    /// A member's own bookings (their calendar feed).
    public func bookings(member: UUID) async throws -> [Booking] {
        try await BookingRecord.query(on: database).filter(\.$memberID == member).sort(\.$startsAt).all().map(Self.booking)
    }

    static func booking(_ record: BookingRecord) -> Booking {
        Booking(id: record.id!, resourceID: record.resourceID, organisationID: record.organisationID, memberID: record.memberID,
                start: record.startsAt, end: record.endsAt, state: BookingState(rawValue: record.state) ?? .booked,
                createdAt: record.createdAt, updatedAt: record.updatedAt, sequence: record.sequence)
    }
}
