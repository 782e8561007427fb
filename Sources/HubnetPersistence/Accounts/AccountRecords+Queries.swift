import FluentKit
import FluentSQL
import Foundation
import HubnetCore
import SQLKit

/// One-time e-mail tokens, API tokens and sign-in attempts.
public struct CredentialStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func addMemberToken(memberID: UUID, purpose: MemberTokenRecord.Purpose, hash: String, expiresAt: Date) async throws {
        try await MemberTokenRecord(memberID: memberID, purpose: purpose, tokenHash: hash, expiresAt: expiresAt).create(on: database)
    }

    /// Marks the token used and returns its member, if it is valid, unused and unexpired.
    public func consumeMemberToken(hash: String, purpose: MemberTokenRecord.Purpose, now: Date = Date()) async throws -> UUID? {
        guard let token = try await MemberTokenRecord.query(on: database)
            .filter(\.$tokenHash == hash).filter(\.$purpose == purpose.rawValue).first(),
            token.usedAt == nil, token.expiresAt > now
        else { return nil }
        token.usedAt = now
        try await token.update(on: database)
        return token.memberID
    }

    public func addAPIToken(_ record: APITokenRecord) async throws {
        try await record.create(on: database)
    }

    public func apiTokens(of memberID: UUID) async throws -> [APITokenRecord] {
        try await APITokenRecord.query(on: database).filter(\.$memberID == memberID).sort(\.$createdAt, .descending).all()
    }

    /// The live token with this hash; records its use.
    public func useAPIToken(hash: String, now: Date = Date()) async throws -> APITokenRecord? {
        guard let token = try await APITokenRecord.query(on: database).filter(\.$tokenHash == hash).first(),
              token.isLive(at: now)
        else { return nil }
        // Written at most once a minute: a busy script should not turn every read into a write.
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await database.serialisedWrite { try await token.update(on: $0) }
        }
        return token
    }

    public func revokeAPIToken(id: UUID, memberID: UUID, now: Date = Date()) async throws -> Bool {
        guard let token = try await APITokenRecord.query(on: database)
            .filter(\.$id == id).filter(\.$memberID == memberID).first()
        else { return false }
        if token.revokedAt == nil {
            token.revokedAt = now
            try await token.update(on: database)
        }
        return true
    }

    public func recordSignIn(email: String, address: String, succeeded: Bool, at date: Date = Date()) async throws {
        try await SignInAttemptRecord(email: email, address: address, succeeded: succeeded, at: date).create(on: database)
    }

    public func recentFailures(email: String, address: String, since: Date) async throws -> (email: Int, address: Int) {
        let forEmail = try await SignInAttemptRecord.query(on: database)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$attemptedAt > since).count()
        let forAddress = try await SignInAttemptRecord.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$attemptedAt > since).count()
        return (forEmail, forAddress)
    }

    /// Revokes every live token of the member (after a password reset).
    public func revokeAllAPITokens(of memberID: UUID, now: Date) async throws {
        try await APITokenRecord.query(on: database).filter(\.$memberID == memberID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// Counts a sign-in try before its password is checked, so that parallel guesses cannot
    /// all pass the limit: the k-th try of a burst sees at least k failures. The try is
    /// recorded as failed; `markSignInSucceeded` corrects that once the password fits.
    /// Returns the try's id, or nil when a limit is reached.
    public func beginSignIn(email: String, address: String, since: Date, now: Date,
                            perAccount: Int, perAddress: Int) async throws -> UUID? {
        let attempt = SignInAttemptRecord(email: email, address: address, succeeded: false, at: now)
        try await database.serialisedWrite { try await attempt.create(on: $0) }
        let forEmail = try await SignInAttemptRecord.query(on: database)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$attemptedAt > since).count()
        let forAddress = try await SignInAttemptRecord.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$attemptedAt > since).count()
        return forEmail > perAccount || forAddress > perAddress ? nil : attempt.id
    }

    public func markSignInSucceeded(_ attemptID: UUID) async throws {
        try await database.serialisedWrite { database in
            try await SignInAttemptRecord.query(on: database).filter(\.$id == attemptID).set(\.$succeeded, to: true).update()
        }
    }
}

/// The audit log.
public struct AuditLog: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func record(actor: UUID?, action: String, objectType: String, objectID: String, hub: String?,
                       before: String?, after: String?) async throws {
        try await AuditEntryRecord(actorID: actor, action: action, objectType: objectType, objectID: objectID,
                                   hubSlug: hub, before: before, after: after).create(on: database)
    }

    /// Newest first, narrowed by the filter, from `offset` on; `hubs` nil means every hub's.
    public func entries(_ filter: AuditFilter, hubs: Set<String>?, offset: Int = 0, limit: Int) async throws -> [AuditEntryRecord] {
        var query = AuditEntryRecord.query(on: database).sort(\.$occurredAt, .descending).sort(\.$id, .descending)
        if let hubs { query = query.filter(\.$hubSlug ~~ Array(hubs)) }
        if let hub = filter.hub { query = query.filter(\.$hubSlug == hub) }
        if let actor = filter.actor { query = query.filter(\.$actorID == actor) }
        if let action = filter.action {
            // An area is every action that starts with it and a dot: "/" sorts right after ".".
            query = action.contains(".") ? query.filter(\.$action == action)
                : query.filter(\.$action >= action + ".").filter(\.$action < action + "/")
        }
        if let from = filter.from { query = query.filter(\.$occurredAt >= from) }
        if let until = filter.until { query = query.filter(\.$occurredAt < until) }
        return try await query.offset(offset).limit(limit).all()
    }
}

/// The e-mail outbox.
public struct Outbox: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Enqueues a message in the caller's transaction; a second message with the same key is
    /// refused by the database, so retried requests do not send twice.
    public func enqueue(key: String, to recipient: String, subject: String, body: String) async throws {
        try await OutboxMessageRecord(key: key, recipient: recipient, subject: subject, body: body).create(on: database)
    }

    /// Leases up to `limit` due messages for `lease` seconds, so that two workers (two
    /// instances) never send the same message at the same time.
    public func leaseDue(limit: Int, lease: TimeInterval, now: Date = Date()) async throws -> [OutboxMessageRecord] {
        let due = try await OutboxMessageRecord.query(on: database)
            .filter(\.$sentAt == nil).filter(\.$nextAttemptAt <= now).sort(\.$nextAttemptAt).limit(limit).all()
        var leased: [OutboxMessageRecord] = []
        for message in due {
            // A conditional update: the first worker moves the message into the future, so for
            // any other worker it is no longer due and its update touches no row.
            let until = now.addingTimeInterval(lease)
            let id = message.id!
            let updated = try await database.serialisedWrite { database in
                try await (database as! any SQLDatabase).raw("""
                    UPDATE outbox_messages SET next_attempt_at = \(bind: until)
                    WHERE id = \(bind: id) AND sent_at IS NULL AND next_attempt_at <= \(bind: now)
                    RETURNING id
                    """).all()
            }
            if !updated.isEmpty { leased.append(message) }
        }
        return leased
    }

    public func markSent(_ id: UUID, at date: Date = Date()) async throws {
        try await database.serialisedWrite { database in
            try await OutboxMessageRecord.query(on: database).filter(\.$id == id).set(\.$sentAt, to: date).update()
        }
    }

    /// Records the failure and schedules the next try with exponential back-off.
    public func markFailed(_ message: OutboxMessageRecord, error: String, now: Date = Date()) async throws {
        let attempts = message.attempts + 1
        let delay = min(3_600, pow(2, Double(attempts)) * 5)
        let id = message.id!
        try await database.serialisedWrite { database in
            try await OutboxMessageRecord.query(on: database).filter(\.$id == id)
                .set(\.$attempts, to: attempts).set(\.$lastError, to: String(error.prefix(500)))
                .set(\.$nextAttemptAt, to: now.addingTimeInterval(delay)).update()
        }
    }

    /// Every message to an address, sent or not: erasure takes them all.
    public func deleteMessages(to recipient: String) async throws {
        try await OutboxMessageRecord.query(on: database).filter(\.$recipient == recipient).delete()
    }

    public func messages(limit: Int = 100) async throws -> [OutboxMessageRecord] {
        try await OutboxMessageRecord.query(on: database).sort(\.$createdAt, .descending).limit(limit).all()
    }
}
