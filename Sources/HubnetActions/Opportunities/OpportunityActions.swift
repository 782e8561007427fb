import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// An opportunity as someone may see it: with its poster, unless the post is anonymous to them.
public struct VisibleOpportunity: Sendable {
    public let opportunity: Opportunity
    public let poster: Organisation?
    public let posterHub: String
    /// Its place in the routing desk; nil for posts that never went through it (seeded, imported).
    public let routing: RoutingCase?

    public init(opportunity: Opportunity, poster: Organisation?, posterHub: String, routing: RoutingCase? = nil) {
        self.opportunity = opportunity
        self.poster = poster
        self.posterHub = posterHub
        self.routing = routing
    }

    /// Whether answers are welcome: before its deadline and, if it is routed, in an open state.
    public func isOpen(on day: Date) -> Bool {
        opportunity.isOpen(on: day) && (routing?.state.isOpen ?? true)
    }
}

/// Posts of the network: who may see them, who may post and change them (the policy), each
/// write with its audit entry in the same transaction.
public struct OpportunityActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public static func notFound(_ id: UUID) -> DomainError {
        .notFound(.init(de: "Einen Beitrag mit der Kennung \(id.lowercased), den Sie sehen dürfen, gibt es nicht.",
                        en: "There is no opportunity with id \(id.lowercased) that you may see."))
    }

    /// Posts this actor may see, newest first. Filtering by organisation finds only posts that
    /// name it to this actor: an anonymous post must not be traced back through the filter.
    public func visible(kinds: [OpportunityKind] = [], organisation: UUID? = nil, openOnly: Bool = false) async throws -> [VisibleOpportunity] {
        let posts = try await OpportunityStore(context.database).list(organisations: organisation.map { [$0] }, kinds: kinds)
        let shown = try await filter(posts).filter { !openOnly || $0.isOpen(on: context.now) }
        return organisation == nil ? shown : shown.filter { $0.poster != nil }
    }

    public func find(_ id: UUID) async throws -> VisibleOpportunity {
        guard let post = try await OpportunityStore(context.database).find(id), let visible = try await filter([post]).first else {
            // Not visible is told as not found: the existence of a hub-only post is not public.
            throw Self.notFound(id)
        }
        return visible
    }

    /// The new post as its author sees it: submitted to its hub's agency, which vets it
    /// before anyone else sees it.
    public func create(_ opportunity: Opportunity) async throws -> VisibleOpportunity {
        _ = try context.memberID()
        let poster = try await OrganisationActions(context).existing(opportunity.organisationID)
        let actor = try context.authorize(.postOpportunity(organisation: poster.id, hub: poster.hubSlug))
        let post = try opportunity.validated(today: context.now)
        let routing = RoutingCase.submitted(homeHub: poster.hubSlug, by: actor.memberID, at: context.now)
        do {
            try await write(post, routing, poster: poster, by: actor)
        } catch {
            // A twin request with the same Idempotency-Key landed meanwhile: this is its replay.
            if let failure = error as? any DatabaseError, failure.isConstraintFailure { try await context.replayAfterRace() }
            throw error
        }
        return VisibleOpportunity(opportunity: post, poster: poster, posterHub: poster.hubSlug, routing: routing)
    }

    private func write(_ post: Opportunity, _ routing: RoutingCase, poster: Organisation, by actor: Principal) async throws {
        try await context.write { database in
            try await context.refuseRepeat(on: database)
            try await OpportunityStore(database).create(post, by: actor.memberID)
            try await RoutingStore(database).save(routing, for: post.id, replacing: nil)
            try await RoutingNotices(context: context, database: database, opportunity: post, poster: poster).submitted(homeHub: poster.hubSlug)
            try await context.audit("opportunity.create", "opportunity", post.id.lowercased, hub: poster.hubSlug,
                                    after: AuditJSON.encode(post), on: database)
            try await context.remember(post.id.lowercased, on: database)
        }
    }

    /// The changed post as its editor sees it.
    public func update(_ id: UUID, _ change: @Sendable (Opportunity) throws -> Opportunity) async throws -> VisibleOpportunity {
        _ = try context.memberID()
        let current = try await find(id)
        try context.authorize(.postOpportunity(organisation: current.opportunity.organisationID, hub: current.posterHub))
        var proposed = try change(current.opportunity)
        proposed.organisationID = current.opportunity.organisationID
        // An unchanged deadline may have passed; a new one must not lie in the past.
        let changed = try proposed.validated(today: proposed.deadline == current.opportunity.deadline ? nil : context.now)
        try await context.write { database in
            guard try await OpportunityStore(database).update(changed) else { throw Self.notFound(id) }
            try await context.audit("opportunity.update", "opportunity", id.lowercased, hub: current.posterHub,
                                    before: AuditJSON.encode(current.opportunity), after: AuditJSON.encode(changed), on: database)
        }
        return VisibleOpportunity(opportunity: changed, poster: current.poster, posterHub: current.posterHub, routing: current.routing)
    }

    public func delete(_ id: UUID) async throws {
        _ = try context.memberID()
        let current = try await find(id)
        try context.authorize(.postOpportunity(organisation: current.opportunity.organisationID, hub: current.posterHub))
        try await context.write { database in
            guard try await OpportunityStore(database).delete(id) else { throw Self.notFound(id) }
            try await context.audit("opportunity.delete", "opportunity", id.lowercased, hub: current.posterHub,
                                    before: AuditJSON.encode(current.opportunity), on: database)
        }
    }

    /// The hubs the actor belongs to through organisations it acts for that their hub has
    /// approved: adding an organisation in a hub does not make one a member of it.
    public func memberHubs() async throws -> Set<String> {
        let organisations = context.actor.organisations
        guard !organisations.isEmpty else { return [] }
        let pending = Set(try await PendingOrganisationRecord.query(on: context.database).filter(\.$id ~~ organisations).all().compactMap(\.id))
        return Set(try await OrganisationStore(context.database).find(organisations.filter { !pending.contains($0) }).map(\.hubSlug))
    }

    private func filter(_ posts: [Opportunity]) async throws -> [VisibleOpportunity] {
        let actor = context.actor
        let memberHubs = try await memberHubs()
        let posters = try await OrganisationStore(context.database).find(Array(Set(posts.map(\.organisationID))))
        let byID = Dictionary(uniqueKeysWithValues: posters.map { ($0.id, $0) })
        let routing = try await RoutingStore(context.database).load(posts.map(\.id))
        return posts.compactMap { post in
            guard let poster = byID[post.organisationID],
                  post.isVisible(to: actor, memberHubs: memberHubs, posterHub: poster.hubSlug, routing: routing[post.id]) else { return nil }
            return VisibleOpportunity(opportunity: post, poster: showsPoster(post, poster, routing[post.id]) ? poster : nil,
                                      posterHub: poster.hubSlug, routing: routing[post.id])
        }
    }

    /// An anonymous poster is named to its own side and the agency, and — once introduced —
    /// to the organisation it was introduced to.
    private func showsPoster(_ post: Opportunity, _ poster: Organisation, _ routing: RoutingCase?) -> Bool {
        if post.showsPoster(to: context.actor, posterHub: poster.hubSlug) { return true }
        guard let routing else { return false }
        return routing.recipients.contains { $0.value == .introduced || $0.value == .concluded ? context.actor.actsFor(organisation: $0.key) : false }
    }
}
