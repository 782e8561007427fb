import Foundation
import HubnetActions
import HubnetCore
import Vapor

/// A matchmaking day through the API: take part, ask for meetings, answer, schedule (the
/// organiser), read one's agenda.
struct MatchmakingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let day = routes.grouped("api", "v1", "events", ":id")
        day.get("matchmaking", use: overview)
        day.on(.POST, "matchmaking", "participation", body: .collect(maxSize: "8kb"), use: join)
        day.on(.POST, "matchmaking", "requests", body: .collect(maxSize: "4kb"), use: ask)
        day.on(.POST, "matchmaking", "schedule", body: .collect(maxSize: "1kb"), use: schedule)
        day.get("agenda", use: agenda)
        let requests = routes.grouped("api", "v1", "meeting-requests", ":id")
        requests.on(.POST, "accept", body: .collect(maxSize: "1kb")) { try await respond($0) { try await $0.respond($1, accept: true) } }
        requests.on(.POST, "decline", body: .collect(maxSize: "1kb")) { try await respond($0) { try await $0.respond($1, accept: false) } }
        requests.on(.POST, "cancel", body: .collect(maxSize: "1kb")) { try await respond($0) { try await $0.cancel($1) } }
    }

    func overview(_ request: Request) async throws -> MatchmakingDTO {
        let context = try await request.actions()
        let actions = MatchmakingActions(context)
        let day = try await actions.day(try request.uuid())
        let own = try await actions.ownParticipation(day.event.id)
        let organiser = context.actor.manages(hub: day.event.hubSlug)
        let visible = day.requests.filter { request in organiser || own.map { request.involves($0.id) } == true }
        // Who takes part is for members of the network, not for every visitor.
        return MatchmakingDTO(day, requests: visible, showingParticipants: context.actor.isSignedIn)
    }

    struct JoinInput: Decodable {
        var organisation: UUID
        var offer: String?
        var seek: String?
        var slots: [Int]
    }

    func join(_ request: Request) async throws -> ParticipantDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(JoinInput.self)
        guard input.slots.allSatisfy({ (0..<64).contains($0) }) else {
            throw ValidationFailure([FieldProblem(field: "slots", message: .init(de: "Zeitfenster zählen ab 0, höchstens 63.",
                                                                                 en: "Slots count from 0, at most 63."))])
        }
        let availability = input.slots.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        let participant = try await MatchmakingActions(context).join(try request.uuid(), organisation: input.organisation, offer: input.offer ?? "",
                                                                     seek: input.seek ?? "", availability: availability)
        let day = try await MatchmakingActions(context).day(participant.eventID)
        return ParticipantDTO(participant, day: day)
    }

    struct AskInput: Decodable {
        var participant: UUID
        var message: String?
    }

    func ask(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(AskInput.self)
        let actions = MatchmakingActions(context)
        let id = try request.uuid()
        // Asking again, or asking someone who asked first (which accepts), makes nothing new.
        let existing = try await actions.existingRequest(id, with: input.participant)
        let meeting = try await actions.request(id, with: input.participant, message: input.message ?? "")
        let day = try await actions.day(meeting.eventID)
        return try await MeetingRequestDTO(meeting, settings: day.settings).encodeResponse(status: existing == nil ? .created : .ok, for: request)
    }

    func respond(_ request: Request, _ step: (MatchmakingActions, UUID) async throws -> MeetingRequest) async throws -> MeetingRequestDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let actions = MatchmakingActions(context)
        let meeting = try await step(actions, try request.uuid())
        return MeetingRequestDTO(meeting, settings: try await actions.day(meeting.eventID).settings)
    }

    struct ScheduleInput: Decodable {
        var keepConfirmed: Bool?
    }

    struct ScheduleDTO: Content {
        let placed: Int
        let unplaced: Int
        let bound: Int
    }

    func schedule(_ request: Request) async throws -> ScheduleDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let keep = request.body.data.map { $0.readableBytes > 0 } == true ? try request.strictJSON(ScheduleInput.self).keepConfirmed ?? true : true
        let outcome = try await MatchmakingActions(context).scheduleAll(try request.uuid(), keepConfirmed: keep)
        return ScheduleDTO(placed: outcome.placements.count, unplaced: outcome.unplaced.count, bound: outcome.bound)
    }

    struct AgendaItemDTO: Content {
        let start: String
        let end: String
        let table: Int
        let with: String
        let organisation: String
    }

    func agenda(_ request: Request) async throws -> [AgendaItemDTO] {
        let context = try await request.actions()
        _ = try context.memberID()
        return try await MatchmakingActions(context).agenda(try request.uuid()).1.map {
            AgendaItemDTO(start: APITime.text($0.start), end: APITime.text($0.end), table: $0.table, with: $0.with, organisation: $0.organisation)
        }
    }
}

struct MatchmakingDTO: Content {
    struct Settings: Content {
        let firstSlot: String
        let slotMinutes: Int
        let slots: Int
        let tables: Int
        let capPerPerson: Int
    }

    let settings: Settings
    let participants: [ParticipantDTO]
    let requests: [MeetingRequestDTO]

    init(_ day: MatchmakingActions.Day, requests: [MeetingRequest], showingParticipants: Bool) {
        let s = day.settings
        settings = Settings(firstSlot: APITime.text(s.firstSlot), slotMinutes: s.slotMinutes, slots: s.slots, tables: s.tables, capPerPerson: s.capPerPerson)
        participants = showingParticipants ? day.participants.map { ParticipantDTO($0, day: day) } : []
        self.requests = requests.map { MeetingRequestDTO($0, settings: s) }
    }
}

struct ParticipantDTO: Content {
    let id: String
    let name: String
    let organisation: String
    let offer: String
    let seek: String

    init(_ p: MeetingParticipant, day: MatchmakingActions.Day) {
        id = p.id.lowercased
        name = day.names[p.id] ?? ""
        organisation = day.organisations[p.id] ?? ""
        offer = p.offer
        seek = p.seek
    }
}

struct MeetingRequestDTO: Content {
    let id: String
    let requester: String
    let invitee: String
    let state: String
    let slot: Int?
    let table: Int?
    let start: String?

    init(_ r: MeetingRequest, settings: MatchmakingSettings) {
        id = r.id.lowercased
        requester = r.requesterID.lowercased
        invitee = r.inviteeID.lowercased
        state = r.state.rawValue
        slot = r.slot
        table = r.table.map { $0 + 1 }
        start = r.slot.map { APITime.text(settings.start(of: $0)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(requester, forKey: .requester)
        try c.encode(invitee, forKey: .invitee)
        try c.encode(state, forKey: .state)
        try c.encode(slot, forKey: .slot)
        try c.encode(table, forKey: .table)
        try c.encode(start, forKey: .start)
    }
}
