import FluentKit
import SQLKit

/// Posts of the network and the investors' past deals.
struct CreateOpportunitiesAndInvestments: AsyncMigration {
    var name: String { "005_create_opportunities_and_investments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OpportunityRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("language", .string, .required)
            .field("sought_kinds", .string, .required)
            .field("preferred_hubs", .string, .required)
            .field("deadline", .date)
            .field("visibility", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(OpportunityTopicRecord.schema)
            .id()
            .field("opportunity_id", .uuid, .required, .references(OpportunityRecord.schema, "id", onDelete: .cascade))
            .field("topic_slug", .string, .required, .references(TopicRecord.schema, "slug"))
            .field("position", .int, .required)
            .unique(on: "opportunity_id", "topic_slug")
            .create()
        try await database.schema(InvestmentRecord.schema)
            .id()
            .field("investor_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("company_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("funded_on", .date, .required)
            .field("stage", .string)
            .unique(on: "investor_id", "company_id", "funded_on")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "opportunities_organisation").on(OpportunityRecord.schema).column("organisation_id").run()
            try await sql.create(index: "opportunity_topics_topic").on(OpportunityTopicRecord.schema).column("topic_slug").run()
            try await sql.create(index: "investments_company").on(InvestmentRecord.schema).column("company_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvestmentRecord.schema).delete()
        try await database.schema(OpportunityTopicRecord.schema).delete()
        try await database.schema(OpportunityRecord.schema).delete()
    }
}
