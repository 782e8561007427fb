import FluentKit
import FluentPostgresDriver
import Foundation
import HubnetPersistence
import Logging
import NIOCore
import NIOPosix
import Testing

/// A database made for one test and removed after it: an SQLite file, or a PostgreSQL
/// database of its own on the server `HUBNET_TEST_POSTGRES_URL` names.
public struct TestDatabase: Sendable {
    public enum Kind: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case sqlite
        case postgres

        public var testDescription: String { rawValue }
    }

    /// The databases each database test runs on. The README's test command sets the
    /// PostgreSQL URL; without it the PostgreSQL cases are left out.
    public static var kinds: [Kind] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["HUBNET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public let setting: DatabaseSetting
    private let cleanup: @Sendable () async throws -> Void

    public static func make(_ kind: Kind) async throws -> TestDatabase {
        let name = "hubnet_test_\(UUID().uuidString.prefix(8).lowercased())"
        switch kind {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return TestDatabase(setting: .sqliteFile(path: path)) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        case .postgres:
            guard let adminURL = postgresAdminURL, var components = URLComponents(string: adminURL) else {
                throw TestDatabaseError("HUBNET_TEST_POSTGRES_URL is not set")
            }
            try await PostgresAdmin(url: components).run("CREATE DATABASE \"\(name)\"")
            components.path = "/" + name
            return TestDatabase(setting: .postgres(url: components.string!)) {
                try await PostgresAdmin(url: URLComponents(string: adminURL)!).run("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            }
        }
    }

    public func remove() async throws {
        try await cleanup()
    }

    /// A migrated database with hubs and topics, without Vapor, for persistence tests.
    public static func withDatabase<T>(_ kind: Kind, _ body: (any Database) async throws -> T) async throws -> T {
        let testDatabase = try await make(kind)
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try testDatabase.setting.configuration(), as: testDatabase.setting.databaseID)
        let database = databases.database(
            testDatabase.setting.databaseID, logger: Logger(label: "test"), on: MultiThreadedEventLoopGroup.singleton.any())!
        do {
            for migration in HubnetMigrations.all { try await migration.prepare(on: database).get() }
            try await ReferenceData.sync(on: database)
            let result = try await body(database)
            await databases.shutdownAsync()
            try await testDatabase.remove()
            return result
        } catch {
            await databases.shutdownAsync()
            try? await testDatabase.remove()
            throw error
        }
    }
}

struct TestDatabaseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One statement on the PostgreSQL server's maintenance connection.
struct PostgresAdmin {
    let url: URLComponents

    func run(_ statement: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host ?? "127.0.0.1", port: url.port ?? 5432, username: url.user ?? "postgres",
            password: url.password, database: String(url.path.dropFirst()).isEmpty ? "postgres" : String(url.path.dropFirst()),
            tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "test-admin"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "test-admin"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
