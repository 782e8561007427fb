import FluentKit
import HubnetCore

/// Brings the hubs and topic rows in line with HubnetCore's lists. Runs at every start:
/// reference data is code, the rows exist so that foreign keys can check against them.
/// The 2016/2017 hub competition is written once, when it is missing.
public enum ReferenceData {
    public static func sync(on database: any Database) async throws {
        try await database.writeTransaction { database in
            let hubs = try await HubRecord.query(on: database).all()
            for hub in Network.hubs {
                let record = hubs.first { $0.id == hub.slug } ?? HubRecord(slug: hub.slug, nameDE: "", nameEN: "", round: 0)
                record.nameDE = hub.name.de
                record.nameEN = hub.name.en
                record.round = hub.round.rawValue
                try await record.save(on: database)
            }
            let topics = try await TopicRecord.query(on: database).all()
            for topic in Taxonomy.topics {
                let record = topics.first { $0.id == topic.slug }
                    ?? TopicRecord(slug: topic.slug, labelDE: "", labelEN: "", group: "")
                record.labelDE = topic.label.de
                record.labelEN = topic.label.en
                record.group = topic.group.rawValue
                try await record.save(on: database)
            }
            // History every network starts with: the competition that chose the hubs.
            let store = CallStore(database)
            if try await store.find(HubCompetition.callID) == nil {
                try await store.create(HubCompetition.call, by: nil)
                for application in HubCompetition.applications { try await store.save(application) }
            }
        }
    }
}
