import FluentKit
import Foundation

/// A one-time link sent by e-mail (confirm the address, reset the password). Only the
/// SHA-256 of the token is stored, so a database leak opens no accounts.
public final class MemberTokenRecord: Model, @unchecked Sendable {
    public static let schema = "member_tokens"

    public enum Purpose: String, Sendable {
        case confirmEmail = "confirm-email"
        case resetPassword = "reset-password"
        case changeEmail = "change-email"
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "purpose") public var purpose: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(memberID: UUID, purpose: Purpose, tokenHash: String, expiresAt: Date) {
        self.id = UUID()
        self.memberID = memberID
        self.purpose = purpose.rawValue
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}

/// A personal API token: stored hashed, shown once, revocable.
public final class APITokenRecord: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    /// "read" or "read write".
    @Field(key: "scopes") public var scopes: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "expires_at") public var expiresAt: Date?

    public init() {}

    public init(memberID: UUID, name: String, tokenHash: String, scopes: String, expiresAt: Date? = nil) {
        self.id = UUID()
        self.memberID = memberID
        self.name = name
        self.tokenHash = tokenHash
        self.scopes = scopes
        self.expiresAt = expiresAt
    }

    /// Usable now: neither revoked nor expired.
    public func isLive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}

/// One sign-in try, for rate limiting per account and per address across instances.
public final class SignInAttemptRecord: Model, @unchecked Sendable {
    public static let schema = "sign_in_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "address") public var address: String
    @Field(key: "succeeded") public var succeeded: Bool
    @Field(key: "attempted_at") public var attemptedAt: Date

    public init() {}

    public init(email: String, address: String, succeeded: Bool, at date: Date) {
        self.id = UUID()
        self.email = email
        self.address = address
        self.succeeded = succeeded
        self.attemptedAt = date
    }
}
