import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

/// A database of its own on the server DATABASE_URL names, so a benchmark never touches
/// the data there; dropped afterwards.
struct PostgresBenchDatabase {
    let id: DatabaseID
    let name: String

    static func create(adminURL: String, on app: Application) async throws -> PostgresBenchDatabase {
        let name = "hubnet_bench_\(ProcessInfo.processInfo.processIdentifier)"
        guard let admin = app.db as? any SQLDatabase else { throw CommandProblem("DATABASE_URL is not an SQL database.") }
        try await admin.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
        try await admin.raw("CREATE DATABASE \(ident: name)").run()
        guard var components = URLComponents(string: adminURL) else { throw CommandProblem("DATABASE_URL is malformed.") }
        components.path = "/" + name
        guard let url = components.url else { throw CommandProblem("DATABASE_URL is malformed.") }
        let id = DatabaseID(string: "bench-postgres")
        app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: id)
        return PostgresBenchDatabase(id: id, name: name)
    }

    func drop(on app: Application) async throws {
        await app.databases.reinitialize(id)
        if let admin = app.db as? any SQLDatabase {
            try await admin.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
        }
    }
}
