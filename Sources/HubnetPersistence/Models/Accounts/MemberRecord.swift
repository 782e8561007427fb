import FluentKit
import Foundation

public final class MemberRecord: Model, @unchecked Sendable {
    public static let schema = "members"

    @ID(key: .id) public var id: UUID?
    /// Lower case; unique in the database.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "language") public var language: String
    @OptionalField(key: "email_confirmed_at") public var emailConfirmedAt: Date?
    @OptionalField(key: "erased_at") public var erasedAt: Date?
    /// When the privacy notice was accepted at sign-up.
    @OptionalField(key: "privacy_accepted_at") public var privacyAcceptedAt: Date?
    /// The new address of a change not yet confirmed through its link.
    @OptionalField(key: "pending_email") public var pendingEmail: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID = UUID(), email: String, name: String, passwordHash: String, language: String) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.language = language
    }
}

/// A member's place in an organisation.
public final class MembershipRecord: Model, @unchecked Sendable {
    public static let schema = "memberships"

    public enum Level: String, Codable, Sendable, CaseIterable {
        case admin
        case member
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "level") public var level: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(memberID: UUID, organisationID: UUID, level: Level) {
        self.id = UUID()
        self.memberID = memberID
        self.organisationID = organisationID
        self.level = level.rawValue
    }
}

/// A network-level role: network admin, hub manager of a hub, jury member of a call.
public final class RoleAssignmentRecord: Model, @unchecked Sendable {
    public static let schema = "role_assignments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "role") public var role: String
    /// Hub slug or call id; empty for network admin.
    @Field(key: "scope") public var scope: String

    public init() {}

    public init(memberID: UUID, role: String, scope: String) {
        self.id = UUID()
        self.memberID = memberID
        self.role = role
        self.scope = scope
    }
}
