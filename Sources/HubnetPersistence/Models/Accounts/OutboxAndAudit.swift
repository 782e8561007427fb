import FluentKit
import Foundation

/// An e-mail waiting to be sent. It is written in the transaction of the change that causes
/// it; a worker sends it later, with retries. The unique key makes a repeat impossible to
/// enqueue and travels as the Message-ID, so a receiver can drop a resend after a crash.
public final class OutboxMessageRecord: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @OptionalField(key: "last_error") public var lastError: String?

    public init() {}

    public init(key: String, recipient: String, subject: String, body: String, now: Date = Date()) {
        self.id = UUID()
        self.key = key
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.attempts = 0
        self.nextAttemptAt = now
    }
}

/// Who changed what, when: one row per write, in the write's transaction.
public final class AuditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "occurred_at") public var occurredAt: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "action") public var action: String
    @Field(key: "object_type") public var objectType: String
    @Field(key: "object_id") public var objectID: String
    @OptionalField(key: "hub_slug") public var hubSlug: String?
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}

    public init(actorID: UUID?, action: String, objectType: String, objectID: String, hubSlug: String?,
                before: String?, after: String?, at date: Date = Date()) {
        self.id = UUID()
        self.occurredAt = date
        self.actorID = actorID
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.hubSlug = hubSlug
        self.before = before
        self.after = after
    }
}
