import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }
    private struct TokenScopesKey: StorageKey { typealias Value = Set<String> }

    /// Who is acting in this request. Pages know members by their session; the API by a
    /// personal token (see `APITokenAuthenticator`). Looked up once per request.
    func actor() async throws -> Actor {
        if let actor = storage[ActorKey.self] { return actor }
        var actor = Actor.anonymous
        if let id = signedInMemberID {
            actor = try await MemberStore(db).actor(id)
            // An erased or removed account ends its sessions.
            if !actor.isSignedIn { session.destroy() }
        }
        storage[ActorKey.self] = actor
        return actor
    }

    func setActor(_ actor: Actor, tokenScopes: Set<String>) {
        storage[ActorKey.self] = actor
        storage[TokenScopesKey.self] = tokenScopes
    }

    /// Scopes of the API token in use; nil for a browser session.
    var tokenScopes: Set<String>? { storage[TokenScopesKey.self] }

    var signedInMemberID: UUID? {
        guard hasSession else { return nil }
        return session.data["member"].flatMap(UUID.init(uuidString:))
    }

    /// Checks the action with the one policy. Throws 401 or 403 as problem details; the page
    /// error handler turns them into a sign-in redirect or a friendly page.
    @discardableResult
    func authorize(_ action: Action, reading: Bool = false) async throws -> Actor {
        let actor = try await actor()
        switch Policy.decide(action, for: actor) {
        case .allowed:
            if !reading, let scopes = tokenScopes, !scopes.contains("write") {
                throw ProblemDetails(.forbidden, status: .forbidden, title: "Forbidden",
                                     detail: "This API token may only read; create one with the write scope.")
            }
            return actor
        case .signInRequired:
            throw ProblemDetails(.unauthorized, status: .unauthorized, title: "Unauthorized",
                                 detail: "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.")
        case .forbidden:
            throw ProblemDetails(.forbidden, status: .forbidden, title: "Forbidden",
                                 detail: "You may not do this here.")
        }
    }
}
