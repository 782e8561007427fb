import FluentKit
import Foundation
import HubnetPersistence
import Vapor

/// Keeps browser sessions in the database, so that instances behind one load balancer share them.
struct DatabaseSessionDriver: AsyncSessionDriver {
    static let lifetime: TimeInterval = 14 * 24 * 3600

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: Self.randomID())
        try await StoredSessionRecord(id: id.string, data: try Self.encode(data), expiresAt: Date().addingTimeInterval(Self.lifetime))
            .create(on: request.db)
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let record = try await StoredSessionRecord.find(sessionID.string, on: request.db),
              record.expiresAt > Date()
        else { return nil }
        return try JSONDecoder().decode(SessionData.self, from: Data(record.data.utf8))
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        try await StoredSessionRecord.query(on: request.db).filter(\.$id == sessionID.string)
            .set(\.$data, to: try Self.encode(data))
            .set(\.$expiresAt, to: Date().addingTimeInterval(Self.lifetime))
            .update()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await StoredSessionRecord.query(on: request.db).filter(\.$id == sessionID.string).delete()
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }

    /// 256 random bits, URL-safe.
    static func randomID() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
