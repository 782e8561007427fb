import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// Sign-up, confirmation, sign-in, password reset and the member's own data. Every write
/// and the e-mail it causes share one transaction (the outbox), and each is audited.
struct AccountService {
    let request: Request

    private var database: any Database { request.db }
    private var settings: AppSettings { request.application.hubnetSettings }

    static let confirmationLifetime: TimeInterval = 48 * 3600
    static let resetLifetime: TimeInterval = 3600
    static let throttleWindow: TimeInterval = 15 * 60
    static let failuresPerAccount = 5
    static let failuresPerAddress = 20

    // MARK: Sign-up and confirmation

    /// The same outcome whether or not the address is known: the owner of a known address
    /// gets a note instead of a second account, so sign-up reveals nobody.
    func signUp(_ input: SignUp) async throws {
        let signUp = try input.validated()
        let hash = try await request.password.async.hash(signUp.password)
        try await database.transaction { database in
            if let existing = try await MemberStore(database).record(email: signUp.email) {
                let reset = try await issueToken(for: existing, .resetPassword, on: database)
                let mail = AccountMails.alreadyRegistered(name: existing.name, link: link("password/reset?token=\(reset.token)", existing), language(existing))
                try await Outbox(database).enqueue(key: "already-registered-\(reset.id)", to: existing.email, subject: mail.subject, body: mail.body)
                return
            }
            let member = MemberRecord(email: signUp.email, name: signUp.name, passwordHash: hash, language: signUp.language.rawValue)
            try await member.create(on: database)
            let confirmation = try await issueToken(for: member, .confirmEmail, on: database)
            let mail = AccountMails.confirmEmail(name: member.name, link: link("confirm?token=\(confirmation.token)", member), signUp.language)
            try await Outbox(database).enqueue(key: "confirm-\(confirmation.id)", to: member.email, subject: mail.subject, body: mail.body)
            try await AuditLog(database).record(actor: member.id, action: "member.sign-up", objectType: "member",
                                                objectID: member.id!.uuidString.lowercased(), hub: nil, before: nil, after: nil)
        }
    }

    /// Confirms the address behind the token; false for an unknown, used or expired link.
    func confirm(token: String) async throws -> Bool {
        try await database.transaction { database in
            guard let memberID = try await CredentialStore(database).consumeMemberToken(hash: SecretToken.hash(token), purpose: .confirmEmail),
                  let member = try await MemberRecord.find(memberID, on: database)
            else { return false }
            if member.emailConfirmedAt == nil {
                member.emailConfirmedAt = Date()
                try await member.update(on: database)
                try await AuditLog(database).record(actor: memberID, action: "member.confirm-email", objectType: "member",
                                                    objectID: memberID.uuidString.lowercased(), hub: nil, before: nil, after: nil)
            }
            return true
        }
    }

    // MARK: Sign-in

    enum SignInOutcome: Equatable {
        case signedIn(UUID)
        /// Wrong address or password; the message never says which.
        case refused
        case unconfirmed
        case throttled(minutes: Int)
    }

    func signIn(email rawEmail: String, password: String) async throws -> SignInOutcome {
        let email = SignUp.normalise(email: rawEmail)
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let credentials = CredentialStore(database)
        let failures = try await credentials.recentFailures(email: email, address: address, since: Date().addingTimeInterval(-Self.throttleWindow))
        if failures.email >= Self.failuresPerAccount || failures.address >= Self.failuresPerAddress {
            return .throttled(minutes: Int(Self.throttleWindow / 60))
        }
        let member = try await MemberStore(database).record(email: email)
        let matches: Bool
        if let member {
            matches = try await request.password.async.verify(password, created: member.passwordHash)
        } else {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            _ = try await request.password.async.hash(password)
            matches = false
        }
        guard let member, member.erasedAt == nil, matches else {
            try await credentials.recordSignIn(email: email, address: address, succeeded: false)
            return .refused
        }
        try await credentials.recordSignIn(email: email, address: address, succeeded: true)
        guard member.emailConfirmedAt != nil else { return .unconfirmed }
        return .signedIn(member.id!)
    }

    // MARK: Password reset

    /// Sends a reset link if the address belongs to an account; answers the same either way.
    func requestPasswordReset(email: String) async throws {
        try await database.transaction { database in
            guard let member = try await MemberStore(database).record(email: email), member.erasedAt == nil else { return }
            let reset = try await issueToken(for: member, .resetPassword, on: database)
            let mail = AccountMails.resetPassword(name: member.name, link: link("password/reset?token=\(reset.token)", member), language(member))
            try await Outbox(database).enqueue(key: "reset-\(reset.id)", to: member.email, subject: mail.subject, body: mail.body)
        }
    }

    func resetPassword(token: String, to password: String) async throws -> Bool {
        try SignUp.checkPassword(password)
        let hash = try await request.password.async.hash(password)
        return try await database.transaction { database in
            guard let memberID = try await CredentialStore(database).consumeMemberToken(hash: SecretToken.hash(token), purpose: .resetPassword),
                  let member = try await MemberRecord.find(memberID, on: database)
            else { return false }
            member.passwordHash = hash
            // The link came through the mailbox, so the address is proven too.
            if member.emailConfirmedAt == nil { member.emailConfirmedAt = Date() }
            try await member.update(on: database)
            // A new password ends every other session.
            try await StoredSessionRecord.query(on: database).filter(\.$data ~~ memberID.uuidString).delete()
            try await AuditLog(database).record(actor: memberID, action: "member.reset-password", objectType: "member",
                                                objectID: memberID.uuidString.lowercased(), hub: nil, before: nil, after: nil)
            return true
        }
    }

    // MARK: Helpers

    private func issueToken(for member: MemberRecord, _ purpose: MemberTokenRecord.Purpose, on database: any Database)
        async throws -> (id: String, token: String)
    {
        let secret = SecretToken.generate()
        let lifetime = purpose == .confirmEmail ? Self.confirmationLifetime : Self.resetLifetime
        try await CredentialStore(database).addMemberToken(memberID: member.id!, purpose: purpose, hash: secret.hash,
                                                           expiresAt: Date().addingTimeInterval(lifetime))
        return (String(secret.hash.prefix(16)), secret.value)
    }

    private func language(_ member: MemberRecord) -> HubnetCore.Language {
        HubnetCore.Language(rawValue: member.language) ?? .de
    }

    private func link(_ path: String, _ member: MemberRecord) -> String {
        "\(settings.publicURL)/\(member.language)/\(path)"
    }
}
