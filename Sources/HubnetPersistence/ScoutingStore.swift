import FluentKit
import Foundation
import HubnetCore

/// Scouting requests, the hubs they ask, and the hubs' shortlists.
public struct ScoutingStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// A request with where each hub stands.
    public struct Entry: Sendable {
        public let request: ScoutingRequest
        /// In the request's order: the hub, its note and when it answered (nil: not yet).
        public let hubs: [(hub: String, note: String?, answeredAt: Date?)]
        public let shortlists: [ScoutingShortlist]

        public var pending: [String] { hubs.filter { $0.answeredAt == nil }.map(\.hub) }
    }

    public func create(_ request: ScoutingRequest, by member: UUID?) async throws {
        let record = ScoutingRequestRecord()
        record.id = request.id
        record.title = request.title
        record.text = request.text
        record.topics = request.topicSlugs.joined(separator: ",")
        record.clientName = request.clientName
        record.clientEmail = request.clientEmail
        record.clientLanguage = request.clientLanguage.rawValue
        record.deadline = request.deadline
        record.createdBy = member
        record.createdAt = request.created
        try await record.create(on: database)
        for (position, hub) in request.hubs.enumerated() {
            let row = ScoutingHubRecord()
            row.requestID = request.id
            row.hubSlug = hub
            row.position = position
            try await row.create(on: database)
        }
    }

    public func find(_ id: UUID) async throws -> Entry? {
        guard let record = try await ScoutingRequestRecord.find(id, on: database) else { return nil }
        return try await entries([record]).first
    }

    /// Requests that ask any of these hubs (every request: nil), newest first.
    public func list(hubs: Set<String>?, limit: Int = 200) async throws -> [Entry] {
        var ids: [UUID]? = nil
        if let hubs {
            ids = Array(Set(try await ScoutingHubRecord.query(on: database).filter(\.$hubSlug ~~ Array(hubs)).all().map(\.requestID)))
        }
        var query = ScoutingRequestRecord.query(on: database)
        if let ids { query = query.filter(\.$id ~~ ids) }
        return try await entries(try await query.sort(\.$createdAt, .descending).limit(limit).all())
    }

    /// Writes a hub's answer; false when the hub was not asked or answered already.
    public func answer(_ shortlist: ScoutingShortlist, of requestID: UUID, by member: UUID?, at time: Date) async throws -> Bool {
        guard let hub = try await ScoutingHubRecord.query(on: database).filter(\.$requestID == requestID)
            .filter(\.$hubSlug == shortlist.hub).first(), hub.answeredAt == nil else { return false }
        hub.note = shortlist.note
        hub.answeredAt = time
        hub.answeredBy = member
        try await hub.update(on: database)
        for (place, organisation) in shortlist.organisations.enumerated() {
            let row = ScoutingEntryRecord()
            row.requestID = requestID
            row.hubSlug = shortlist.hub
            row.organisationID = organisation
            row.place = place + 1
            try await row.create(on: database)
        }
        return true
    }

    public func markReplied(_ requestID: UUID, at time: Date) async throws {
        guard let record = try await ScoutingRequestRecord.find(requestID, on: database) else { return }
        record.repliedAt = time
        try await record.update(on: database)
    }

    private func entries(_ records: [ScoutingRequestRecord]) async throws -> [Entry] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let hubs = Dictionary(grouping: try await ScoutingHubRecord.query(on: database).filter(\.$requestID ~~ ids).sort(\.$position).all(),
                              by: \.requestID)
        let entries = Dictionary(grouping: try await ScoutingEntryRecord.query(on: database).filter(\.$requestID ~~ ids).sort(\.$place).all(),
                                 by: \.requestID)
        return records.compactMap { record in
            guard let id = record.id else { return nil }
            let asked = hubs[id] ?? []
            let request = ScoutingRequest(
                id: id, title: record.title, text: record.text, topicSlugs: record.topics.split(separator: ",").map(String.init),
                clientName: record.clientName, clientEmail: record.clientEmail, clientLanguage: SiteLanguage(rawValue: record.clientLanguage) ?? .en,
                deadline: record.deadline, hubs: asked.map(\.hubSlug), created: record.createdAt, repliedAt: record.repliedAt)
            let shortlists = asked.filter { $0.answeredAt != nil }.map { hub in
                ScoutingShortlist(hub: hub.hubSlug, organisations: (entries[id] ?? []).filter { $0.hubSlug == hub.hubSlug }.map(\.organisationID),
                                  note: hub.note ?? "")
            }
            return Entry(request: request, hubs: asked.map { ($0.hubSlug, $0.note, $0.answeredAt) }, shortlists: shortlists)
        }
    }
}
