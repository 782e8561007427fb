import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where Hubnet keeps its data: an SQLite file by default, PostgreSQL for several instances.
public enum DatabaseSetting: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultSQLitePath = "hubnet.sqlite"

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `DATABASE_URL`: unset means the SQLite file `hubnet.sqlite` here;
    /// `postgres://…` / `postgresql://…` a PostgreSQL server; `sqlite://PATH` another file.
    public static func from(databaseURL: String?) throws(Malformed) -> DatabaseSetting {
        guard let databaseURL, !databaseURL.isEmpty else { return .sqliteFile(path: defaultSQLitePath) }
        if databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://") {
            guard let url = URL(string: databaseURL), url.host != nil, (try? SQLPostgresConfiguration(url: url)) != nil else {
                throw Malformed(description: "DATABASE_URL is not a valid PostgreSQL URL (postgres://user:password@host:5432/database).")
            }
            return .postgres(url: databaseURL)
        }
        if databaseURL.hasPrefix("sqlite://") {
            let path = String(databaseURL.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Malformed(description: "DATABASE_URL sqlite:// needs a file path.") }
            return path == ":memory:" ? .sqliteMemory : .sqliteFile(path: path)
        }
        throw Malformed(description: "DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got '\(databaseURL.prefix(20))…').")
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The driver configuration for Fluent's `Databases`.
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            return .sqlite(.file(path), sqlLogLevel: .trace)
        case .sqliteMemory:
            return .sqlite(.memory, sqlLogLevel: .trace)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = nil
            // A burst of writes (200 at once in the tests) must queue for connections, not time
            // out: eight per event loop, and half a minute of patience.
            return .postgres(configuration: configuration, maxConnectionsPerEventLoop: 8, connectionPoolTimeout: .seconds(30),
                             sqlLogLevel: .trace)
        }
    }

    public var databaseID: DatabaseID { isPostgres ? .psql : .sqlite }
}
