import FluentKit

/// When a member accepted the privacy notice at sign-up (members from before have none), and
/// the address a member is moving to until its link is followed.
struct RecordPrivacyConsent: AsyncMigration {
    var name: String { "007_record_privacy_consent" }

    func prepare(on database: any Database) async throws {
        // One field per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(MemberRecord.schema).field("privacy_accepted_at", .datetime).update()
        try await database.schema(MemberRecord.schema).field("pending_email", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MemberRecord.schema).deleteField("pending_email").update()
        try await database.schema(MemberRecord.schema).deleteField("privacy_accepted_at").update()
    }
}
