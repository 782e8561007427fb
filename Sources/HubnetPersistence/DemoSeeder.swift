import Algorithms
import FluentKit
import Foundation
import HubnetCore

/// Puts a demo ecosystem into the database in one transaction.
public enum DemoSeeder {
    /// - Parameter progress: called with the number inserted so far, after each batch.
    /// - Parameter vocabulary: for benchmarks, profiles with a realistic vocabulary.
    public static func seed(
        count: Int, seed: UInt64, vocabulary: BenchmarkVocabulary? = nil, on database: any Database,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        var generated = DemoEcosystem(seed: seed).organisations(count: count)
        if let vocabulary {
            var generator = SeededGenerator(seed: seed ^ 0x70CAB)
            generated = generated.map { vocabulary.enrich($0, using: &generator) }
        }
        let organisations = generated
        try await database.writeTransaction { database in
            let store = OrganisationStore(database)
            var done = 0
            for batch in organisations.chunks(ofCount: 5_000) {
                try await store.insert(batch: Array(batch))
                done += batch.count
                progress(done)
            }
            // Deals dated back from a fixed day, so the same seed gives the same history.
            let history = DemoInvestments(seed: seed).investments(among: organisations, until: DemoInvestments.referenceDay)
            try await InvestmentStore(database).insert(history)
            // A board that is alive from the first start, with deadlines ahead of today.
            for opportunity in DemoOpportunities(seed: seed).opportunities(among: organisations, now: Date()) {
                try await OpportunityStore(database).insert(opportunity)
            }
            // Places and events once: `seed --replace` renews organisations only.
            if try await ResourceRecord.query(on: database).count() == 0 {
                for resource in DemoPlaces.resources() { try await PlaceStore(database).save(resource) }
                for event in DemoPlaces.events(now: Date()) { try await EventStore(database).save(event) }
            }
            try await AuditLog(database).record(actor: nil, action: "organisation.seed-demo", objectType: "organisation",
                                                objectID: "\(count)", hub: nil, before: nil, after: "{\"seed\":\(seed)}")
        }
    }

    /// Removes every organisation, for `hubnet seed --replace`.
    public static func removeAllOrganisations(on database: any Database) async throws {
        try await database.writeTransaction { database in
            try await InvestmentRecord.query(on: database).delete()
            try await OpportunityTopicRecord.query(on: database).delete()
            try await OpportunityRecord.query(on: database).delete()
            try await OrganisationTopicRecord.query(on: database).delete()
            try await OrganisationRecord.query(on: database).delete()
            try await OrganisationChangeRecord(organisationID: nil).create(on: database)
            try await AuditLog(database).record(actor: nil, action: "organisation.remove-all", objectType: "organisation",
                                                objectID: "*", hub: nil, before: nil, after: nil)
        }
    }
}
