import FluentKit
import SQLKit

/// Token expiry, and organisations that wait for their hub's approval: a member who adds an
/// organisation administers it at once, but counts as a member of its hub (for "hub only"
/// posts) only once a hub manager has approved it.
struct HardenAccounts: AsyncMigration {
    var name: String { "006_harden_accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenRecord.schema)
            .field("expires_at", .datetime)
            .update()
        try await database.schema(PendingOrganisationRecord.schema)
            .field("organisation_id", .uuid, .identifier(auto: false),
                   .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingOrganisationRecord.schema).delete()
        try await database.schema(APITokenRecord.schema).deleteField("expires_at").update()
    }
}
