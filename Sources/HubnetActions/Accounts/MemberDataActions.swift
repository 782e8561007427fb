import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// The member's own data: the account overview, API tokens, the GDPR export and erasure.
public struct MemberDataActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public static let scopeSets: [String: String] = ["read": "read", "write": "read write"]
    public static let tokenLifetimeDays = 1...365

    public func overview() async throws -> AccountOverview {
        let memberID = try context.memberID()
        guard let member = try await MemberStore(context.database).record(memberID) else { throw DomainError.signInRequired }
        let memberships = try await MemberStore(context.database).memberships(of: memberID)
        let organisations = try await OrganisationStore(context.database).find(memberships.map(\.organisationID))
        return AccountOverview(
            id: memberID, name: member.name, email: member.email, language: SiteLanguage(rawValue: member.language) ?? .de, roles: context.actor.roles,
            organisations: organisations.map { organisation in
                (organisation, memberships.contains { $0.organisationID == organisation.id && $0.level == "admin" })
            },
            tokens: try await tokens(), pendingEmail: member.pendingEmail)
    }

    public func tokens() async throws -> [APIToken] {
        let memberID = try context.memberID()
        return try await CredentialStore(context.database).apiTokens(of: memberID).map(APIToken.init)
    }

    /// A new personal token; `expiresInDays` nil means it lives until revoked.
    public func createToken(name: String, scope: String, expiresInDays: Int? = nil) async throws -> NewAPIToken {
        let memberID = try context.memberID()
        try context.authorize(.manageOwnAccount)
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if !(1...80).contains(trimmed.count) || !TextRules.isClean(trimmed) {
            problems.append(FieldProblem(field: "name", message: .init(
                de: "Der Name muss 1 bis 80 sichtbare Zeichen lang sein.", en: "The name must be 1 to 80 visible characters long.")))
        }
        let scopes = Self.scopeSets[scope]
        if scopes == nil {
            problems.append(FieldProblem(field: "scope", message: .init(de: "Umfang „read“ oder „write“.", en: "Scope must be 'read' or 'write'.")))
        }
        if let expiresInDays, !Self.tokenLifetimeDays.contains(expiresInDays) {
            problems.append(FieldProblem(field: "expiresInDays", message: .init(
                de: "Die Gültigkeit muss 1 bis 365 Tage betragen.", en: "The lifetime must be 1 to 365 days.")))
        }
        guard problems.isEmpty, let scopes else { throw ValidationFailure(problems) }
        let secret = SecretToken.generate(prefix: "hubnet_")
        let expiresAt = expiresInDays.map { context.now.addingTimeInterval(Double($0) * 86_400) }
        let record = APITokenRecord(memberID: memberID, name: trimmed, tokenHash: secret.hash, scopes: scopes, expiresAt: expiresAt)
        try await context.write { database in
            try await CredentialStore(database).addAPIToken(record)
            try await context.audit("token.create", "api-token", record.id!.lowercased, hub: nil,
                                    after: AuditJSON.encode(["name": trimmed, "scopes": scopes]), on: database)
        }
        return NewAPIToken(token: APIToken(record), secret: secret.value)
    }

    /// Revokes one of the member's own tokens; not found for anyone else's.
    public func revokeToken(_ id: UUID) async throws {
        let memberID = try context.memberID()
        try context.authorize(.manageOwnAccount)
        let now = context.now
        try await context.write { database in
            guard try await CredentialStore(database).revokeAPIToken(id: id, memberID: memberID, now: now) else {
                throw DomainError.notFound(.init(de: "Ein Token", en: "token"), id: id.lowercased)
            }
            try await context.audit("token.revoke", "api-token", id.lowercased, hub: nil, on: database)
        }
    }

    /// Everything stored about the member.
    public func export() async throws -> MemberExport {
        let memberID = try context.memberID()
        let database = context.database
        guard let member = try await MemberRecord.find(memberID, on: database) else { throw DomainError.signInRequired }
        let memberships = try await MembershipRecord.query(on: database).filter(\.$memberID == memberID).all()
        let names = Dictionary(uniqueKeysWithValues: try await OrganisationStore(database).find(memberships.map(\.organisationID)).map { ($0.id, $0.name) })
        return MemberExport(
            exportedAt: context.now,
            account: .init(id: memberID.lowercased, email: member.email, name: member.name, language: member.language,
                           emailConfirmedAt: member.emailConfirmedAt, privacyNoticeAcceptedAt: member.privacyAcceptedAt,
                           createdAt: member.createdAt),
            memberships: memberships.map { .init(organisationID: $0.organisationID.lowercased, organisation: names[$0.organisationID], level: $0.level) },
            roles: context.actor.roles.map(RoleName.init).sorted { ($0.role, $0.scope ?? "") < ($1.role, $1.scope ?? "") },
            apiTokens: try await CredentialStore(database).apiTokens(of: memberID).map {
                .init(id: $0.id!.lowercased, name: $0.name, scopes: $0.scopes, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt,
                      revokedAt: $0.revokedAt, expiresAt: $0.expiresAt)
            },
            claims: try await ClaimRecord.query(on: database).filter(\.$memberID == memberID).all().map {
                .init(organisationID: $0.organisationID.lowercased, message: $0.message, status: $0.status, createdAt: $0.createdAt)
            },
            actions: try await AuditEntryRecord.query(on: database).filter(\.$actorID == memberID).sort(\.$occurredAt).all().map {
                .init(occurredAt: $0.occurredAt, action: $0.action, objectType: $0.objectType, objectID: $0.objectID)
            },
            signIns: try await SignInAttemptRecord.query(on: database).filter(\.$email == member.email).sort(\.$attemptedAt).all().map {
                .init(attemptedAt: $0.attemptedAt, address: $0.address, succeeded: $0.succeeded)
            })
    }

    /// Erases the member's personal data in one transaction: the account's name and address,
    /// memberships, roles, tokens, sessions, sign-in records and every mail to the address,
    /// sent or not. What they did for organisations stays: the audit log keeps their id,
    /// which now resolves to "Deleted member".
    public func erase() async throws {
        let memberID = try context.memberID()
        try context.authorize(.manageOwnAccount)
        let now = context.now
        try await context.write { database in
            guard let member = try await MemberRecord.find(memberID, on: database) else { return }
            let email = member.email
            member.email = "erased-\(memberID.lowercased)@invalid"
            member.name = ""
            member.passwordHash = "!"
            member.erasedAt = now
            try await member.update(on: database)
            try await MembershipRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await RoleAssignmentRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await APITokenRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await MemberTokenRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await ClaimRecord.query(on: database).filter(\.$memberID == memberID).filter(\.$status == "pending").delete()
            try await SignInAttemptRecord.query(on: database).filter(\.$email == email).delete()
            try await SessionStore(database).deleteAll(of: memberID)
            try await Outbox(database).deleteMessages(to: email)
            try await context.audit("member.erase", "member", memberID.lowercased, hub: nil, on: database)
        }
    }
}

extension APIToken {
    init(_ record: APITokenRecord) {
        self.init(id: record.id!, name: record.name, scopes: record.scopes.split(separator: " ").map(String.init),
                  createdAt: record.createdAt, lastUsedAt: record.lastUsedAt, revokedAt: record.revokedAt, expiresAt: record.expiresAt)
    }
}
