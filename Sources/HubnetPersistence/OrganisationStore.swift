import Algorithms
import FluentKit
import FluentSQL
import Foundation
import HubnetCore
import SQLKit

/// Reads and writes organisations. Every write runs in one transaction with its topic links
/// and a journal entry, so the search index of every instance learns of it.
public struct OrganisationStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public enum WriteError: Error, Equatable {
        case alreadyExists(UUID)
    }

    // MARK: Reading

    public func find(_ id: UUID) async throws -> Organisation? {
        try await find([id]).first
    }

    /// The organisations with these ids, in the order given; unknown ids are left out.
    public func find(_ ids: [UUID]) async throws -> [Organisation] {
        var byID: [UUID: Organisation] = [:]
        // In chunks: PostgreSQL takes at most 65,535 parameters in one statement, and the
        // investor model asks for every company that ever got a deal.
        for chunk in ids.chunks(ofCount: 10_000) {
            let rows = try await sql.select().columns(Self.readColumns).from(OrganisationRecord.schema)
                .where("id", .in, Array(chunk)).all()
            for organisation in try await organisations(from: rows) { byID[organisation.id] = organisation }
        }
        return ids.compactMap { byID[$0] }
    }

    /// All organisations in batches ordered by id, so that 100,000 never sit in memory twice.
    public func forEachBatch(size: Int = 5_000, _ body: ([Organisation]) async throws -> Void) async throws {
        var after: UUID?
        while true {
            var query = sql.select().columns(Self.readColumns).from(OrganisationRecord.schema)
            if let after { query = query.where("id", .greaterThan, after) }
            let rows = try await query.orderBy("id").limit(size).all()
            let batch = try await organisations(from: rows)
            // Rows come back in id order, but UUID's < and the database's byte order differ.
            guard let last = rows.last else { return }
            after = try last.decode(column: "id", as: UUID.self)
            try await body(batch)
            if rows.count < size { return }
        }
    }

    public func count() async throws -> Int {
        try await OrganisationRecord.query(on: database).count()
    }

    // MARK: Writing

    public func create(_ organisation: Organisation) async throws {
        try await database.writeTransaction { database in
            if try await OrganisationRecord.find(organisation.id, on: database) != nil {
                throw WriteError.alreadyExists(organisation.id)
            }
            try await OrganisationRecord(organisation).create(on: database)
            try await Self.replaceTopics(of: organisation, on: database)
            try await OrganisationChangeRecord(organisationID: organisation.id).create(on: database)
        }
    }

    /// Replaces the stored organisation; false when there is none with that id.
    @discardableResult
    public func update(_ organisation: Organisation) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let record = try await OrganisationRecord.find(organisation.id, on: database) else { return false }
            record.apply(organisation)
            // Saved even when only topics changed, so updated_at moves.
            record.updatedAt = Date()
            try await record.update(on: database)
            try await Self.replaceTopics(of: organisation, on: database)
            try await OrganisationChangeRecord(organisationID: organisation.id).create(on: database)
            return true
        }
    }

    @discardableResult
    public func delete(_ id: UUID) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let record = try await OrganisationRecord.find(id, on: database) else { return false }
            try await OrganisationTopicRecord.query(on: database).filter(\.$organisationID == id).delete()
            try await OrganisationLogoRecord.query(on: database).filter(\.$id == id).delete()
            try await record.delete(on: database)
            try await OrganisationChangeRecord(organisationID: id).create(on: database)
            return true
        }
    }

    /// Inserts many organisations with few statements, for seeding and imports; the caller
    /// wraps it in a transaction. Existing ids fail the whole batch (unique constraint).
    public func insert(batch organisations: [Organisation]) async throws {
        let now = Date()
        for chunk in organisations.chunks(ofCount: 400) {
            let insert = sql.insert(into: OrganisationRecord.schema).columns(Self.columns + ["created_at", "updated_at"])
            for organisation in chunk {
                insert.values(Self.values(of: organisation) + [SQLBind(now), SQLBind(now)])
            }
            try await insert.run()
            let topics = sql.insert(into: OrganisationTopicRecord.schema)
                .columns("id", "organisation_id", "topic_slug", "position")
            for organisation in chunk {
                for (position, slug) in organisation.topicSlugs.enumerated() {
                    topics.values(SQLBind(UUID()), SQLBind(organisation.id), SQLBind(slug), SQLBind(position))
                }
            }
            try await topics.run()
        }
        try await OrganisationChangeRecord(organisationID: nil).create(on: database)
    }

    // MARK: Journal

    public struct Change: Sendable, Equatable {
        public let sequence: Int
        /// nil: reload everything.
        public let organisationID: UUID?
    }

    public func changes(after sequence: Int) async throws -> [Change] {
        try await OrganisationChangeRecord.query(on: database)
            .filter(\.$id > sequence).sort(\.$id).all()
            .map { Change(sequence: $0.id ?? 0, organisationID: $0.organisationID) }
    }

    public func latestChangeSequence() async throws -> Int {
        try await OrganisationChangeRecord.query(on: database).max(\.$id) ?? 0
    }

    // MARK: Mapping

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    static let columns = [
        "id", "name", "kind", "hub_slug", "city", "description_de", "description_en", "offers_de", "offers_en",
        "seeks_de", "seeks_en", "website", "founded_year", "employees", "stage",
    ]
    /// What reads add: the logo's version is written only with the logo (`LogoStore`), never
    /// from an organisation a form or an import sends.
    static let readColumns = columns + ["logo_version"]

    static func values(of organisation: Organisation) -> [any SQLExpression] {
        let o = organisation
        return [
            SQLBind(o.id), SQLBind(o.name), SQLBind(o.kind.rawValue), SQLBind(o.hubSlug), SQLBind(o.city),
            SQLBind(o.description.de), SQLBind(o.description.en), SQLBind(o.offers.de), SQLBind(o.offers.en),
            SQLBind(o.seeks.de), SQLBind(o.seeks.en), SQLBind(o.website), SQLBind(o.foundedYear),
            SQLBind(o.employees?.rawValue), SQLBind(o.stage?.rawValue),
        ]
    }

    private static func replaceTopics(of organisation: Organisation, on database: any Database) async throws {
        try await OrganisationTopicRecord.query(on: database).filter(\.$organisationID == organisation.id).delete()
        for (position, slug) in organisation.topicSlugs.enumerated() {
            try await OrganisationTopicRecord(organisationID: organisation.id, topicSlug: slug, position: position)
                .create(on: database)
        }
    }

    private func organisations(from rows: [any SQLRow]) async throws -> [Organisation] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let topicRows = try await sql.select().columns("organisation_id", "topic_slug")
            .from(OrganisationTopicRecord.schema).where("organisation_id", .in, ids)
            .orderBy("position").all()
        var topics: [UUID: [String]] = [:]
        for row in topicRows {
            topics[try row.decode(column: "organisation_id", as: UUID.self), default: []]
                .append(try row.decode(column: "topic_slug", as: String.self))
        }
        return try zip(rows, ids).map { row, id in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
                try row.decodeNil(column: column) ? nil : row.decode(column: column, as: T.self)
            }
            return Organisation(
                id: id, name: try text("name"),
                kind: OrganisationKind(rawValue: try text("kind")) ?? .startup,
                hubSlug: try text("hub_slug"), city: try text("city"), topicSlugs: topics[id] ?? [],
                description: .init(de: try text("description_de"), en: try text("description_en")),
                offers: .init(de: try text("offers_de"), en: try text("offers_en")),
                seeks: .init(de: try text("seeks_de"), en: try text("seeks_en")),
                website: try optional("website", String.self),
                foundedYear: try optional("founded_year", Int.self),
                employees: try optional("employees", String.self).flatMap(EmployeeBand.init(rawValue:)),
                stage: try optional("stage", String.self).flatMap(FundingStage.init(rawValue:)),
                logoVersion: try optional("logo_version", String.self))
        }
    }
}
