import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// What every action of the network needs: the database, who acts, and the application's
/// services. Pages, the API and the command line each make one and call the same actions.
public struct ActionContext: Sendable {
    public let database: any Database
    public let actor: Principal
    /// The scopes of the API token in use; nil for a browser session or the command line.
    public let tokenScopes: Set<String>?
    public let services: ActionServices
    /// Set for an API write sent with an `Idempotency-Key` (submissions and routing steps).
    public var idempotency: IdempotencyKey?

    public init(database: any Database, actor: Principal, tokenScopes: Set<String>? = nil, services: ActionServices) {
        self.database = database
        self.actor = actor
        self.tokenScopes = tokenScopes
        self.services = services
    }

    public var now: Date { services.clock() }

    /// Asks the one policy. A write through a token also needs the token's write scope.
    @discardableResult
    public func authorize(_ action: Action, reading: Bool = false) throws(DomainError) -> Principal {
        switch Policy.decide(action, for: actor) {
        case .allowed:
            if !reading, let tokenScopes, !tokenScopes.contains("write") { throw DomainError.readOnlyToken }
            return actor
        case .signInRequired: throw DomainError.signInRequired
        case .forbidden: throw DomainError.notAllowed
        }
    }

    /// The signed-in member's id; sign-in required otherwise.
    public func memberID() throws(DomainError) -> UUID {
        guard let id = actor.memberID else { throw DomainError.signInRequired }
        return id
    }

    /// A write with its audit entry and outbox mail: all of it lands, or nothing.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await database.writeTransaction(body)
    }

    /// The audit entry of a write, in the write's transaction.
    func audit(_ action: String, _ objectType: String, _ objectID: String, hub: String?, before: String? = nil,
               after: String? = nil, on database: any Database) async throws {
        try await AuditLog(database).record(actor: actor.memberID, action: action, objectType: objectType, objectID: objectID,
                                            hub: hub, before: before, after: after)
    }

    /// An absolute link for a mail: the site's public address, the reader's language, the path
    /// below it (as `SiteURL` prints it).
    func link(_ path: String, _ language: SiteLanguage) -> String {
        "\(services.publicURL)/\(language.rawValue)/\(path)"
    }

    /// The same context for another actor (a command acting as nobody, a member just signed in).
    public func acting(as actor: Principal, tokenScopes: Set<String>? = nil) -> ActionContext {
        ActionContext(database: database, actor: actor, tokenScopes: tokenScopes, services: services)
    }
}

/// The application's services the actions use; made once at start.
public struct ActionServices: Sendable {
    public var passwords: any PasswordHashing
    /// The site's address as visitors see it; links in e-mails start with it.
    public var publicURL: String
    public var clock: @Sendable () -> Date
    /// Called after a committed change of the directory, so this instance's index follows.
    public var directoryChanged: @Sendable (any Database) async throws -> Void
    /// Where files attached to applications lie: beside the database, never under the web root.
    public var attachmentFolder: URL

    public init(passwords: any PasswordHashing, publicURL: String, clock: @escaping @Sendable () -> Date = { Date() },
                directoryChanged: @escaping @Sendable (any Database) async throws -> Void = { _ in },
                attachmentFolder: URL = URL(fileURLWithPath: "files")) {
        self.passwords = passwords
        self.publicURL = publicURL
        self.clock = clock
        self.directoryChanged = directoryChanged
        self.attachmentFolder = attachmentFolder
    }
}

/// Password hashing lives at the edge (bcrypt on a thread pool); actions only ask for it.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, created hash: String) async throws -> Bool
}

/// JSON for audit entries: sorted keys, so two entries of the same change read alike.
enum AuditJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

