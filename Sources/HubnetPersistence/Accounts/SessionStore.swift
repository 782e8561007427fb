import FluentKit
import Foundation

/// Browser sessions: their values as JSON, with an expiry. Ending a member's sessions
/// (erasure, a new password) finds them by the member id inside the values.
public struct SessionStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func create(id: String, data: String, expiresAt: Date) async throws {
        let record = StoredSessionRecord(id: id, data: data, expiresAt: expiresAt)
        try await database.serialisedWrite { try await record.create(on: $0) }
    }

    /// The live session's values.
    public func data(_ id: String, now: Date) async throws -> String? {
        guard let record = try await StoredSessionRecord.find(id, on: database), record.expiresAt > now else { return nil }
        return record.data
    }

    public func update(_ id: String, data: String, expiresAt: Date) async throws {
        try await database.serialisedWrite { database in
            try await StoredSessionRecord.query(on: database).filter(\.$id == id)
                .set(\.$data, to: data).set(\.$expiresAt, to: expiresAt).update()
        }
    }

    public func delete(_ id: String) async throws {
        try await database.serialisedWrite { database in
            try await StoredSessionRecord.query(on: database).filter(\.$id == id).delete()
        }
    }

    /// Signs the member out everywhere, but for the session `keeping` (the one in use).
    public func deleteAll(of memberID: UUID, keeping: String? = nil) async throws {
        var query = StoredSessionRecord.query(on: database).filter(\.$data ~~ memberID.uuidString)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.delete()
    }
}
