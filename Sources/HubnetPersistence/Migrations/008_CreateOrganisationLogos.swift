import FluentKit

/// Logos: the image in a table of its own (directory reads never load it), its version on the
/// organisation (every card that shows the logo needs its address).
struct CreateOrganisationLogos: AsyncMigration {
    var name: String { "008_create_organisation_logos" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationLogoRecord.schema)
            .field("organisation_id", .uuid, .identifier(auto: false),
                   .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("png", .data, .required)
            .field("version", .string, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(OrganisationRecord.schema).field("logo_version", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema).deleteField("logo_version").update()
        try await database.schema(OrganisationLogoRecord.schema).delete()
    }
}
