import Foundation
import HubnetActions
import HubnetPersistence
import Vapor

/// Keeps browser sessions in the database, so that instances behind one load balancer share them.
struct DatabaseSessionDriver: AsyncSessionDriver {
    static let lifetime: TimeInterval = 14 * 24 * 3600

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: SecretToken.randomID())
        try await request.sessionStore.create(id: id.string, data: try Self.encode(data), expiresAt: Date().addingTimeInterval(Self.lifetime))
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let data = try await request.sessionStore.data(sessionID.string, now: Date()) else { return nil }
        return try JSONDecoder().decode(SessionData.self, from: Data(data.utf8))
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        try await request.sessionStore.update(sessionID.string, data: try Self.encode(data), expiresAt: Date().addingTimeInterval(Self.lifetime))
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await request.sessionStore.delete(sessionID.string)
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }
}
