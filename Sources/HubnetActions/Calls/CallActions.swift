import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Setting up calls and reading them. Calls are public: visitors see every call, its rounds
/// and, once published, its decisions.
public struct CallActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let thing = LocalizedText(de: "Einen Call", en: "call")

    public func create(_ proposed: Call) async throws -> Call {
        let actor = try context.authorize(.manageCall(hub: proposed.hub))
        var call = try proposed.validated()
        call.created = context.now
        let created = call
        try await context.write { database in
            try await CallStore(database).create(created, by: actor.memberID)
            try await context.audit("call.create", "call", created.id.lowercased, hub: created.hub,
                                    after: AuditJSON.encode(["title": created.title.en, "kind": created.kind.rawValue]), on: database)
        }
        return created
    }

    /// Changes texts, rounds, form and rules. The hub stays (a call does not change hands), and
    /// once applications exist the form's questions keep their keys, so answers keep their meaning.
    public func update(_ proposed: Call) async throws -> Call {
        let existing = try await find(proposed.id)
        try context.authorize(.manageCall(hub: existing.hub))
        var call = proposed
        call.hub = existing.hub
        call.created = existing.created
        call = try call.validated()
        for (index, round) in existing.rounds.enumerated() where index < call.rounds.count {
            call.rounds[index].publishedAt = round.publishedAt
        }
        if let published = existing.rounds.last(where: { $0.publishedAt != nil }), call.rounds.count < published.number {
            throw DomainError.conflict(.init(de: "Runde \(published.number) ist schon veröffentlicht und bleibt.",
                                             en: "Round \(published.number) is published already and stays."))
        }
        let changed = call
        try await context.write { database in
            try await CallStore(database).update(changed)
            try await context.audit("call.update", "call", changed.id.lowercased, hub: changed.hub,
                                    before: AuditJSON.encode(["title": existing.title.en]), after: AuditJSON.encode(["title": changed.title.en]),
                                    on: database)
        }
        return changed
    }

    public func find(_ id: UUID) async throws -> Call {
        guard let call = try await CallStore(context.database).find(id) else { throw DomainError.notFound(Self.thing, id: id.lowercased) }
        return call
    }

    public func list() async throws -> [Call] {
        try await CallStore(context.database).list()
    }

    /// Whether the reader may run this call (for showing the manager's links).
    public func manages(_ call: Call) -> Bool {
        Policy.decide(.manageCall(hub: call.hub), for: context.actor) == .allowed
    }

    /// Whether the reader sits on this call's jury.
    public func judges(_ call: Call) -> Bool {
        context.actor.roles.contains(.juryMember(call: call.id))
    }

    /// The hubs the reader may organise calls for, and whether they may run the network's.
    public var organisableHubs: (network: Bool, hubs: [String]) {
        let actor = context.actor
        return (actor.isNetworkAdmin, Network.hubs.map(\.slug).filter(actor.manages(hub:)))
    }
}
