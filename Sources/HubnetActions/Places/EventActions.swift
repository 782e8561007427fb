import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Events of the hubs: their managers set them up; members register up to the capacity and
/// then wait in line; a freed seat goes to the longest-waiting, who is told at once.
public struct EventActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let thing = LocalizedText(de: "Eine Veranstaltung", en: "event")

    public func save(_ proposed: Event) async throws -> Event {
        let existing = try await EventStore(context.database).event(proposed.id)
        if let existing { try context.authorize(.runHubPlaces(hub: existing.hubSlug)) }
        try context.authorize(.runHubPlaces(hub: proposed.hubSlug))
        var event = try proposed.validated()
        event.createdAt = existing?.createdAt ?? context.now
        event.updatedAt = context.now
        event.cancelled = existing?.cancelled ?? false
        event.sequence = existing.map { $0.sequence + (event.differsForCalendars(from: $0) ? 1 : 0) } ?? 0
        let saved = event
        try await context.write { database in
            try await EventStore(database).lock(saved.id)
            try await EventStore(database).save(saved)
            // More seats than before: the line moves up.
            try await promote(saved, on: database)
            if let existing, existing.start != saved.start || existing.end != saved.end || existing.venue != saved.venue {
                let people = try await EventStore(database).registrations(event: saved.id).filter { $0.state != .cancelled }.map(\.memberID)
                let when = LocalizedText(de: NetworkCalendar.dayAndTime(of: saved.start, language: .de), en: NetworkCalendar.dayAndTime(of: saved.start, language: .en))
                try await Notice(context: context, database: database, text: .init(
                    de: "„\(saved.title.de)“ findet jetzt am \(when.de) statt, Ort: \(saved.venue). Ihre Anmeldung gilt weiter.",
                    en: "'\(saved.title.en)' now takes place on \(when.en), venue: \(saved.venue). Your registration stands."),
                                 path: "events/\(saved.id.lowercased)",
                                 subject: .init(de: "Geändert: \(saved.title.de)", en: "Changed: \(saved.title.en)"), opportunity: nil)
                    .send(to: try await MemberRecord.query(on: database).filter(\.$id ~~ people).all(),
                          key: "event-changed-\(saved.id.lowercased)-\(saved.sequence)")
            }
            try await context.audit(existing == nil ? "event.create" : "event.update", "event", saved.id.lowercased, hub: saved.hubSlug,
                                    after: AuditJSON.encode(["title": saved.title.en, "start": saved.start.ISO8601Format(),
                                                             "capacity": "\(saved.capacity)"]), on: database)
        }
        return saved
    }

    /// Calls an event off: it stays listed as cancelled, calendars show it cancelled, and
    /// everyone registered or waiting is told.
    public func cancelEvent(_ id: UUID) async throws -> Event {
        let found = try await event(id)
        try context.authorize(.runHubPlaces(hub: found.hubSlug))
        return try await context.write { database in
            guard var event = try await EventStore(database).event(id), !event.cancelled else { return found }
            event.cancelled = true
            event.sequence += 1
            event.updatedAt = context.now
            try await EventStore(database).save(event)
            let people = try await EventStore(database).registrations(event: id).filter { $0.state != .cancelled }.map(\.memberID)
            try await Notice(context: context, database: database, text: .init(
                de: "„\(event.title.de)“ am \(NetworkCalendar.dayAndTime(of: event.start, language: .de)) fällt aus.",
                en: "'\(event.title.en)' on \(NetworkCalendar.dayAndTime(of: event.start, language: .en)) is cancelled."),
                             path: "events/\(id.lowercased)", subject: .init(de: "Abgesagt: \(event.title.de)", en: "Cancelled: \(event.title.en)"),
                             opportunity: nil)
                .send(to: try await MemberRecord.query(on: database).filter(\.$id ~~ people).all(), key: "event-cancelled-\(id.lowercased)")
            try await context.audit("event.cancel", "event", id.lowercased, hub: event.hubSlug, on: database)
            return event
        }
    }

    public func event(_ id: UUID) async throws -> Event {
        guard let event = try await EventStore(context.database).event(id) else { throw DomainError.notFound(Self.thing, id: id.lowercased) }
        return event
    }

    /// Events from now on (a hub's, or all), with their seats taken.
    public func upcoming(hub: String? = nil) async throws -> [(Event, Int)] {
        let events = try await EventStore(context.database).events(hub: hub, endingAfter: context.now)
        let counts = try await EventStore(context.database).registeredCounts(events: events.map(\.id))
        return events.map { ($0, counts[$0.id] ?? 0) }
    }

    public func seatsTaken(_ event: UUID) async throws -> Int {
        try await EventStore(context.database).registeredCounts(events: [event])[event] ?? 0
    }

    // MARK: Registrations

    /// Registers the member: a seat while there are seats, else a place in line. Registering
    /// again returns the registration they have; after cancelling, they join again at the end.
    public func register(_ eventID: UUID, organisation: UUID? = nil) async throws -> Registration {
        let memberID = try context.memberID()
        try context.authorize(.takePart)
        let event = try await event(eventID)
        guard !event.cancelled else { throw DomainError.conflict(.init(de: "Diese Veranstaltung fällt aus.", en: "This event is cancelled.")) }
        guard event.end > context.now else {
            throw DomainError.conflict(.init(de: "Diese Veranstaltung ist vorbei.", en: "This event is over."))
        }
        if let organisation, !context.actor.actsFor(organisation: organisation) { throw DomainError.notAllowed }
        do {
            return try await context.write { database in
                try await EventStore(database).lock(eventID)
                let all = try await EventStore(database).registrations(event: eventID)
                var registration = all.first { $0.memberID == memberID }
                    ?? Registration(eventID: eventID, memberID: memberID, organisationID: organisation, state: .cancelled, createdAt: context.now)
                guard registration.state == .cancelled else { return registration }
                let seated = all.filter { $0.state == .registered }.count
                let waiting = all.contains { $0.state == .waitlisted }
                registration.state = seated < event.capacity && !waiting ? .registered : .waitlisted
                registration.organisationID = organisation ?? registration.organisationID
                registration.createdAt = context.now
                registration.updatedAt = context.now
                // Coming back after cancelling changes the calendar entry they had.
                if all.contains(where: { $0.id == registration.id }) { registration.sequence += 1 }
                try await EventStore(database).save(registration)
                try await context.audit("event.register", "event", eventID.lowercased, hub: event.hubSlug, after: registration.state.rawValue,
                                        on: database)
                return registration
            }
        } catch {
            // The same member twice at once: the unique key kept one; this is it.
            guard let failure = error as? any DatabaseError, failure.isConstraintFailure,
                  let registration = try await EventStore(context.database).registration(event: eventID, member: memberID) else { throw error }
            return registration
        }
    }

    /// Gives the seat (or the place in line) back; a freed seat goes to the longest-waiting.
    public func cancelRegistration(_ eventID: UUID) async throws -> Registration {
        let memberID = try context.memberID()
        try context.authorize(.takePart)
        let event = try await event(eventID)
        return try await context.write { database in
            try await EventStore(database).lock(eventID)
            guard var registration = try await EventStore(database).registration(event: eventID, member: memberID),
                  registration.state != .cancelled else {
                throw DomainError.notFound(.init(de: "Eine Anmeldung", en: "registration"), id: eventID.lowercased)
            }
            registration.state = .cancelled
            registration.updatedAt = context.now
            registration.sequence += 1
            try await EventStore(database).save(registration)
            try await promote(event, on: database)
            try await context.audit("event.cancel_registration", "event", eventID.lowercased, hub: event.hubSlug, on: database)
            return registration
        }
    }

    /// Seats the longest-waiting while seats are free, and tells each of them.
    private func promote(_ event: Event, on database: any Database) async throws {
        guard !event.cancelled else { return }
        let promoted = Waitlist.promotions(try await EventStore(database).registrations(event: event.id), capacity: event.capacity)
        for var registration in promoted {
            registration.state = .registered
            registration.updatedAt = context.now
            registration.sequence += 1
            try await EventStore(database).save(registration)
            guard let member = try await MemberRecord.find(registration.memberID, on: database) else { continue }
            try await Notice(context: context.acting(as: .anonymous), database: database, text: .init(
                de: "Ein Platz ist frei geworden: Sie sind jetzt für „\(event.title.de)“ am \(NetworkCalendar.dayAndTime(of: event.start, language: .de)) angemeldet. Falls Sie nicht kommen können, melden Sie sich bitte ab.",
                en: "A seat came free: you are now registered for '\(event.title.en)' on \(NetworkCalendar.dayAndTime(of: event.start, language: .en)). If you cannot come, please cancel."),
                             path: "events/\(event.id.lowercased)",
                             subject: .init(de: "Sie sind dabei: \(event.title.de)", en: "You are in: \(event.title.en)"), opportunity: nil)
                .send(to: [member], key: "event-promoted-\(registration.id.lowercased)-\(registration.sequence)")
        }
    }

    /// The reader's registration for an event, if any.
    public func ownRegistration(_ eventID: UUID) async throws -> Registration? {
        guard let memberID = context.actor.memberID else { return nil }
        return try await EventStore(context.database).registration(event: eventID, member: memberID)
    }

    /// A waiting registration's place in line (1 is next); nil for anyone not waiting.
    public func waitlistPosition(_ registration: Registration) async throws -> Int? {
        guard registration.state == .waitlisted else { return nil }
        return Waitlist.position(of: registration.id, in: try await EventStore(context.database).registrations(event: registration.eventID))
    }

    /// The check-in list for the hub's team: everyone registered or waiting, with their names.
    public func attendees(_ eventID: UUID) async throws -> [(Registration, name: String, organisation: String?)] {
        let event = try await event(eventID)
        try context.authorize(.runHubPlaces(hub: event.hubSlug), reading: true)
        let registrations = try await EventStore(context.database).registrations(event: eventID).filter { $0.state != .cancelled }
        let members = try await MemberRecord.query(on: context.database).filter(\.$id ~~ registrations.map(\.memberID)).all()
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0.erasedAt != nil ? Member.erasedName.de : $0.name) })
        let organisations = try await PlaceActions(context).organisationNames(registrations.compactMap(\.organisationID))
        return registrations.sorted { ($0.state.rawValue, names[$0.memberID] ?? "") < ($1.state.rawValue, names[$1.memberID] ?? "") }
            .map { ($0, names[$0.memberID] ?? "", $0.organisationID.flatMap { organisations[$0] }) }
    }

    /// Ticks (or unticks) a registered person at the door.
    public func checkIn(_ registrationID: UUID, present: Bool) async throws -> Registration {
        guard let found = try await EventStore(context.database).registration(registrationID) else {
            throw DomainError.notFound(.init(de: "Eine Anmeldung", en: "registration"), id: registrationID.lowercased)
        }
        let event = try await event(found.eventID)
        try context.authorize(.runHubPlaces(hub: event.hubSlug))
        return try await context.write { database in
            guard var registration = try await EventStore(database).registration(registrationID), registration.state == .registered else {
                throw DomainError.conflict(.init(de: "Nur Angemeldete checken ein.", en: "Only registered people check in."))
            }
            registration.checkedInAt = present ? (registration.checkedInAt ?? context.now) : nil
            try await EventStore(database).save(registration)
            try await context.audit(present ? "event.check_in" : "event.undo_check_in", "registration", registrationID.lowercased,
                                    hub: event.hubSlug, on: database)
            return registration
        }
    }
}
