import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// A hub's resources: set up by its managers, seen by everyone, booked by the members the
/// resource's rule admits. No two bookings of one resource overlap — the database refuses it.
public struct PlaceActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let resourceThing = LocalizedText(de: "Eine Ressource", en: "resource")
    static let bookingThing = LocalizedText(de: "Eine Buchung", en: "booking")
    public static let taken = DomainError.conflict(.init(de: "Diese Zeit ist schon gebucht. Bitte eine andere wählen.",
                                                         en: "This time is booked already. Please choose another."))

    // MARK: Resources

    public func save(_ proposed: Resource) async throws -> Resource {
        if let existing = try await PlaceStore(context.database).resource(proposed.id) {
            try context.authorize(.runHubPlaces(hub: existing.hubSlug))
        }
        try context.authorize(.runHubPlaces(hub: proposed.hubSlug))
        let resource = try proposed.validated()
        try await context.write { database in
            try await PlaceStore(database).save(resource)
            try await context.audit("resource.save", "resource", resource.id.lowercased, hub: resource.hubSlug,
                                    after: AuditJSON.encode(["name": resource.name.en, "kind": resource.kind.rawValue,
                                                             "hours": resource.openingHours.text(.en)]), on: database)
        }
        return resource
    }

    public func resource(_ id: UUID) async throws -> Resource {
        guard let resource = try await PlaceStore(context.database).resource(id),
              resource.active || context.actor.manages(hub: resource.hubSlug) else {
            throw DomainError.notFound(Self.resourceThing, id: id.lowercased)
        }
        return resource
    }

    public func resources(hub: String? = nil) async throws -> [Resource] {
        try await PlaceStore(context.database).resources(hub: hub, includingInactive: hub.map(context.actor.manages(hub:)) ?? false)
    }

    /// A resource's week for the reader: their organisations' bookings show as their own.
    public func week(of resource: Resource, monday: Date) async throws -> WeekAvailability {
        let end = NetworkCalendar.calendar.date(byAdding: .day, value: 7, to: monday)!
        let bookings = try await PlaceStore(context.database).bookings(resources: [resource.id], from: monday, to: end)
        return WeekAvailability(resource: resource, week: monday, bookings: bookings, organisations: Set(context.actor.organisations),
                                now: context.now)
    }

    // MARK: Bookings

    /// Books a resource for one of the member's organisations. The resource's rule, hours,
    /// grid, closures, horizon and quota are checked; the time itself is held by the database.
    public func book(resource resourceID: UUID, organisation organisationID: UUID, start: Date, end: Date) async throws -> Booking {
        let memberID = try context.memberID()
        let resource = try await resource(resourceID)
        guard resource.active else { throw DomainError.conflict(.init(de: "Diese Ressource ist derzeit nicht buchbar.",
                                                                      en: "This resource cannot be booked at the moment.")) }
        guard let organisation = try await OrganisationStore(context.database).find(organisationID) else {
            throw DomainError.notFound(.init(de: "Eine Organisation", en: "organisation"), id: organisationID.lowercased)
        }
        try context.authorize(.bookFor(organisation: organisationID, hub: resource.hubSlug))
        if !context.actor.manages(hub: resource.hubSlug),
           !resource.rule.allows(kind: organisation.kind, hub: organisation.hubSlug, resourceHub: resource.hubSlug) {
            throw DomainError.forbidden(.init(de: "„\(resource.name.de)“ buchen: \(resource.rule.label.de).",
                                              en: "'\(resource.name.en)' may be booked by: \(resource.rule.label.en)."))
        }
        try resource.check(start: start, end: end, now: context.now)
        let booking = Booking(resourceID: resource.id, organisationID: organisationID, memberID: memberID, start: start, end: end,
                              createdAt: context.now)
        do {
            try await context.write { database in
                if resource.quotaDaysPerMonth != nil { try await PlaceStore(database).lock(hub: resource.hubSlug) }
                try await PlaceStore(database).lock(resource.id)
                if let limit = resource.quotaDaysPerMonth {
                    let booked = try await Self.bookedDays(of: organisationID, like: resource, month: booking.month, on: database)
                    guard BookingQuota.allows(day: booking.day, booked: booked, limit: limit) else {
                        throw DomainError.conflict(.init(
                            de: "Das Kontingent ist erschöpft: \(limit) Tage im Monat für \(resource.kind.plural.de) in diesem Hub.",
                            en: "The quota is used up: \(limit) days a month for \(resource.kind.plural.en.lowercased()) at this hub."))
                    }
                }
                try await PlaceStore(database).insert(booking)
                try await context.audit("booking.create", "booking", booking.id.lowercased, hub: resource.hubSlug,
                                        after: AuditJSON.encode(["resource": resource.id.lowercased, "organisation": organisationID.lowercased,
                                                                 "start": start.ISO8601Format(), "end": end.ISO8601Format()]), on: database)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Self.taken
        }
        return booking
    }

    /// The days an organisation has booked this month at resources of the same hub and kind.
    static func bookedDays(of organisation: UUID, like resource: Resource, month: String, on database: any Database) async throws -> Set<String> {
        let siblings = try await PlaceStore(database).resources(hub: resource.hubSlug, includingInactive: true)
            .filter { $0.kind == resource.kind }.map(\.id)
        guard let first = NetworkCalendar.startOfDay(month + "-01") else { return [] }
        let next = NetworkCalendar.calendar.date(byAdding: .month, value: 1, to: first)!
        return Set(try await PlaceStore(database).bookings(resources: siblings, from: first, to: next)
            .filter { $0.organisationID == organisation && $0.state.holdsTime }.map(\.day))
    }

    public func booking(_ id: UUID) async throws -> (booking: Booking, resource: Resource) {
        _ = try context.memberID()
        guard let booking = try await PlaceStore(context.database).booking(id),
              let resource = try await PlaceStore(context.database).resource(booking.resourceID),
              context.actor.actsFor(organisation: booking.organisationID) || context.actor.manages(hub: resource.hubSlug) else {
            throw DomainError.notFound(Self.bookingThing, id: id.lowercased)
        }
        return (booking, resource)
    }

    /// Cancels a booking that has not begun; its time is free again at once.
    public func cancel(_ id: UUID) async throws -> Booking {
        let (found, resource) = try await booking(id)
        try context.authorize(.bookFor(organisation: found.organisationID, hub: resource.hubSlug))
        return try await change(found, resource: resource, action: "booking.cancel") { booking throws(DomainError) in
            guard booking.state == .booked else {
                throw DomainError.conflict(.init(de: "Diese Buchung ist schon \(booking.state.label.de.lowercased()).",
                                                 en: "This booking is \(booking.state.label.en.lowercased()) already."))
            }
            guard booking.start > context.now || context.actor.manages(hub: resource.hubSlug) else {
                throw DomainError.conflict(.init(de: "Eine begonnene Buchung storniert nur das Hub-Team.",
                                                 en: "Only the hub's team cancels a booking that has begun."))
            }
            booking.state = .cancelled
        }
    }

    /// The hub's team marks that nobody came (only once the booking has begun).
    public func markNoShow(_ id: UUID) async throws -> Booking {
        let (found, resource) = try await booking(id)
        try context.authorize(.runHubPlaces(hub: resource.hubSlug))
        return try await change(found, resource: resource, action: "booking.no_show") { booking throws(DomainError) in
            guard booking.state == .booked, booking.start <= context.now else {
                throw DomainError.conflict(.init(de: "Nur eine begonnene, gültige Buchung kann als nicht erschienen gelten.",
                                                 en: "Only a booking that is valid and has begun can be a no-show."))
            }
            booking.state = .noShow
        }
    }

    /// Re-reads the booking inside the write, so two clicks at once change it once.
    private func change(_ found: Booking, resource: Resource, action: String,
                        _ rule: @escaping @Sendable (inout Booking) throws(DomainError) -> Void) async throws -> Booking {
        try await context.write { database in
            guard var booking = try await PlaceStore(database).booking(found.id) else { throw DomainError.notFound(Self.bookingThing, id: found.id.lowercased) }
            let before = booking.state
            try rule(&booking)
            booking.updatedAt = context.now
            booking.sequence += 1
            try await PlaceStore(database).update(booking)
            try await context.audit(action, "booking", booking.id.lowercased, hub: resource.hubSlug, before: before.rawValue,
                                    after: booking.state.rawValue, on: database)
            return booking
        }
    }

    /// The bookings of the reader's organisations from today on (and those of the last week).
    public func ownBookings() async throws -> [Booking] {
        try await PlaceStore(context.database).bookings(organisations: context.actor.organisations,
                                                          from: context.now.addingTimeInterval(-7 * 86_400))
    }

    // MARK: The hub's view

    /// Per resource of the hub: its utilisation over the days from `from` to `to`.
    public func utilisation(hub: String, from: Date, to: Date) async throws -> [(Resource, Utilisation)] {
        try context.authorize(.runHubPlaces(hub: hub), reading: true)
        let resources = try await PlaceStore(context.database).resources(hub: hub, includingInactive: true)
        let bookings = try await PlaceStore(context.database).bookings(resources: resources.map(\.id), from: from, to: to)
        return resources.map { ($0, Utilisation(resource: $0, bookings: bookings, from: from, to: to)) }
    }

    /// The hub's bookings in a time span, for its team (with the organisations' names).
    public func hubBookings(hub: String, from: Date, to: Date) async throws -> [(Booking, Resource, String)] {
        try context.authorize(.runHubPlaces(hub: hub), reading: true)
        let resources = try await PlaceStore(context.database).resources(hub: hub, includingInactive: true)
        let byID = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) })
        let bookings = try await PlaceStore(context.database).bookings(resources: resources.map(\.id), from: from, to: to)
        let names = try await organisationNames(bookings.map(\.organisationID))
        return bookings.map { ($0, byID[$0.resourceID]!, names[$0.organisationID] ?? "") }
    }

    /// Start-up Card: where the hub's own organisations booked desks in other hubs.
    public func travels(hub: String, from: Date, to: Date) async throws -> [(Booking, Resource, String)] {
        try context.authorize(.runHubPlaces(hub: hub), reading: true)
        let away = try await PlaceStore(context.database).resources(includingInactive: true).filter { $0.hubSlug != hub }
        let byID = Dictionary(uniqueKeysWithValues: away.map { ($0.id, $0) })
        let bookings = try await PlaceStore(context.database).bookings(resources: away.map(\.id), from: from, to: to)
            .filter { $0.state.holdsTime }
        let home = try await OrganisationStore(context.database).find(Array(Set(bookings.map(\.organisationID)))).filter { $0.hubSlug == hub }
        let names = Dictionary(uniqueKeysWithValues: home.map { ($0.id, $0.name) })
        return bookings.compactMap { booking in names[booking.organisationID].map { (booking, byID[booking.resourceID]!, $0) } }
    }

    public func organisationNames(_ ids: [UUID]) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database).find(Array(Set(ids))).map { ($0.id, $0.name) })
    }
}
