import FluentKit
import Foundation

/// A member's request to act for an existing directory profile; the hub manager decides.
public final class ClaimRecord: Model, @unchecked Sendable {
    public static let schema = "organisation_claims"

    public enum Status: String, Codable, Sendable {
        case pending
        case approved
        case rejected
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "message") public var message: String
    @Field(key: "status") public var status: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "decided_by") public var decidedBy: UUID?

    public init() {}

    public init(memberID: UUID, organisationID: UUID, message: String) {
        self.id = UUID()
        self.memberID = memberID
        self.organisationID = organisationID
        self.message = message
        self.status = Status.pending.rawValue
    }
}
