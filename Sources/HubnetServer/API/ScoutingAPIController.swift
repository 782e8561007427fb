import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// Scouting requests through the API: the agency creates and replies, hubs answer.
struct ScoutingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "scouting")
        api.get(use: list)
        api.on(.POST, body: .collect(maxSize: "64kb"), use: create)
        api.get(":id", use: find)
        api.on(.POST, ":id", "answers", body: .collect(maxSize: "64kb"), use: answer)
        api.on(.POST, ":id", "reply", body: .collect(maxSize: "1kb"), use: reply)
    }

    struct CreateInput: Decodable {
        var title: String
        var text: String
        var topics: [String]?
        var clientName: String
        var clientEmail: String
        var clientLanguage: String?
        var deadline: String
        var hubs: [String]
    }

    struct AnswerInput: Decodable {
        var hub: String
        var organisations: [UUID]?
        var note: String?
    }

    func list(_ request: Request) async throws -> [ScoutingDTO] {
        let actions = ScoutingActions(try await request.actions())
        var result: [ScoutingDTO] = []
        for entry in try await actions.list() { result.append(ScoutingDTO(entry, merged: try await actions.mergedReply(entry))) }
        return result
    }

    func find(_ request: Request) async throws -> ScoutingDTO {
        let actions = ScoutingActions(try await request.actions())
        let entry = try await actions.find(try request.uuid())
        return ScoutingDTO(entry, merged: try await actions.mergedReply(entry))
    }

    func create(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(CreateInput.self)
        guard let deadline = NetworkCalendar.startOfDay(input.deadline) else {
            throw ValidationFailure([FieldProblem(field: "deadline", message: .init(
                de: "Die Frist muss ein Tag wie 2027-03-31 sein.", en: "The deadline must be a day like 2027-03-31."))])
        }
        guard let language = SiteLanguage(rawValue: input.clientLanguage ?? "en") else {
            throw ValidationFailure([FieldProblem(field: "clientLanguage", message: .init(de: "„de“ oder „en“.", en: "'de' or 'en'."))])
        }
        let created = try await ScoutingActions(context).create(ScoutingRequest(
            title: input.title, text: input.text, topicSlugs: input.topics ?? [], clientName: input.clientName, clientEmail: input.clientEmail,
            clientLanguage: language, deadline: deadline, hubs: input.hubs))
        let actions = ScoutingActions(context)
        let entry = try await actions.find(created.id)
        let response = try await ScoutingDTO(entry, merged: []).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/scouting/\(created.id.lowercased)")
        return response
    }

    func answer(_ request: Request) async throws -> ScoutingDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid()
        let input = try request.strictJSON(AnswerInput.self)
        let actions = ScoutingActions(context)
        try await actions.answer(id, hub: input.hub, organisations: input.organisations ?? [], note: input.note ?? "")
        let entry = try await actions.find(id)
        return ScoutingDTO(entry, merged: try await actions.mergedReply(entry))
    }

    func reply(_ request: Request) async throws -> ScoutingDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid()
        let actions = ScoutingActions(context)
        try await actions.reply(id)
        let entry = try await actions.find(id)
        return ScoutingDTO(entry, merged: try await actions.mergedReply(entry))
    }
}

struct ScoutingDTO: Content {
    struct Hub: Content {
        let hub: String
        let answeredAt: String?
        let note: String?
        let organisations: [String]
    }

    struct Entry: Content {
        let organisation: String
        let name: String
        let hubs: [String]
    }

    let id: String
    let title: String
    let text: String
    let topics: [String]
    let clientName: String
    let clientEmail: String
    let clientLanguage: String
    let deadline: String
    let hubs: [Hub]
    let repliedAt: String?
    /// The merged reply: sent when `repliedAt` is set, a preview before.
    let reply: [Entry]

    init(_ entry: ScoutingStore.Entry, merged: [(organisation: Organisation, entry: ScoutingReply.Entry)]) {
        let r = entry.request
        id = r.id.lowercased
        title = r.title
        text = r.text
        topics = r.topicSlugs
        clientName = r.clientName
        clientEmail = r.clientEmail
        clientLanguage = r.clientLanguage.rawValue
        deadline = NetworkCalendar.day(of: r.deadline)
        hubs = entry.hubs.map { hub in
            Hub(hub: hub.hub, answeredAt: hub.answeredAt?.formatted(.iso8601), note: hub.note,
                organisations: entry.shortlists.first { $0.hub == hub.hub }?.organisations.map(\.lowercased) ?? [])
        }
        repliedAt = r.repliedAt?.formatted(.iso8601)
        reply = merged.map { Entry(organisation: $0.organisation.id.lowercased, name: $0.organisation.name, hubs: $0.entry.hubs) }
    }

    // Explicit nulls, as everywhere in the API.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(text, forKey: .text)
        try c.encode(topics, forKey: .topics)
        try c.encode(clientName, forKey: .clientName)
        try c.encode(clientEmail, forKey: .clientEmail)
        try c.encode(clientLanguage, forKey: .clientLanguage)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(hubs, forKey: .hubs)
        try c.encode(repliedAt, forKey: .repliedAt)
        try c.encode(reply, forKey: .reply)
    }
}

extension ScoutingDTO.Hub {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hub, forKey: .hub)
        try c.encode(answeredAt, forKey: .answeredAt)
        try c.encode(note, forKey: .note)
        try c.encode(organisations, forKey: .organisations)
    }
}
