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
    /// Where visitors reach this site; links in e-mails start with it. https makes cookies Secure.
    public var publicURL: String
    /// `smtp://user:password@host:port`; nil keeps mail in the local mailbox (development).
    public var smtpURL: String?
    public var mailFrom: String
    /// Development only (HUBNET_DEV_MAILBOX=1): anyone may read the local mailbox. Otherwise
    /// only network admins may, since its mails hold sign-in and reset links.
    public var devMailbox: Bool = false
    /// bcrypt work factor; tests lower it to stay fast.
    public var bcryptCost: Int
    /// The folder with the operator's Impressum and privacy notice (`imprint.de.txt`, …).
    public var legalDirectory = "legal"
    /// Where files attached to applications are kept (HUBNET_FILES_DIR); unset, a folder
    /// `files` beside the SQLite file, or in the working directory for PostgreSQL.
    public var filesDirectory: String?

    /// The folder for attachments these settings name.
    public var attachmentFolder: URL {
        if let filesDirectory { return URL(fileURLWithPath: filesDirectory) }
        if case .sqliteFile(let path) = database {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("files")
        }
        if case .sqliteMemory = database { return FileManager.default.temporaryDirectory.appendingPathComponent("hubnet-files-\(UUID().uuidString)") }
        return URL(fileURLWithPath: "files")
    }

    public init(
        database: DatabaseSetting = .sqliteFile(path: DatabaseSetting.defaultSQLitePath), host: String = "127.0.0.1",
        port: Int = 8080, adminToken: String? = nil, demoOrganisations: Int = 1_000, publicURL: String? = nil,
        smtpURL: String? = nil, mailFrom: String = "hubnet@localhost", bcryptCost: Int = 12
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.demoOrganisations = demoOrganisations
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.smtpURL = smtpURL
        self.mailFrom = mailFrom
        self.bcryptCost = bcryptCost
    }

    public var secureCookies: Bool { publicURL.hasPrefix("https://") }

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
        if let url = environment["HUBNET_PUBLIC_URL"] {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw Malformed(name: "HUBNET_PUBLIC_URL", problem: "must be an http(s) address such as https://hubnet.example.org")
            }
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        } else {
            settings.publicURL = "http://\(settings.host):\(settings.port)"
        }
        if let smtp = environment["HUBNET_SMTP_URL"] {
            guard SMTPMailer(url: smtp, sender: settings.mailFrom) != nil else {
                throw Malformed(name: "HUBNET_SMTP_URL", problem: "must look like smtp://user:password@host:25")
            }
            settings.smtpURL = smtp
        }
        if let from = environment["HUBNET_MAIL_FROM"] {
            guard from.contains("@"), !from.contains(where: \.isWhitespace) else {
                throw Malformed(name: "HUBNET_MAIL_FROM", problem: "must be an e-mail address")
            }
            settings.mailFrom = from
        }
        if let folder = environment["HUBNET_LEGAL_DIR"] {
            guard !folder.isEmpty, !folder.contains("\0") else {
                throw Malformed(name: "HUBNET_LEGAL_DIR", problem: "must name a folder, e.g. /etc/hubnet/legal")
            }
            settings.legalDirectory = folder
        }
        if let folder = environment["HUBNET_FILES_DIR"] {
            guard !folder.isEmpty, !folder.contains("\0") else {
                throw Malformed(name: "HUBNET_FILES_DIR", problem: "must name a folder, e.g. /var/lib/hubnet/files")
            }
            settings.filesDirectory = folder
        }
        if let mailbox = environment["HUBNET_DEV_MAILBOX"] {
            guard ["0", "1"].contains(mailbox) else {
                throw Malformed(name: "HUBNET_DEV_MAILBOX", problem: "must be 1 (anyone reads the local mailbox) or 0, got '\(mailbox)'")
            }
            settings.devMailbox = mailbox == "1"
        }
        return settings
    }

    /// The mailer these settings ask for.
    var mailer: any Mailer {
        smtpURL.flatMap { SMTPMailer(url: $0, sender: mailFrom) } ?? LocalMailbox()
    }
}
