import Foundation
import HubnetCore

/// A personal API token as its owner sees it; the secret itself is shown once, at creation.
public struct APIToken: Hashable, Sendable, Codable {
    public let id: UUID
    public let name: String
    public let scopes: [String]
    public let createdAt: Date?
    public let lastUsedAt: Date?
    public let revokedAt: Date?
    public let expiresAt: Date?
}

/// A token just made, with its secret.
public struct NewAPIToken: Sendable {
    public let token: APIToken
    public let secret: String
}

/// Everything stored about a member, for download (GDPR Art. 15 and 20). Dates encode as the
/// API's do (ISO 8601) and ids in lowercase.
public struct MemberExport: Sendable, Encodable {
    public struct Account: Sendable, Encodable {
        let id: String
        let email: String
        let name: String
        let language: String
        let emailConfirmedAt: Date?
        let privacyNoticeAcceptedAt: Date?
        let createdAt: Date?
    }
    public struct Membership: Sendable, Encodable { let organisationID: String; let organisation: String?; let level: String }
    public struct Token: Sendable, Encodable { let id: String; let name: String; let scopes: String; let createdAt: Date?; let lastUsedAt: Date?; let revokedAt: Date?; let expiresAt: Date? }
    public struct ClaimEntry: Sendable, Encodable { let organisationID: String; let message: String; let status: String; let createdAt: Date? }
    public struct Action: Sendable, Encodable { let occurredAt: Date; let action: String; let objectType: String; let objectID: String }
    public struct SignIn: Sendable, Encodable { let attemptedAt: Date; let address: String; let succeeded: Bool }

    let exportedAt: Date
    let account: Account
    let memberships: [Membership]
    let roles: [RoleName]
    let apiTokens: [Token]
    let claims: [ClaimEntry]
    let actions: [Action]
    let signIns: [SignIn]
}

/// What the account page shows.
public struct AccountOverview: Sendable {
    public let id: UUID
    public let name: String
    public let email: String
    public let language: SiteLanguage
    public let roles: Set<Role>
    /// The organisations the member acts for, and whether they administer each.
    public let organisations: [(organisation: Organisation, administers: Bool)]
    public let tokens: [APIToken]
    /// The address an unfinished change moves to.
    public let pendingEmail: String?
}
