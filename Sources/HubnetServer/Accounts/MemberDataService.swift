import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// The member's own data: API tokens, the GDPR export and erasure.
struct MemberDataService {
    let database: any Database

    struct NewToken: Content {
        let id: UUID
        let name: String
        let scopes: [String]
        /// Shown this once; only its hash is stored.
        let token: String
    }

    static let scopeSets: [String: String] = ["read": "read", "write": "read write"]

    func createToken(for memberID: UUID, name: String, scope: String) async throws -> NewToken {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if !(1...80).contains(trimmed.count) {
            problems.append(FieldProblem(field: "name", message: .init(de: "Der Name muss 1 bis 80 Zeichen lang sein.", en: "The name must be 1 to 80 characters long.")))
        }
        guard let scopes = Self.scopeSets[scope] else {
            throw ValidationFailure(problems + [FieldProblem(field: "scope", message: .init(de: "Umfang „read“ oder „write“.", en: "Scope must be 'read' or 'write'."))])
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let secret = SecretToken.generate(prefix: "hubnet_")
        let record = APITokenRecord(memberID: memberID, name: trimmed, tokenHash: secret.hash, scopes: scopes)
        try await database.transaction { database in
            try await CredentialStore(database).addAPIToken(record)
            try await AuditLog(database).record(actor: memberID, action: "token.create", objectType: "api-token",
                                                objectID: record.id!.uuidString.lowercased(), hub: nil, before: nil,
                                                after: "{\"name\":\(Self.json(trimmed)),\"scopes\":\"\(scopes)\"}")
        }
        return NewToken(id: record.id!, name: trimmed, scopes: scopes.split(separator: " ").map(String.init), token: secret.value)
    }

    func revokeToken(_ id: UUID, of memberID: UUID) async throws -> Bool {
        try await database.transaction { database in
            guard try await CredentialStore(database).revokeAPIToken(id: id, memberID: memberID) else { return false }
            try await AuditLog(database).record(actor: memberID, action: "token.revoke", objectType: "api-token",
                                                objectID: id.uuidString.lowercased(), hub: nil, before: nil, after: nil)
            return true
        }
    }

    /// Everything stored about the member, for download (GDPR Art. 15 and 20).
    struct Export: Content {
        struct Account: Content {
            let id: UUID
            let email: String
            let name: String
            let language: String
            let emailConfirmedAt: Date?
            let createdAt: Date?
        }
        struct MembershipEntry: Content { let organisationID: UUID; let organisation: String?; let level: String }
        struct RoleEntry: Content { let role: String; let scope: String }
        struct TokenEntry: Content { let id: UUID; let name: String; let scopes: String; let createdAt: Date?; let lastUsedAt: Date?; let revokedAt: Date? }
        struct ClaimEntry: Content { let organisationID: UUID; let message: String; let status: String; let createdAt: Date? }
        struct AuditEntry: Content { let occurredAt: Date; let action: String; let objectType: String; let objectID: String }
        struct SignInEntry: Content { let attemptedAt: Date; let address: String; let succeeded: Bool }

        let exportedAt: Date
        let account: Account
        let memberships: [MembershipEntry]
        let roles: [RoleEntry]
        let apiTokens: [TokenEntry]
        let claims: [ClaimEntry]
        let actions: [AuditEntry]
        let signIns: [SignInEntry]
    }

    func export(_ memberID: UUID) async throws -> Export? {
        guard let member = try await MemberRecord.find(memberID, on: database) else { return nil }
        let memberships = try await MembershipRecord.query(on: database).filter(\.$memberID == memberID).all()
        let names = Dictionary(uniqueKeysWithValues: try await OrganisationStore(database).find(memberships.map(\.organisationID)).map { ($0.id, $0.name) })
        return Export(
            exportedAt: Date(),
            account: .init(id: memberID, email: member.email, name: member.name, language: member.language,
                           emailConfirmedAt: member.emailConfirmedAt, createdAt: member.createdAt),
            memberships: memberships.map { .init(organisationID: $0.organisationID, organisation: names[$0.organisationID], level: $0.level) },
            roles: try await RoleAssignmentRecord.query(on: database).filter(\.$memberID == memberID).all().map { .init(role: $0.role, scope: $0.scope) },
            apiTokens: try await CredentialStore(database).apiTokens(of: memberID).map {
                .init(id: $0.id!, name: $0.name, scopes: $0.scopes, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
            },
            claims: try await ClaimRecord.query(on: database).filter(\.$memberID == memberID).all().map {
                .init(organisationID: $0.organisationID, message: $0.message, status: $0.status, createdAt: $0.createdAt)
            },
            actions: try await AuditEntryRecord.query(on: database).filter(\.$actorID == memberID).sort(\.$occurredAt).all().map {
                .init(occurredAt: $0.occurredAt, action: $0.action, objectType: $0.objectType, objectID: $0.objectID)
            },
            signIns: try await SignInAttemptRecord.query(on: database).filter(\.$email == member.email).sort(\.$attemptedAt).all().map {
                .init(attemptedAt: $0.attemptedAt, address: $0.address, succeeded: $0.succeeded)
            })
    }

    /// Erases the member's personal data in one transaction. What they did for organisations
    /// stays: the audit log keeps their id, which now resolves to "Deleted member".
    func erase(_ memberID: UUID) async throws {
        try await database.transaction { database in
            guard let member = try await MemberRecord.find(memberID, on: database) else { return }
            let email = member.email
            member.email = "erased-\(memberID.uuidString.lowercased())@invalid"
            member.name = ""
            member.passwordHash = "!"
            member.erasedAt = Date()
            try await member.update(on: database)
            try await MembershipRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await RoleAssignmentRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await APITokenRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await MemberTokenRecord.query(on: database).filter(\.$memberID == memberID).delete()
            try await ClaimRecord.query(on: database).filter(\.$memberID == memberID).filter(\.$status == "pending").delete()
            try await SignInAttemptRecord.query(on: database).filter(\.$email == email).delete()
            try await StoredSessionRecord.query(on: database).filter(\.$data ~~ memberID.uuidString).delete()
            // Unsent mail to the address goes too: it would carry personal data.
            try await OutboxMessageRecord.query(on: database).filter(\.$recipient == email).filter(\.$sentAt == nil).delete()
            try await AuditLog(database).record(actor: memberID, action: "member.erase", objectType: "member",
                                                objectID: memberID.uuidString.lowercased(), hub: nil, before: nil, after: nil)
        }
    }

    static func json(_ string: String) -> String {
        String(decoding: (try? JSONEncoder().encode(string)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
