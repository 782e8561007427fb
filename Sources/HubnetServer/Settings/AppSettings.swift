import Foundation
import HubnetPersistence

/// Everything Hubnet reads from its environment, read once at start.
public struct AppSettings: Sendable {
    public var database: DatabaseSetting
    public var host: String
    public var port: Int
    /// Bearer token that may write through the API until accounts exist.
    public var adminToken: String?
    /// Seed a demo ecosystem of this size on the first start with an empty database.
    public var demoOrganisations: Int

    public init(
        database: DatabaseSetting = .sqliteFile(path: DatabaseSetting.defaultSQLitePath), host: String = "127.0.0.1",
        port: Int = 8080, adminToken: String? = nil, demoOrganisations: Int = 1_000
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.demoOrganisations = demoOrganisations
    }

    /// A setting that is present but unusable; start-up stops and names it.
    public struct Malformed: Error, CustomStringConvertible {
        public let name: String
        public let problem: String
        public var description: String { "\(name): \(problem)" }
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppSettings {
        var settings = AppSettings()
        do {
            settings.database = try DatabaseSetting.from(databaseURL: environment["DATABASE_URL"])
        } catch {
            throw Malformed(name: "DATABASE_URL", problem: error.description)
        }
        if let host = environment["HUBNET_HOST"] {
            guard !host.isEmpty, !host.contains(" ") else {
                throw Malformed(name: "HUBNET_HOST", problem: "must be a host name or address, e.g. 127.0.0.1 or 0.0.0.0")
            }
            settings.host = host
        }
        if let port = environment["HUBNET_PORT"] {
            guard let number = Int(port), (1...65_535).contains(number) else {
                throw Malformed(name: "HUBNET_PORT", problem: "must be a port number from 1 to 65535, got '\(port)'")
            }
            settings.port = number
        }
        if let token = environment["HUBNET_ADMIN_TOKEN"] {
            guard token.count >= 16, !token.contains(where: \.isWhitespace) else {
                throw Malformed(name: "HUBNET_ADMIN_TOKEN", problem: "must be at least 16 characters without spaces")
            }
            settings.adminToken = token
        }
        if let demo = environment["HUBNET_DEMO_ORGANISATIONS"] {
            guard let number = Int(demo), (0...1_000_000).contains(number) else {
                throw Malformed(name: "HUBNET_DEMO_ORGANISATIONS", problem: "must be a number from 0 to 1000000, got '\(demo)'")
            }
            settings.demoOrganisations = number
        }
        return settings
    }
}
