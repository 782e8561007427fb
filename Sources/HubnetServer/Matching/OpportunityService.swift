import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// An opportunity as someone may see it: with its poster, unless the post is anonymous to them.
struct VisibleOpportunity: Sendable {
    let opportunity: Opportunity
    let poster: Organisation?
    let posterHub: String
}

/// Posts of the network on behalf of an actor: who may see them, who may post and change them
/// (the policy), with an audit entry in the same transaction.
struct OpportunityService {
    let request: Request

    /// Posts this actor may see, newest first.
    func visible(kinds: [OpportunityKind] = [], organisation: UUID? = nil, openOnly: Bool = false) async throws -> [VisibleOpportunity] {
        let posts = try await OpportunityStore(request.db).list(organisations: organisation.map { [$0] }, kinds: kinds)
        return try await filter(posts.filter { !openOnly || $0.isOpen() })
    }

    func find(_ id: UUID) async throws -> VisibleOpportunity {
        guard let post = try await OpportunityStore(request.db).find(id), let visible = try await filter([post]).first else {
            // Not visible is told as not found: the existence of a hub-only post is not public.
            throw Self.notFound(id)
        }
        return visible
    }

    /// The new post as its author sees it.
    func create(_ opportunity: Opportunity) async throws -> VisibleOpportunity {
        let poster = try await OrganisationService(request: request).existing(opportunity.organisationID)
        let actor = try await request.authorize(.postOpportunity(organisation: poster.id, hub: poster.hubSlug))
        let post = try opportunity.validated(today: Date())
        try await request.db.transaction { database in
            try await OpportunityStore(database).create(post, by: actor.memberID)
            try await audit("opportunity.create", post, hub: poster.hubSlug, before: nil, after: post, actor, database)
        }
        return VisibleOpportunity(opportunity: post, poster: poster, posterHub: poster.hubSlug)
    }

    /// The changed post as its editor sees it.
    func update(_ id: UUID, _ change: (Opportunity) throws -> Opportunity) async throws -> VisibleOpportunity {
        let current = try await find(id)
        let actor = try await request.authorize(.postOpportunity(organisation: current.opportunity.organisationID, hub: current.posterHub))
        var proposed = try change(current.opportunity)
        proposed.organisationID = current.opportunity.organisationID
        // An unchanged deadline may have passed; a new one must not lie in the past.
        let changed = try proposed.validated(today: proposed.deadline == current.opportunity.deadline ? nil : Date())
        try await request.db.transaction { database in
            guard try await OpportunityStore(database).update(changed) else { throw Self.notFound(id) }
            try await audit("opportunity.update", changed, hub: current.posterHub, before: current.opportunity, after: changed, actor, database)
        }
        return VisibleOpportunity(opportunity: changed, poster: current.poster, posterHub: current.posterHub)
    }

    func delete(_ id: UUID) async throws {
        let current = try await find(id)
        let actor = try await request.authorize(.postOpportunity(organisation: current.opportunity.organisationID, hub: current.posterHub))
        try await request.db.transaction { database in
            guard try await OpportunityStore(database).delete(id) else { throw Self.notFound(id) }
            try await audit("opportunity.delete", current.opportunity, hub: current.posterHub, before: current.opportunity, after: nil, actor, database)
        }
    }

    private func filter(_ posts: [Opportunity]) async throws -> [VisibleOpportunity] {
        let actor = try await request.actor()
        let memberHubs = try await request.memberHubs()
        let posters = try await OrganisationStore(request.db).find(Array(Set(posts.map(\.organisationID))))
        let byID = Dictionary(uniqueKeysWithValues: posters.map { ($0.id, $0) })
        return posts.compactMap { post in
            guard let poster = byID[post.organisationID],
                  post.isVisible(to: actor, memberHubs: memberHubs, posterHub: poster.hubSlug) else { return nil }
            return VisibleOpportunity(opportunity: post, poster: post.showsPoster(to: actor, posterHub: poster.hubSlug) ? poster : nil,
                                      posterHub: poster.hubSlug)
        }
    }

    static func notFound(_ id: UUID) -> ProblemDetails {
        .notFound("There is no opportunity with id \(id.uuidString.lowercased()) that you may see.")
    }

    private func audit(_ action: String, _ post: Opportunity, hub: String, before: Opportunity?, after: Opportunity?,
                       _ actor: Actor, _ database: any Database) async throws {
        func json(_ post: Opportunity) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(OpportunityDTO(post, poster: nil))) ?? Data(), as: UTF8.self)
        }
        try await AuditLog(database).record(
            actor: actor.memberID, action: action, objectType: "opportunity", objectID: post.id.uuidString.lowercased(),
            hub: hub, before: before.map(json), after: after.map(json))
    }
}

extension Request {
    /// The hubs of the organisations the actor acts for, for "hub only" posts.
    func memberHubs() async throws -> Set<String> {
        let organisations = try await actor().organisations
        guard !organisations.isEmpty else { return [] }
        return Set(try await OrganisationStore(db).find(organisations).map(\.hubSlug))
    }
}
