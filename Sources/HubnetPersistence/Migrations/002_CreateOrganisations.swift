import FluentKit
import SQLKit

struct CreateOrganisations: AsyncMigration {
    var name: String { "002_create_organisations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("hub_slug", .string, .required, .references(HubRecord.schema, "slug"))
            .field("city", .string, .required)
            .field("description_de", .string, .required)
            .field("description_en", .string, .required)
            .field("offers_de", .string, .required)
            .field("offers_en", .string, .required)
            .field("seeks_de", .string, .required)
            .field("seeks_en", .string, .required)
            .field("website", .string)
            .field("founded_year", .int)
            .field("employees", .string)
            .field("stage", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(OrganisationTopicRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required,
                   .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("topic_slug", .string, .required, .references(TopicRecord.schema, "slug"))
            .field("position", .int, .required)
            .unique(on: "organisation_id", "topic_slug")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "organisations_hub_kind").on(OrganisationRecord.schema)
                .column("hub_slug").column("kind").run()
            try await sql.create(index: "organisation_topics_topic").on(OrganisationTopicRecord.schema)
                .column("topic_slug").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationTopicRecord.schema).delete()
        try await database.schema(OrganisationRecord.schema).delete()
    }
}
