import Foundation
import HubnetServer
import Vapor
import VaporTesting

public enum TestApp {
    public static let adminToken = "test-admin-token-0123456789"

    /// Runs `body` with a configured Hubnet on a fresh database, prepared as `hubnet serve`
    /// does it, with a demo network of `organisations`.
    public static func with<T>(
        _ kind: TestDatabase.Kind, organisations: Int = 0, adminToken: String? = TestApp.adminToken,
        _ body: (Application) async throws -> T
    ) async throws -> T {
        let database = try await TestDatabase.make(kind)
        do {
            let result = try await withApp(configure: { app in
                var settings = AppSettings(database: database.setting, adminToken: adminToken, demoOrganisations: organisations, bcryptCost: 4)
                settings.filesDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hubnet-test-files").path
                try await configure(app, settings: settings)
                try await prepareForServing(app)
            }, body)
            try await database.remove()
            return result
        } catch {
            try? await database.remove()
            throw error
        }
    }
}


