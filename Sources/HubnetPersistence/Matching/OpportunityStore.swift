import Algorithms
import FluentKit
import Foundation
import HubnetCore

/// Reads and writes the network's posts; each write is one transaction with its topics.
public struct OpportunityStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func find(_ id: UUID) async throws -> Opportunity? {
        guard let record = try await OpportunityRecord.find(id, on: database) else { return nil }
        return try await opportunities(from: [record]).first
    }

    /// The posts with these ids, by id, in two queries whatever their number.
    public func find(_ ids: [UUID]) async throws -> [UUID: Opportunity] {
        var found: [UUID: Opportunity] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 1_000).map({ Array(ids[$0..<min($0 + 1_000, ids.count)]) }) {
            let records = try await OpportunityRecord.query(on: database).filter(\.$id ~~ chunk).all()
            for opportunity in try await opportunities(from: records) { found[opportunity.id] = opportunity }
        }
        return found
    }

    /// Posts, newest first, optionally of some organisations or kinds only.
    public func list(organisations: [UUID]? = nil, kinds: [OpportunityKind] = [], limit: Int = 500) async throws -> [Opportunity] {
        var query = OpportunityRecord.query(on: database)
        if let organisations { query = query.filter(\.$organisationID ~~ organisations) }
        if !kinds.isEmpty { query = query.filter(\.$kind ~~ kinds.map(\.rawValue)) }
        let records = try await query.sort(\.$createdAt, .descending).sort(\.$id).limit(limit).all()
        return try await opportunities(from: records)
    }

    public func create(_ opportunity: Opportunity, by member: UUID?) async throws {
        try await database.writeTransaction { database in
            try await OpportunityStore(database).insert(opportunity, by: member)
        }
    }

    /// Stores a post inside the caller's transaction.
    func insert(_ opportunity: Opportunity, by member: UUID? = nil) async throws {
        try await OpportunityRecord(opportunity, createdBy: member).create(on: database)
        try await Self.replaceTopics(of: opportunity, on: database)
    }

    @discardableResult
    public func update(_ opportunity: Opportunity) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let record = try await OpportunityRecord.find(opportunity.id, on: database) else { return false }
            record.apply(opportunity)
            record.updatedAt = Date()
            try await record.update(on: database)
            try await Self.replaceTopics(of: opportunity, on: database)
            return true
        }
    }

    @discardableResult
    public func delete(_ id: UUID) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let record = try await OpportunityRecord.find(id, on: database) else { return false }
            try await OpportunityTopicRecord.query(on: database).filter(\.$opportunityID == id).delete()
            try await record.delete(on: database)
            return true
        }
    }

    private static func replaceTopics(of opportunity: Opportunity, on database: any Database) async throws {
        try await OpportunityTopicRecord.query(on: database).filter(\.$opportunityID == opportunity.id).delete()
        for (position, slug) in opportunity.topicSlugs.enumerated() {
            try await OpportunityTopicRecord(opportunityID: opportunity.id, topicSlug: slug, position: position).create(on: database)
        }
    }

    private func opportunities(from records: [OpportunityRecord]) async throws -> [Opportunity] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let links = try await OpportunityTopicRecord.query(on: database).filter(\.$opportunityID ~~ ids).sort(\.$position).all()
        let topics = Dictionary(grouping: links, by: \.opportunityID).mapValues { $0.map(\.topicSlug) }
        return records.compactMap { $0.opportunity(topics: topics[$0.id!] ?? []) }
    }
}

/// The investors' past deals.
public struct InvestmentStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func all() async throws -> [Investment] {
        try await InvestmentRecord.query(on: database).all().map(\.investment)
    }

    public func count() async throws -> Int {
        try await InvestmentRecord.query(on: database).count()
    }

    /// Inserts deals; the caller wraps it in a transaction. A repeated deal fails (unique constraint).
    public func insert(_ investments: [Investment]) async throws {
        for chunk in investments.chunks(ofCount: 500) {
            try await chunk.map(InvestmentRecord.init).create(on: database)
        }
    }
}
