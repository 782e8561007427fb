import FluentKit
import SQLKit

/// The routing desk: each request's state and history, its recipients and referrals, each
/// hub's service levels, members' notifications, and the API's idempotency keys. Unique step numbers per request keep concurrent steps from
/// both landing on one state; unique recipients and referrals keep lists free of repeats.
struct CreateRoutingDesk: AsyncMigration {
    var name: String { "009_create_routing_desk" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RoutingCaseRecord.schema)
            .field("opportunity_id", .uuid, .identifier(auto: false), .references(OpportunityRecord.schema, "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("home_hub", .string, .required, .references(HubRecord.schema, "slug"))
            .field("steps", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(RoutingStepRecord.schema)
            .id()
            .field("opportunity_id", .uuid, .required, .references(RoutingCaseRecord.schema, "opportunity_id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("event", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor_id", .uuid)
            .field("at", .datetime, .required)
            .field("note", .string, .required)
            .field("subject", .string)
            .unique(on: "opportunity_id", "number")
            .create()
        try await database.schema(RoutingRecipientRecord.schema)
            .id()
            .field("opportunity_id", .uuid, .required, .references(RoutingCaseRecord.schema, "opportunity_id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("outcome", .string)
            .unique(on: "opportunity_id", "organisation_id")
            .create()
        try await database.schema(RoutingReferralRecord.schema)
            .id()
            .field("opportunity_id", .uuid, .required, .references(RoutingCaseRecord.schema, "opportunity_id", onDelete: .cascade))
            .field("hub_slug", .string, .required, .references(HubRecord.schema, "slug"))
            .field("state", .string, .required)
            .unique(on: "opportunity_id", "hub_slug")
            .create()
        try await database.schema(ServiceLevelRecord.schema)
            .field("hub_slug", .string, .identifier(auto: false), .references(HubRecord.schema, "slug"))
            .field("vet_within", .int, .required)
            .field("route_within", .int, .required)
            .field("answer_referral_within", .int, .required)
            .create()
        try await database.schema(NotificationRecord.schema)
            .id()
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, "id", onDelete: .cascade))
            .field("opportunity_id", .uuid, .references(OpportunityRecord.schema, "id", onDelete: .cascade))
            .field("text_de", .string, .required)
            .field("text_en", .string, .required)
            .field("path", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await database.schema(IdempotencyRecord.schema)
            .id()
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("result", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "member_id", "key")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "notifications_member_read").on(NotificationRecord.schema).column("member_id").column("read_at").run()
            // The agency's queues: by hub and state.
            try await sql.create(index: "routing_cases_hub_state").on(RoutingCaseRecord.schema).column("home_hub").column("state").run()
            try await sql.create(index: "routing_recipients_organisation").on(RoutingRecipientRecord.schema).column("organisation_id").run()
            try await sql.create(index: "routing_referrals_hub").on(RoutingReferralRecord.schema).column("hub_slug").column("state").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema).delete()
        try await database.schema(NotificationRecord.schema).delete()
        try await database.schema(ServiceLevelRecord.schema).delete()
        try await database.schema(RoutingReferralRecord.schema).delete()
        try await database.schema(RoutingRecipientRecord.schema).delete()
        try await database.schema(RoutingStepRecord.schema).delete()
        try await database.schema(RoutingCaseRecord.schema).delete()
    }
}
