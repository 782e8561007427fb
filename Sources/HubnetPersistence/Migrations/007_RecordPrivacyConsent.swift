import FluentKit

/// When a member accepted the privacy notice at sign-up. Members from before have none.
struct RecordPrivacyConsent: AsyncMigration {
    var name: String { "007_record_privacy_consent" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MemberRecord.schema)
            .field("privacy_accepted_at", .datetime)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MemberRecord.schema).deleteField("privacy_accepted_at").update()
    }
}
