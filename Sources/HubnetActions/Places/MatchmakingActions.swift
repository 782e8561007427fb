import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// A matchmaking day: participants say what they offer and seek and when they are there,
/// ask each other for 1:1 meetings and answer; the organiser lays out slots and tables and
/// presses "Schedule all"; everyone gets an agenda.
public struct MatchmakingActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let requestThing = LocalizedText(de: "Eine Terminanfrage", en: "meeting request")

    /// The day, its settings, participants and requests, as the reader may see them.
    public struct Day: Sendable {
        public let event: Event
        public let settings: MatchmakingSettings
        public let participants: [MeetingParticipant]
        public let requests: [MeetingRequest]
        public let names: [UUID: String]
        public let organisations: [UUID: String]
    }

    private func matchmakingEvent(_ id: UUID) async throws -> Event {
        let event = try await EventActions(context).event(id)
        guard event.kind == .matchmakingDay else {
            throw DomainError.notFound(.init(de: "Ein Matchmaking-Tag", en: "matchmaking day"), id: id.lowercased)
        }
        return event
    }

    /// The day's settings: those the organiser saved, or a first layout from the event's times.
    public func day(_ eventID: UUID) async throws -> Day {
        let event = try await matchmakingEvent(eventID)
        let store = MeetingStore(context.database)
        let settings = try await store.settings(event: eventID) ?? Self.defaultSettings(for: event)
        let participants = try await store.participants(event: eventID)
        let requests = try await store.requests(event: eventID)
        let members = try await MemberRecord.query(on: context.database).filter(\.$id ~~ participants.map(\.memberID)).all()
        let memberNames = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0.erasedAt != nil ? Member.erasedName.de : $0.name) })
        let organisations = try await PlaceActions(context).organisationNames(participants.map(\.organisationID))
        return Day(event: event, settings: settings, participants: participants, requests: requests,
                   names: Dictionary(uniqueKeysWithValues: participants.map { ($0.id, memberNames[$0.memberID] ?? "") }),
                   organisations: Dictionary(uniqueKeysWithValues: participants.map { ($0.id, organisations[$0.organisationID] ?? "") }))
    }

    /// A day that is over or called off takes no more changes.
    static func stillAhead(_ event: Event, now: Date) throws(DomainError) {
        guard !event.cancelled, event.end > now else {
            throw DomainError.conflict(.init(de: "Dieser Matchmaking-Tag ist vorbei oder abgesagt.", en: "This matchmaking day is over or cancelled."))
        }
    }

    /// The request between the reader and another participant, either way round, if any.
    public func existingRequest(_ eventID: UUID, with other: UUID) async throws -> MeetingRequest? {
        guard let own = try await ownParticipation(eventID) else { return nil }
        return try await MeetingStore(context.database).requests(participants: [own.id])
            .first { $0.involves(other) && $0.involves(own.id) && $0.state != .cancelled && $0.state != .declined }
    }

    static func defaultSettings(for event: Event) -> MatchmakingSettings {
        let minutes = max(20, Int(event.end.timeIntervalSince(event.start) / 60))
        return MatchmakingSettings(firstSlot: event.start, slotMinutes: 20, slots: min(64, max(1, minutes / 20)), tables: 20, capPerPerson: 8)
    }

    public func saveSettings(_ eventID: UUID, _ proposed: MatchmakingSettings) async throws -> MatchmakingSettings {
        let event = try await matchmakingEvent(eventID)
        try context.authorize(.runHubPlaces(hub: event.hubSlug))
        var settings = try proposed.validated(within: event)
        settings.scheduledAt = try await MeetingStore(context.database).settings(event: eventID)?.scheduledAt
        let saved = settings
        try await context.write { database in
            try await MeetingStore(database).save(saved, event: eventID)
            try await context.audit("matchmaking.settings", "event", eventID.lowercased, hub: event.hubSlug,
                                    after: AuditJSON.encode(["slots": "\(saved.slots)", "tables": "\(saved.tables)", "cap": "\(saved.capPerPerson)"]),
                                    on: database)
        }
        return saved
    }

    /// Takes part (or changes one's profile and availability) for one of one's organisations.
    public func join(_ eventID: UUID, organisation: UUID, offer: String, seek: String, availability: UInt64) async throws -> MeetingParticipant {
        let memberID = try context.memberID()
        try context.authorize(.takePart)
        let event = try await matchmakingEvent(eventID)
        guard context.actor.actsFor(organisation: organisation) else { throw DomainError.notAllowed }
        try Self.stillAhead(event, now: context.now)
        let existing = try await MeetingStore(context.database).participant(event: eventID, member: memberID)
        let settings = try await MeetingStore(context.database).settings(event: eventID) ?? Self.defaultSettings(for: event)
        let participant = try MeetingParticipant(id: existing?.id ?? UUID(), eventID: eventID, memberID: memberID, organisationID: organisation,
                                                 offer: offer, seek: seek, availability: availability & settings.allSlots).validated()
        do {
            try await context.write { database in
                try await MeetingStore(database).save(participant)
                try await context.audit("matchmaking.join", "event", eventID.lowercased, hub: event.hubSlug, on: database)
            }
        } catch {
            guard let failure = error as? any DatabaseError, failure.isConstraintFailure,
                  let raced = try await MeetingStore(context.database).participant(event: eventID, member: memberID) else { throw error }
            return raced
        }
        return participant
    }

    public func ownParticipation(_ eventID: UUID) async throws -> MeetingParticipant? {
        guard let memberID = context.actor.memberID else { return nil }
        return try await MeetingStore(context.database).participant(event: eventID, member: memberID)
    }

    /// Asks another participant for a meeting. One request per pair: asking someone who asked
    /// you already accepts theirs.
    public func request(_ eventID: UUID, with inviteeID: UUID, message: String) async throws -> MeetingRequest {
        _ = try context.memberID()
        try context.authorize(.takePart)
        let event = try await matchmakingEvent(eventID)
        try Self.stillAhead(event, now: context.now)
        guard let own = try await ownParticipation(eventID) else {
            throw DomainError.conflict(.init(de: "Bitte zuerst teilnehmen: Angebot, Gesuch und Zeiten angeben.",
                                             en: "Please take part first: give your offer, search and times."))
        }
        let text = try TextRules.checked(message, field: "message", limit: 500, multiline: true)
        let participants = try await MeetingStore(context.database).participants(event: eventID)
        guard let invitee = participants.first(where: { $0.id == inviteeID }), invitee.id != own.id else {
            throw DomainError.notFound(.init(de: "Ein Teilnehmer", en: "participant"), id: inviteeID.lowercased)
        }
        let requests = try await MeetingStore(context.database).requests(participants: [own.id])
        if let mine = requests.first(where: { $0.requesterID == own.id && $0.inviteeID == invitee.id }) { return mine }
        if let theirs = requests.first(where: { $0.requesterID == invitee.id && $0.inviteeID == own.id }), theirs.state == .requested {
            return try await respond(theirs.id, accept: true)
        }
        let request = MeetingRequest(eventID: eventID, requesterID: own.id, inviteeID: invitee.id, message: text, createdAt: context.now)
        let organisation = try await PlaceActions(context).organisationNames([own.organisationID])[own.organisationID] ?? ""
        do {
            try await context.write { database in
                try await MeetingStore(database).save(request)
                if let member = try await MemberRecord.find(invitee.memberID, on: database) {
                    try await Notice(context: context, database: database, text: .init(
                        de: "\(organisation) möchte Sie am Matchmaking-Tag „\(event.title.de)“ treffen.",
                        en: "\(organisation) would like to meet you at the matchmaking day '\(event.title.en)'."),
                                     path: "events/\(eventID.lowercased)/matchmaking",
                                     subject: .init(de: "Terminanfrage: \(event.title.de)", en: "Meeting request: \(event.title.en)"), opportunity: nil)
                        .send(to: [member], key: "meeting-request-\(request.id.lowercased)")
                }
                try await context.audit("matchmaking.request", "meeting_request", request.id.lowercased, hub: event.hubSlug, on: database)
            }
        } catch {
            guard let failure = error as? any DatabaseError, failure.isConstraintFailure,
                  let raced = try await MeetingStore(context.database).requests(participants: [own.id])
                .first(where: { $0.requesterID == own.id && $0.inviteeID == invitee.id }) else { throw error }
            return raced
        }
        return request
    }

    /// The invitee accepts or declines; either side may later cancel an accepted meeting.
    public func respond(_ requestID: UUID, accept: Bool) async throws -> MeetingRequest {
        try await change(requestID, action: accept ? "matchmaking.accept" : "matchmaking.decline") { request, own in
            guard request.inviteeID == own else { throw DomainError.notAllowed }
            guard request.state == .requested || (!accept && request.state == .accepted) else {
                throw DomainError.conflict(.init(de: "Diese Anfrage ist schon beantwortet.", en: "This request has been answered already."))
            }
            request.state = accept ? .accepted : .declined
        }
    }

    public func cancel(_ requestID: UUID) async throws -> MeetingRequest {
        try await change(requestID, action: "matchmaking.cancel") { request, own in
            guard request.state == .requested || request.state == .accepted else {
                throw DomainError.conflict(.init(de: "Diese Anfrage ist schon erledigt.", en: "This request is settled already."))
            }
            request.state = .cancelled
        }
    }

    private func change(_ requestID: UUID, action: String,
                        _ rule: @escaping @Sendable (inout MeetingRequest, UUID) throws -> Void) async throws -> MeetingRequest {
        _ = try context.memberID()
        try context.authorize(.takePart)
        guard let found = try await MeetingStore(context.database).request(requestID),
              let own = try await ownParticipation(found.eventID), found.involves(own.id) else {
            throw DomainError.notFound(Self.requestThing, id: requestID.lowercased)
        }
        let event = try await matchmakingEvent(found.eventID)
        try Self.stillAhead(event, now: context.now)
        return try await context.write { database in
            guard var request = try await MeetingStore(database).request(requestID) else { throw DomainError.notFound(Self.requestThing, id: requestID.lowercased) }
            let wasPlaced = request.slot != nil
            try rule(&request, own.id)
            if request.state != .accepted {
                // A meeting that will not happen frees its slot and table at once.
                request.slot = nil
                request.table = nil
                request.confirmed = false
                try await MeetingSeatRecord.query(on: database).filter(\.$requestID == request.id).delete()
            }
            request.updatedAt = context.now
            if wasPlaced { request.sequence += 1 }
            try await MeetingStore(database).save(request)
            try await context.audit(action, "meeting_request", requestID.lowercased, hub: event.hubSlug, on: database)
            return request
        }
    }

    /// "Schedule all": places every accepted meeting it can, keeping confirmed ones in their
    /// slots unless asked to move them too, and confirms the new schedule.
    public func scheduleAll(_ eventID: UUID, keepConfirmed: Bool = true) async throws -> MatchmakingPlan.Outcome {
        let event = try await matchmakingEvent(eventID)
        try context.authorize(.runHubPlaces(hub: event.hubSlug))
        try Self.stillAhead(event, now: context.now)
        return try await context.write { database in
            try await EventStore(database).lock(eventID)
            let store = MeetingStore(database)
            var settings = try await store.settings(event: eventID) ?? Self.defaultSettings(for: event)
            let participants = try await store.participants(event: eventID)
            let requests = try await store.requests(event: eventID)
            let outcome = MatchmakingPlan.schedule(settings: settings, participants: participants, requests: requests, keepConfirmed: keepConfirmed)
            let placed = Dictionary(uniqueKeysWithValues: outcome.placements.map { ($0.request, $0) })
            let updated = requests.map { original -> MeetingRequest in
                var request = original
                let placement = request.state == .accepted ? placed[request.id] : nil
                request.slot = placement?.slot
                request.table = placement?.table
                request.confirmed = placement != nil
                if (original.slot, original.table) != (request.slot, request.table) {
                    request.sequence += 1
                    request.updatedAt = context.now
                }
                return request
            }
            try await store.replaceSchedule(event: eventID, requests: updated)
            settings.scheduledAt = context.now
            try await store.save(settings, event: eventID)
            try await context.audit("matchmaking.schedule", "event", eventID.lowercased, hub: event.hubSlug,
                                    after: AuditJSON.encode(["placed": "\(outcome.placements.count)", "unplaced": "\(outcome.unplaced.count)",
                                                             "bound": "\(outcome.bound)"]), on: database)
            return outcome
        }
    }

    /// A participant's agenda: their placed meetings in slot order, with whom and at which table.
    public struct AgendaItem: Sendable {
        public let request: MeetingRequest
        public let start: Date
        public let end: Date
        public let table: Int
        public let with: String
        public let organisation: String
    }

    public func agenda(_ eventID: UUID) async throws -> (Day, [AgendaItem]) {
        let day = try await day(eventID)
        guard let own = try await ownParticipation(eventID) else { return (day, []) }
        return (day, Self.agenda(of: own.id, in: day))
    }

    static func agenda(of participant: UUID, in day: Day) -> [AgendaItem] {
        day.requests.filter { $0.involves(participant) && $0.state == .accepted && $0.slot != nil }
            .sorted { $0.slot! < $1.slot! }
            .map { request in
                let other = request.other(than: participant)
                return AgendaItem(request: request, start: day.settings.start(of: request.slot!), end: day.settings.end(of: request.slot!),
                                  table: request.table! + 1, with: day.names[other] ?? "", organisation: day.organisations[other] ?? "")
            }
    }
}
