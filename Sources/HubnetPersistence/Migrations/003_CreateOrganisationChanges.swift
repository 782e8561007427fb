import FluentKit

struct CreateOrganisationChanges: AsyncMigration {
    var name: String { "003_create_organisation_changes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationChangeRecord.schema)
            .field("seq", .int, .identifier(auto: true))
            .field("organisation_id", .uuid)
            .field("changed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationChangeRecord.schema).delete()
    }
}
