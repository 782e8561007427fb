import FluentKit

struct CreateReferenceData: AsyncMigration {
    var name: String { "001_create_reference_data" }

    func prepare(on database: any Database) async throws {
        try await database.schema(HubRecord.schema)
            .field("slug", .string, .identifier(auto: false))
            .field("name_de", .string, .required)
            .field("name_en", .string, .required)
            .field("round", .int, .required)
            .create()
        try await database.schema(TopicRecord.schema)
            .field("slug", .string, .identifier(auto: false))
            .field("label_de", .string, .required)
            .field("label_en", .string, .required)
            .field("topic_group", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TopicRecord.schema).delete()
        try await database.schema(HubRecord.schema).delete()
    }
}
