import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// An API write sent with an `Idempotency-Key`: the key and a digest of the request.
public struct IdempotencyKey: Sendable, Hashable {
    public let key: String
    public let fingerprint: String

    public init(key: String, fingerprint: String) {
        self.key = key
        self.fingerprint = fingerprint
    }
}

/// A write that had been done already with this key and this request: what it produced.
public struct IdempotentReplay: Error, Sendable {
    public let result: String
}

extension ActionContext {
    /// Inside a write's transaction, before it writes: throws `IdempotentReplay` when this key
    /// already did this request, a validation failure when it did another.
    func refuseRepeat(on database: any Database) async throws {
        guard let idempotency, let member = actor.memberID,
              let earlier = try await IdempotencyRecord.query(on: database)
                .filter(\.$memberID == member).filter(\.$key == idempotency.key).first()
        else { return }
        guard earlier.fingerprint == idempotency.fingerprint else {
            throw ValidationFailure([FieldProblem(field: "Idempotency-Key", message: .init(
                de: "Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.",
                en: "This Idempotency-Key was used for another request already."))])
        }
        throw IdempotentReplay(result: earlier.result)
    }

    /// Inside the same transaction, after the write: what it produced, for retries.
    func remember(_ result: String, on database: any Database) async throws {
        guard let idempotency, let member = actor.memberID else { return }
        let record = IdempotencyRecord()
        record.memberID = member
        record.key = idempotency.key
        record.fingerprint = idempotency.fingerprint
        record.result = result
        record.createdAt = now
        try await record.create(on: database)
    }

    /// After a write failed on a constraint: if a twin request with the same key landed
    /// meanwhile, this one is its replay.
    func replayAfterRace() async throws {
        guard idempotency != nil else { return }
        try await refuseRepeat(on: database)
    }
}
