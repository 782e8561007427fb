import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import NIOPosix
import Vapor

/// The wiring between a request and the actions: the database, the acting member and the
/// application's services. Controllers reach the database through this and nothing else.
extension Request {
    func actions() async throws -> ActionContext {
        ActionContext(database: db, actor: try await actor(), tokenScopes: tokenScopes, services: application.actionServices)
    }

    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct TokenScopesKey: StorageKey { typealias Value = Set<String> }

    /// Who is acting in this request. Pages know members by their session; the API by a
    /// personal token (see `APITokenAuthenticator`). Looked up once per request.
    func actor() async throws -> Principal {
        if let actor = storage[PrincipalKey.self] { return actor }
        var actor = Principal.anonymous
        if let id = signedInMemberID {
            actor = try await MemberStore(db).actor(id)
            // An erased or removed account ends its sessions.
            if !actor.isSignedIn { session.destroy() }
        }
        storage[PrincipalKey.self] = actor
        return actor
    }

    /// Where browser sessions are kept, for Vapor's session driver.
    var sessionStore: SessionStore { SessionStore(db) }

    /// The signed-in member's name, for the page frame; nil for a visitor.
    func actingMemberName() async throws -> String? {
        guard let memberID = try await actor().memberID else { return nil }
        return try await MemberStore(db).record(memberID)?.name
    }

    /// The member and scopes behind a personal API token, or nil for an unknown, revoked or
    /// expired token or a closed account.
    func authenticate(apiToken token: String) async throws -> Bool {
        guard let record = try await CredentialStore(db).useAPIToken(hash: SecretToken.hash(token)) else { return false }
        let actor = try await MemberStore(db).actor(record.memberID)
        guard actor.isSignedIn else { return false }
        storage[PrincipalKey.self] = actor
        storage[TokenScopesKey.self] = Set(record.scopes.split(separator: " ").map(String.init))
        return true
    }

    /// Scopes of the API token in use; nil for a browser session.
    var tokenScopes: Set<String>? { storage[TokenScopesKey.self] }

    var signedInMemberID: UUID? {
        guard hasSession else { return nil }
        return session.data["member"].flatMap(UUID.init(uuidString:))
    }
}

extension Application {
    private struct ActionServicesKey: StorageKey { typealias Value = ActionServices }

    /// The services every action gets: made once, in `configure`.
    var actionServices: ActionServices {
        get {
            guard let services = storage[ActionServicesKey.self] else { fatalError("configure(_:) sets up the action services") }
            return services
        }
        set { storage[ActionServicesKey.self] = newValue }
    }

    /// An action context for a command: it acts as nobody, with the operator's rights where an
    /// action allows the command line.
    var commandActions: ActionContext {
        ActionContext(database: db, actor: .anonymous, services: actionServices)
    }
}

/// bcrypt on the application's thread pool, so hashing never blocks an event loop.
struct BcryptPasswords: PasswordHashing {
    let cost: Int
    let threadPool: NIOThreadPool

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, created hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
