import FluentKit
import Foundation

/// A browser session, kept in the database so every instance behind a load balancer sees it.
public final class StoredSessionRecord: Model, @unchecked Sendable {
    public static let schema = "sessions"

    /// The random session id from the cookie.
    @ID(custom: "id", generatedBy: .user) public var id: String?
    /// The session's values as JSON.
    @Field(key: "data") public var data: String
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(id: String, data: String, expiresAt: Date) {
        self.id = id
        self.data = data
        self.expiresAt = expiresAt
    }
}
