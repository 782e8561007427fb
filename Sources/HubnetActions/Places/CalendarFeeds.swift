import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// The iCalendar feeds: a hub's events for everyone, and a member's own calendar (events they
/// registered for, their bookings, their meetings) behind a secret address, since calendar
/// apps cannot sign in. Entries keep their UID; SEQUENCE grows with every change.
public struct CalendarFeeds: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    /// How far back a feed reaches: calendars keep what they had, but a feed need not grow forever.
    static let history: TimeInterval = 90 * 86_400

    public func hub(_ slug: String, language: SiteLanguage) async throws -> ICalendar {
        guard let hub = Network.hub(slug) else { throw DomainError.notFound(.init(de: "Ein Hub", en: "hub"), id: slug) }
        let events = try await EventStore(context.database).events(hub: slug, endingAfter: context.now.addingTimeInterval(-Self.history))
        return ICalendar(name: "Hubnet · \(hub.name[language])", entries: events.map { entry($0, language: language) })
    }

    func entry(_ event: Event, language: SiteLanguage, status: ICalendar.Status = .confirmed, sequence: Int = 0) -> ICalendar.Entry {
        ICalendar.Entry(uid: "event-\(event.id.lowercased)@hubnet", sequence: event.sequence + sequence, start: event.start, end: event.end,
                        summary: event.title[language], description: event.description[language],
                        location: event.venue, url: context.link("events/\(event.id.lowercased)", language),
                        status: event.cancelled ? .cancelled : status, modified: event.updatedAt)
    }

    /// The member's secret feed address token, made on first use.
    public func token() async throws -> String {
        let memberID = try context.memberID()
        return try await context.write { database in
            try await EventStore(database).feedToken(member: memberID, make: { SecretToken.randomID() }, now: context.now)
        }
    }

    /// A new address; the old one stops working (someone saw it who should not have).
    public func renewToken() async throws -> String {
        let memberID = try context.memberID()
        let token = SecretToken.randomID()
        try await context.write { database in
            try await EventStore(database).replaceFeedToken(member: memberID, with: token, now: context.now)
            try await context.audit("calendar.renew", "member", memberID.lowercased, hub: nil, on: database)
        }
        return token
    }

    /// The personal feed behind a token; nil for an unknown token.
    public func member(token: String) async throws -> ICalendar? {
        guard token.count >= 20, let memberID = try await EventStore(context.database).feedOwner(token: token),
              let member = try await MemberRecord.find(memberID, on: context.database), member.erasedAt == nil else { return nil }
        let language = SiteLanguage(rawValue: member.language) ?? .de
        let since = context.now.addingTimeInterval(-Self.history)
        var entries: [ICalendar.Entry] = []
        // Events: a seat is confirmed, a place in line tentative, a cancelled registration cancelled.
        let registrations = try await EventStore(context.database).registrations(member: memberID)
        let events = Dictionary(uniqueKeysWithValues: try await EventStore(context.database).events(registrations.map(\.eventID)).map { ($0.id, $0) })
        for registration in registrations {
            guard let event = events[registration.eventID], event.end > since else { continue }
            let status: ICalendar.Status = switch registration.state {
            case .registered: .confirmed
            case .waitlisted: .tentative
            case .cancelled: .cancelled
            }
            entries.append(entry(event, language: language, status: status, sequence: registration.sequence))
        }
        // Bookings.
        let bookings = try await PlaceStore(context.database).bookings(member: memberID).filter { $0.end > since }
        let resources = try await PlaceStore(context.database).resources(includingInactive: true)
        let byID = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) })
        for booking in bookings {
            guard let resource = byID[booking.resourceID] else { continue }
            let place = [resource.hub?.name[language], resource.city].compactMap { $0 }.joined(separator: ", ")
            entries.append(ICalendar.Entry(uid: "booking-\(booking.id.lowercased)@hubnet", sequence: booking.sequence, start: booking.start,
                                           end: booking.end, summary: resource.name[language], description: resource.kind.label[language],
                                           location: "Digital Hub \(place)", url: context.link("resources/\(resource.id.lowercased)", language),
                                           status: booking.state == .cancelled ? .cancelled : .confirmed, modified: booking.updatedAt))
        }
        // Meetings of matchmaking days, placed or called off after they had a place.
        for participant in try await MeetingStore(context.database).participants(member: memberID) {
            let day = try await MatchmakingActions(context).day(participant.eventID)
            let event = day.event, settings = day.settings
            guard event.end > since else { continue }
            for request in day.requests where request.involves(participant.id) && (request.slot != nil || request.sequence > 0) {
                let other = request.other(than: participant.id)
                let with = [day.names[other], day.organisations[other]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                let placed = request.state == .accepted && request.slot != nil && !event.cancelled
                let table = request.table.map { language == .de ? "Tisch \($0 + 1)" : "Table \($0 + 1)" } ?? ""
                entries.append(ICalendar.Entry(
                    uid: "meeting-\(request.id.lowercased)@hubnet", sequence: request.sequence,
                    start: request.slot.map(settings.start(of:)) ?? event.start, end: request.slot.map(settings.end(of:)) ?? event.start.addingTimeInterval(Double(settings.slotMinutes * 60)),
                    summary: (language == .de ? "Treffen: " : "Meeting: ") + with, description: event.title[language],
                    location: [event.venue, table].filter { !$0.isEmpty }.joined(separator: ", "),
                    url: context.link("events/\(event.id.lowercased)/agenda", language),
                    status: placed ? .confirmed : .cancelled, modified: request.updatedAt))
            }
        }
        let name = language == .de ? "Hubnet · Mein Kalender" : "Hubnet · My calendar"
        return ICalendar(name: name, entries: entries.sorted { $0.start < $1.start })
    }
}
