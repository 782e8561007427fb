import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import HubnetTestSupport
import Testing

@Suite struct OrganisationStoreTests {
    let sample = DemoEcosystem(seed: 11).organisations(count: 50)

    @Test func migrationNamesAreUnique() {
        let names = HubnetMigrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names == names.sorted(), "numbered, in order")
    }

    @Test(arguments: TestDatabase.kinds)
    func anOrganisationComesBackAsItWasStored(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            let store = OrganisationStore(database)
            var organisation = sample[0]
            organisation.website = nil
            organisation.offers = .init(de: "Umlaute: äöüß „Zitat“", en: "emoji 🚀")
            try await store.create(organisation)
            #expect(try await store.find(organisation.id) == organisation)

            organisation.topicSlugs = ["energy", "smart-grid"]
            organisation.foundedYear = nil
            #expect(try await store.update(organisation))
            #expect(try await store.find(organisation.id) == organisation)

            #expect(try await store.delete(organisation.id))
            #expect(try await store.find(organisation.id) == nil)
            #expect(try await !store.delete(organisation.id))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func creatingTheSameIDTwiceFails(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            let store = OrganisationStore(database)
            try await store.create(sample[0])
            await #expect(throws: OrganisationStore.WriteError.alreadyExists(sample[0].id)) {
                try await store.create(sample[0])
            }
            #expect(try await store.count() == 1)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theDatabaseRefusesAnUnknownHubOrTopic(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            let store = OrganisationStore(database)
            var atlantis = sample[0]
            atlantis.hubSlug = "atlantis"
            await #expect(throws: (any Error).self) { try await store.create(atlantis) }
            var strange = sample[1]
            strange.topicSlugs = ["telepathy"]
            await #expect(throws: (any Error).self) { try await store.create(strange) }
            // The failed transactions left nothing behind.
            let organisations = try await store.count()
            let links = try await OrganisationTopicRecord.query(on: database).count()
            #expect(organisations == 0 && links == 0)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aTopicIsLinkedOncePerOrganisation(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            try await OrganisationStore(database).create(sample[0])
            let duplicate = OrganisationTopicRecord()
            duplicate.id = UUID()
            duplicate.organisationID = sample[0].id
            duplicate.topicSlug = sample[0].topicSlugs[0]
            duplicate.position = 9
            await #expect(throws: (any Error).self) { try await duplicate.create(on: database) }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func batchesInsertAndReadBackEverything(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            let store = OrganisationStore(database)
            let many = DemoEcosystem(seed: 5).organisations(count: 1_234)
            try await database.transaction { try await OrganisationStore($0).insert(batch: many) }
            var read: [Organisation] = []
            try await store.forEachBatch(size: 500) { read += $0 }
            #expect(read.count == many.count)
            #expect(Set(read) == Set(many))
            #expect(try await store.find([many[7].id, many[3].id]) == [many[7], many[3]])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyWriteIsJournalled(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            let store = OrganisationStore(database)
            try await store.create(sample[0])
            try await store.update(sample[0])
            try await store.delete(sample[0].id)
            try await database.transaction { try await OrganisationStore($0).insert(batch: Array(sample[1...3])) }
            let changes = try await store.changes(after: 0)
            #expect(changes.map(\.organisationID) == [sample[0].id, sample[0].id, sample[0].id, nil])
            #expect(changes.map(\.sequence) == changes.map(\.sequence).sorted())
            #expect(try await store.changes(after: changes[1].sequence).count == 2)
            #expect(try await store.latestChangeSequence() == changes.last?.sequence)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyMigrationReverts(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            for migration in HubnetMigrations.all.reversed() { try await migration.revert(on: database).get() }
            for migration in HubnetMigrations.all { try await migration.prepare(on: database).get() }
            try await ReferenceData.sync(on: database)
            try await OrganisationStore(database).create(sample[0])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func referenceDataSyncIsIdempotent(_ kind: TestDatabase.Kind) async throws {
        try await TestDatabase.withDatabase(kind) { database in
            try await ReferenceData.sync(on: database)
            #expect(try await HubRecord.query(on: database).count() == 12)
            #expect(try await TopicRecord.query(on: database).count() == Taxonomy.topics.count)
        }
    }
}
