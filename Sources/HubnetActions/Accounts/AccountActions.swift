import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Sign-up, confirmation, sign-in and password reset. Every write and the e-mail it causes
/// share one transaction (the outbox), and each is audited. None of them tells whether an
/// address has an account.
public struct AccountActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public static let confirmationLifetime: TimeInterval = 48 * 3600
    public static let resetLifetime: TimeInterval = 3600
    public static let throttleWindow: TimeInterval = 15 * 60
    public static let failuresPerAccount = 5
    public static let failuresPerAddress = 20
    /// A reset request takes at least this long, known address or not, so its timing tells nothing.
    static let resetAnswerTime: Duration = .milliseconds(300)

    // MARK: Sign-up and confirmation

    /// The same outcome whether or not the address is known: the owner of a known address
    /// gets a note instead of a second account.
    public func signUp(_ input: SignUp) async throws {
        let signUp = try input.validated()
        let hash = try await context.services.passwords.hash(signUp.password)
        let now = context.now
        try await context.write { database in
            if let existing = try await MemberStore(database).record(email: signUp.email) {
                guard existing.erasedAt == nil else { return }
                let reset = try await issueToken(for: existing, .resetPassword, now: now, on: database)
                let mail = AccountMails.alreadyRegistered(name: existing.name, link: link("password/reset?token=\(reset.token)", existing), language(existing))
                try await Outbox(database).enqueue(key: "already-registered-\(reset.id)", to: existing.email, subject: mail.subject, body: mail.body)
                return
            }
            let member = MemberRecord(email: signUp.email, name: signUp.name, passwordHash: hash, language: signUp.language.rawValue)
            member.privacyAcceptedAt = now
            try await member.create(on: database)
            let confirmation = try await issueToken(for: member, .confirmEmail, now: now, on: database)
            let mail = AccountMails.confirmEmail(name: member.name, link: link("confirm?token=\(confirmation.token)", member), signUp.language)
            try await Outbox(database).enqueue(key: "confirm-\(confirmation.id)", to: member.email, subject: mail.subject, body: mail.body)
            try await AuditLog(database).record(actor: member.id, action: "member.sign-up", objectType: "member",
                                                objectID: member.id!.lowercased, hub: nil, before: nil, after: nil)
        }
    }

    /// Confirms the address behind the token; false for an unknown, used or expired link.
    public func confirm(token: String) async throws -> Bool {
        let now = context.now
        return try await context.write { database in
            guard let memberID = try await CredentialStore(database).consumeMemberToken(hash: SecretToken.hash(token), purpose: .confirmEmail, now: now),
                  let member = try await MemberRecord.find(memberID, on: database)
            else { return false }
            if member.emailConfirmedAt == nil {
                member.emailConfirmedAt = now
                try await member.update(on: database)
                try await AuditLog(database).record(actor: memberID, action: "member.confirm-email", objectType: "member",
                                                    objectID: memberID.lowercased, hub: nil, before: nil, after: nil)
            }
            return true
        }
    }

    // MARK: Sign-in

    public enum SignInOutcome: Equatable, Sendable {
        case signedIn(UUID)
        /// Wrong address or password; the message never says which.
        case refused
        case unconfirmed
        case throttled(minutes: Int)
    }

    /// Checks a password. Each try is counted before its password is, so a burst of guesses
    /// gets no more checks than the limit allows.
    public func signIn(email rawEmail: String, password: String, from address: String) async throws -> SignInOutcome {
        let email = SignUp.normalise(email: rawEmail)
        let now = context.now
        let credentials = CredentialStore(context.database)
        guard let attempt = try await credentials.beginSignIn(
            email: email, address: address, since: now.addingTimeInterval(-Self.throttleWindow), now: now,
            perAccount: Self.failuresPerAccount, perAddress: Self.failuresPerAddress)
        else { return .throttled(minutes: Int(Self.throttleWindow / 60)) }
        let member = try await MemberStore(context.database).record(email: email)
        let matches: Bool
        if let member {
            matches = try await context.services.passwords.verify(password, created: member.passwordHash)
        } else {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            _ = try await context.services.passwords.hash(password)
            matches = false
        }
        guard let member, member.erasedAt == nil, matches else { return .refused }
        try await credentials.markSignInSucceeded(attempt)
        guard member.emailConfirmedAt != nil else { return .unconfirmed }
        return .signedIn(member.id!)
    }

    // MARK: Password reset

    /// Sends a reset link if the address belongs to an account; answers alike, and in the
    /// same time, either way.
    public func requestPasswordReset(email: String) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.resetAnswerTime)
        let now = context.now
        try await context.write { database in
            guard let member = try await MemberStore(database).record(email: email), member.erasedAt == nil else { return }
            let reset = try await issueToken(for: member, .resetPassword, now: now, on: database)
            let mail = AccountMails.resetPassword(name: member.name, link: link("password/reset?token=\(reset.token)", member), language(member))
            try await Outbox(database).enqueue(key: "reset-\(reset.id)", to: member.email, subject: mail.subject, body: mail.body)
        }
        try await Task.sleep(until: deadline, clock: clock)
    }

    /// Sets a new password through a reset link. Every session and API token of the member
    /// ends: whoever had the old password must not keep a way in.
    public func resetPassword(token: String, to password: String) async throws -> Bool {
        try SignUp.checkPassword(password)
        let hash = try await context.services.passwords.hash(password)
        let now = context.now
        return try await context.write { database in
            guard let memberID = try await CredentialStore(database).consumeMemberToken(hash: SecretToken.hash(token), purpose: .resetPassword, now: now),
                  let member = try await MemberRecord.find(memberID, on: database)
            else { return false }
            member.passwordHash = hash
            // The link came through the mailbox, so the address is proven too.
            if member.emailConfirmedAt == nil { member.emailConfirmedAt = now }
            try await member.update(on: database)
            try await SessionStore(database).deleteAll(of: memberID)
            try await CredentialStore(database).revokeAllAPITokens(of: memberID, now: now)
            try await AuditLog(database).record(actor: memberID, action: "member.reset-password", objectType: "member",
                                                objectID: memberID.lowercased, hub: nil, before: nil, after: nil)
            return true
        }
    }

    /// A signed-in member sets a new password after giving the current one. Every other
    /// session ends (a stolen one among them); the one in use stays.
    public func changePassword(current: String, to password: String, keepingSession session: String?) async throws {
        let memberID = try context.memberID()
        guard let member = try await MemberStore(context.database).record(memberID), member.erasedAt == nil else { throw DomainError.signInRequired }
        guard try await context.services.passwords.verify(current, created: member.passwordHash) else {
            throw ValidationFailure([FieldProblem(field: "current", message: .init(
                de: "Das bisherige Passwort stimmt nicht.", en: "The current password is not right."))])
        }
        try SignUp.checkPassword(password)
        let hash = try await context.services.passwords.hash(password)
        try await context.write { database in
            guard let member = try await MemberRecord.find(memberID, on: database) else { throw DomainError.signInRequired }
            member.passwordHash = hash
            try await member.update(on: database)
            try await SessionStore(database).deleteAll(of: memberID, keeping: session)
            try await context.audit("member.change-password", "member", memberID.lowercased, hub: nil, on: database)
        }
    }

    /// Starts moving the account to another address: the link goes to the new address, a
    /// note to the old one. Nothing changes until the link is followed. An address that has
    /// an account already gets a note instead, and the answer here is the same.
    public func requestEmailChange(to newAddress: String, password: String) async throws {
        let memberID = try context.memberID()
        guard let member = try await MemberStore(context.database).record(memberID), member.erasedAt == nil else { throw DomainError.signInRequired }
        let address = SignUp.normalise(email: newAddress)
        var check: [FieldProblem] = []
        if !SignUp.isPlausible(email: address) {
            check.append(FieldProblem(field: "new_email", message: .init(de: "Bitte eine gültige E-Mail-Adresse angeben.",
                                                                         en: "Please give a valid e-mail address.")))
        } else if address == member.email {
            check.append(FieldProblem(field: "new_email", message: .init(de: "Das ist bereits Ihre Adresse.", en: "That is your address already.")))
        }
        guard check.isEmpty else { throw ValidationFailure(check) }
        guard try await context.services.passwords.verify(password, created: member.passwordHash) else {
            throw ValidationFailure([FieldProblem(field: "email_password", message: .init(
                de: "Das Passwort stimmt nicht.", en: "The password is not right."))])
        }
        let now = context.now
        try await context.write { database in
            guard let member = try await MemberRecord.find(memberID, on: database) else { throw DomainError.signInRequired }
            let language = self.language(member)
            if let owner = try await MemberStore(database).record(email: address) {
                let mail = AccountMails.addressTaken(name: owner.name, language)
                try await Outbox(database).enqueue(key: "address-taken-\(memberID.lowercased)-\(now.timeIntervalSince1970)", to: owner.email,
                                                   subject: mail.subject, body: mail.body)
                return
            }
            member.pendingEmail = address
            try await member.update(on: database)
            let token = try await issueToken(for: member, .changeEmail, now: now, on: database)
            let confirm = AccountMails.confirmNewAddress(name: member.name, link: link("email/confirm?token=\(token.token)", member), language)
            try await Outbox(database).enqueue(key: "change-email-\(token.id)", to: address, subject: confirm.subject, body: confirm.body)
            let notice = AccountMails.addressChanging(name: member.name, to: address, language)
            try await Outbox(database).enqueue(key: "change-email-notice-\(token.id)", to: member.email, subject: notice.subject, body: notice.body)
            try await context.audit("member.request-email-change", "member", memberID.lowercased, hub: nil, on: database)
        }
    }

    /// Follows the link of an address change; false for an unknown, used or expired link, or
    /// when the address has found another owner since.
    public func confirmEmailChange(token: String) async throws -> Bool {
        let now = context.now
        return try await context.write { database in
            guard let memberID = try await CredentialStore(database).consumeMemberToken(hash: SecretToken.hash(token), purpose: .changeEmail, now: now),
                  let member = try await MemberRecord.find(memberID, on: database), let address = member.pendingEmail,
                  try await MemberStore(database).record(email: address) == nil
            else { return false }
            let before = member.email
            member.email = address
            member.pendingEmail = nil
            // The link came through the new mailbox, so the new address is proven.
            member.emailConfirmedAt = now
            try await member.update(on: database)
            try await AuditLog(database).record(actor: memberID, action: "member.change-email", objectType: "member", objectID: memberID.lowercased,
                                                hub: nil, before: AuditJSON.encode(["email": before]), after: AuditJSON.encode(["email": address]))
            return true
        }
    }

    // MARK: Helpers

    private func issueToken(for member: MemberRecord, _ purpose: MemberTokenRecord.Purpose, now: Date, on database: any Database)
        async throws -> (id: String, token: String)
    {
        let secret = SecretToken.generate()
        let lifetime = purpose == .resetPassword ? Self.resetLifetime : Self.confirmationLifetime
        try await CredentialStore(database).addMemberToken(memberID: member.id!, purpose: purpose, hash: secret.hash,
                                                           expiresAt: now.addingTimeInterval(lifetime))
        return (String(secret.hash.prefix(16)), secret.value)
    }

    private func language(_ member: MemberRecord) -> SiteLanguage {
        SiteLanguage(rawValue: member.language) ?? .de
    }

    private func link(_ path: String, _ member: MemberRecord) -> String {
        context.link(path, SiteLanguage(rawValue: member.language) ?? .de)
    }
}
