import Foundation
import HubnetActions
import HubnetCore
import Vapor

/// Events through the API: everyone reads them; members register and cancel; hub managers
/// create and call off events. Also the member's calendar address.
struct EventsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let events = routes.grouped("api", "v1", "events")
        events.get(use: list)
        events.on(.POST, body: .collect(maxSize: "32kb"), use: create)
        events.get(":id", use: find)
        events.on(.POST, ":id", "cancel", body: .collect(maxSize: "1kb"), use: cancelEvent)
        events.on(.POST, ":id", "registration", body: .collect(maxSize: "1kb"), use: register)
        events.delete(":id", "registration", use: cancelRegistration)
        routes.get("api", "v1", "calendar", use: calendar)
    }

    func list(_ request: Request) async throws -> [EventDTO] {
        let hub = try request.query.get(String?.self, at: "hub")
        try APIQuery.checkHub(hub)
        return try await EventActions(request.actions()).upcoming(hub: hub).map { EventDTO($0.0, seatsTaken: $0.1) }
    }

    func find(_ request: Request) async throws -> EventDTO {
        let actions = EventActions(try await request.actions())
        let event = try await actions.event(try request.uuid())
        return EventDTO(event, seatsTaken: try await actions.seatsTaken(event.id))
    }

    struct EventInput: Decodable {
        var hub: String
        var kind: String
        var title: LocalizedText
        var description: LocalizedText?
        var venue: String
        var start: String
        var end: String
        var capacity: Int
    }

    func create(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(EventInput.self)
        guard let kind = EventKind(rawValue: input.kind) else {
            throw ValidationFailure([FieldProblem(field: "kind", message: .init(
                de: "Art: pitch_night, workshop, demo_day oder matchmaking_day.", en: "Kind: pitch_night, workshop, demo_day or matchmaking_day."))])
        }
        let event = Event(hubSlug: input.hub, kind: kind, title: input.title, description: input.description ?? .init(""), venue: input.venue,
                          start: try APITime.parse(input.start, field: "start"), end: try APITime.parse(input.end, field: "end"),
                          capacity: input.capacity, createdAt: context.now)
        let saved = try await EventActions(context).save(event)
        let response = try await EventDTO(saved, seatsTaken: 0).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/events/\(saved.id.lowercased)")
        return response
    }

    func cancelEvent(_ request: Request) async throws -> EventDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let actions = EventActions(context)
        let event = try await actions.cancelEvent(try request.uuid())
        return EventDTO(event, seatsTaken: try await actions.seatsTaken(event.id))
    }

    struct RegisterInput: Decodable {
        var organisation: UUID?
    }

    func register(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let organisation = request.body.data.map { $0.readableBytes > 0 } == true ? try request.strictJSON(RegisterInput.self).organisation : nil
        let actions = EventActions(context)
        let id = try request.uuid()
        let before = try await actions.ownRegistration(id)
        let registration = try await actions.register(id, organisation: organisation)
        let status: HTTPStatus = before?.state == registration.state && before?.id == registration.id ? .ok : .created
        return try await RegistrationDTO(registration, position: try await actions.waitlistPosition(registration)).encodeResponse(status: status, for: request)
    }

    func cancelRegistration(_ request: Request) async throws -> RegistrationDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let registration = try await EventActions(context).cancelRegistration(try request.uuid())
        return RegistrationDTO(registration, position: nil)
    }

    struct CalendarDTO: Content {
        let url: String
    }

    func calendar(_ request: Request) async throws -> CalendarDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let token = try await CalendarFeeds(context).token()
        return CalendarDTO(url: "\(request.application.hubnetSettings.publicURL)/calendar/members/\(token).ics")
    }
}

struct EventDTO: Content {
    let id: String
    let hub: String
    let kind: String
    let title: LocalizedText
    let description: LocalizedText
    let venue: String
    let start: String
    let end: String
    let capacity: Int
    let seatsTaken: Int
    let cancelled: Bool

    init(_ e: Event, seatsTaken: Int) {
        id = e.id.lowercased
        hub = e.hubSlug
        kind = e.kind.rawValue
        title = e.title
        description = e.description
        venue = e.venue
        start = APITime.text(e.start)
        end = APITime.text(e.end)
        capacity = e.capacity
        self.seatsTaken = seatsTaken
        cancelled = e.cancelled
    }
}

struct RegistrationDTO: Content {
    let id: String
    let event: String
    let state: String
    let waitlistPosition: Int?
    let checkedIn: Bool

    init(_ r: Registration, position: Int?) {
        id = r.id.lowercased
        event = r.eventID.lowercased
        state = r.state.rawValue
        waitlistPosition = position
        checkedIn = r.checkedInAt != nil
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(event, forKey: .event)
        try c.encode(state, forKey: .state)
        try c.encode(waitlistPosition, forKey: .waitlistPosition)
        try c.encode(checkedIn, forKey: .checkedIn)
    }
}
