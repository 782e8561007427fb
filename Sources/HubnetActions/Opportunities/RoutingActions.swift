import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// The routing desk's steps on a request. Each one: the Policy says who, the request's
/// state machine says when, and the step lands with its history entry and audit entry in one
/// transaction — or, when another step on the same request landed first, not at all.
public struct RoutingActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    /// Puts a posted opportunity into its home hub's vetting queue.
    public func submit(_ opportunityID: UUID) async throws -> RoutingCase {
        let (opportunity, poster) = try await request(opportunityID)
        let homeHub = poster.hubSlug
        try context.authorize(.postOpportunity(organisation: opportunity.organisationID, hub: homeHub))
        let actor = context.actor.memberID
        return try await context.write { database in
            let store = RoutingStore(database)
            if try await store.load(opportunityID) != nil {
                throw DomainError.conflict(.init(de: "Diese Anfrage ist bereits eingereicht.", en: "This request has been submitted already."))
            }
            let submitted = RoutingCase.submitted(homeHub: homeHub, by: actor, at: context.now)
            try await store.save(submitted, for: opportunityID, replacing: nil)
            try await context.audit("routing.submit", "opportunity", opportunityID.lowercased, hub: homeHub, on: database)
            try await RoutingNotices(context: context, database: database, opportunity: opportunity, poster: poster).submitted(homeHub: homeHub)
            return submitted
        }
    }

    /// Takes one step on a request; returns the request as it is now.
    public func apply(_ event: RoutingEvent, to opportunityID: UUID) async throws -> RoutingCase {
        _ = try context.memberID()
        let (opportunity, poster) = try await request(opportunityID)
        let homeHub = poster.hubSlug
        try context.authorize(.routingStep(event, poster: opportunity.organisationID, homeHub: homeHub))
        try await checkRecipients(of: event, poster: opportunity.organisationID)
        return try await perform(event, on: opportunity, postedBy: poster)
    }

    /// The step itself, once it is allowed: read, apply, write, audit, tell — in one transaction.
    private func perform(_ event: RoutingEvent, on opportunity: Opportunity, postedBy poster: Organisation) async throws -> RoutingCase {
        let opportunityID = opportunity.id, homeHub = poster.hubSlug
        let actor = context.actor.memberID
        do {
            return try await context.write { database in
                try await context.refuseRepeat(on: database)
                let store = RoutingStore(database)
                guard let current = try await store.load(opportunityID) else {
                    throw DomainError.conflict(.init(de: "Diese Anfrage ist nicht im Verteilzentrum.", en: "This request is not with the routing desk."))
                }
                let next = try current.applying(event, by: actor, at: context.now)
                try await store.save(next, for: opportunityID, replacing: current)
                let step = next.history.last!
                try await context.audit("routing.\(event.name)", "opportunity", opportunityID.lowercased, hub: homeHub,
                                        before: AuditJSON.encode(["state": current.state.rawValue]),
                                        after: AuditJSON.encode(["state": step.to.rawValue, "note": step.note, "subject": step.subject ?? ""]),
                                        on: database)
                try await RoutingNotices(context: context, database: database, opportunity: opportunity, poster: poster).tell(event, after: next)
                try await context.remember("\(opportunityID.lowercased):\(next.history.count - 1)", on: database)
                return next
            }
        } catch let error as DatabaseError where error.isConstraintFailure {
            // The same request with the same Idempotency-Key landed meanwhile: this is its replay.
            try await context.replayAfterRace()
            // Another step on this request landed between our read and our write.
            throw DomainError.conflict(.init(de: "Die Anfrage wurde gerade von jemand anderem geändert. Bitte laden Sie die Seite neu.",
                                             en: "Someone else changed the request just now. Please reload the page."))
        } catch DomainError.conflict(let message) {
            // A twin with the same key may have landed between our key check and our read, so
            // that the step no longer fits the state: then this is its replay too.
            try await context.replayAfterRace()
            throw DomainError.conflict(message)
        }
    }

    /// Recipients must exist and not be the poster; a hub forwards to its own organisations.
    private func checkRecipients(of event: RoutingEvent, poster: UUID) async throws {
        let (recipients, hub): ([UUID], String?) = switch event {
        case .route(let recipients, _): (recipients, nil)
        case .forward(let hub, let recipients): (recipients, hub)
        default: ([], nil)
        }
        guard !recipients.isEmpty else { return }
        func problem(_ de: String, _ en: String) -> ValidationFailure {
            ValidationFailure([FieldProblem(field: "recipients", message: .init(de: de, en: en))])
        }
        if recipients.contains(poster) {
            throw problem("Eine Anfrage geht nicht an die Organisation, die sie gestellt hat.", "A request is not sent to the organisation that posted it.")
        }
        let found = try await OrganisationStore(context.database).find(recipients)
        if found.count < recipients.count {
            throw problem("Mindestens eine gewählte Organisation gibt es nicht.", "At least one chosen organisation does not exist.")
        }
        if let hub, let stranger = found.first(where: { $0.hubSlug != hub }) {
            throw problem("„\(stranger.name)“ gehört nicht zu diesem Hub.", "'\(stranger.name)' does not belong to this hub.")
        }
    }

    /// The routing desk's clock, run by the background job as the system (no member acts):
    /// requests past their deadline expire and their posters are told; each overdue step
    /// reminds the hub that owes it, once per breach (the outbox key names the breach).
    public func runClock() async throws -> (expired: Int, reminded: Int) {
        let store = RoutingStore(context.database)
        let open = try await store.cases(homeHubs: nil, states: [.submitted, .changesRequested, .published, .routed, .introduced], limit: 10_000)
        let cases = try await store.load(open.map(\.opportunityID))
        var expired = 0, reminded = 0
        var levels: [String: ServiceLevels] = [:]
        let opportunities = try await OpportunityStore(context.database).find(Array(cases.keys))
        let posters = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(Set(opportunities.values.map(\.organisationID)))).map { ($0.id, $0) })
        for (id, routing) in cases.sorted(by: { $0.key.lowercased < $1.key.lowercased }) {
            guard let opportunity = opportunities[id], let poster = posters[opportunity.organisationID] else { continue }
            if !opportunity.isOpen(on: context.now), routing.state != .introduced {
                do {
                    _ = try await perform(.expire, on: opportunity, postedBy: poster)
                    expired += 1
                } catch is DomainError {
                    // Another instance expired it first, or a step moved it on: nothing to do.
                }
                continue
            }
            for hub in Set([routing.homeHub] + routing.referrals.keys) where levels[hub] == nil {
                levels[hub] = try await store.serviceLevels(of: hub)
            }
            for breach in routing.breaches(at: context.now, levels: { levels[$0] ?? .standard }) {
                reminded += try await context.write { database in
                    try await RoutingNotices(context: context, database: database, opportunity: opportunity, poster: poster)
                        .remind(breach, key: breach.key(for: id))
                }
            }
        }
        return (expired, reminded)
    }

    /// A line of a member's inbox: a request, and for a received one where the member's
    /// organisation stands with it.
    public struct InboxEntry: Sendable {
        public let opportunity: Opportunity
        public let state: RoutingState
        public let organisation: Organisation
        public let answer: RecipientState?
    }

    /// The requests sent to the organisations the member acts for (answer from the request's
    /// page), and the requests they posted, each with where it stands; newest first.
    public func inbox() async throws -> (received: [InboxEntry], posted: [InboxEntry]) {
        _ = try context.memberID()
        let mine = context.actor.organisations
        guard !mine.isEmpty else { return ([], []) }
        let store = RoutingStore(context.database)
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database).find(mine).map { ($0.id, $0) })
        let received = try await store.received(by: mine)
        let posts = try await OpportunityStore(context.database).list(organisations: mine, limit: 200)
        let cases = try await store.load(received.map(\.opportunityID) + posts.map(\.id))
        let sent = try await OpportunityStore(context.database).find(received.map(\.opportunityID))
        let receivedEntries = received.compactMap { entry -> InboxEntry? in
            guard let routing = cases[entry.opportunityID], let organisation = organisations[entry.organisation],
                  let opportunity = sent[entry.opportunityID] else { return nil }
            return InboxEntry(opportunity: opportunity, state: routing.state, organisation: organisation, answer: entry.state)
        }
        let postedEntries = posts.compactMap { post -> InboxEntry? in
            guard let routing = cases[post.id], let organisation = organisations[post.organisationID] else { return nil }
            return InboxEntry(opportunity: post, state: routing.state, organisation: organisation, answer: nil)
        }
        return (receivedEntries.sorted { $0.opportunity.created > $1.opportunity.created },
                postedEntries.sorted { $0.opportunity.created > $1.opportunity.created })
    }

    /// The service levels of the hubs the reader manages (all hubs for the agency).
    public func serviceLevels() async throws -> [(hub: String, levels: ServiceLevels)] {
        let actor = try context.authorize(.reviewClaims, reading: true)
        let store = RoutingStore(context.database)
        var result: [(hub: String, levels: ServiceLevels)] = []
        for hub in Network.hubs.map(\.slug) where actor.manages(hub: hub) {
            result.append((hub, try await store.serviceLevels(of: hub)))
        }
        return result
    }

    public func setServiceLevels(_ levels: ServiceLevels, of hub: String) async throws {
        _ = try context.memberID()
        guard Network.hub(hub) != nil else {
            throw ValidationFailure([FieldProblem(field: "hub", message: .init(de: "Unbekannter Hub „\(hub)“.", en: "Unknown hub '\(hub)'."))])
        }
        try context.authorize(.manageHub(hub: hub))
        let checked = try levels.validated()
        try await context.write { database in
            let before = try await RoutingStore(database).serviceLevels(of: hub)
            try await RoutingStore(database).setServiceLevels(checked, of: hub)
            try await context.audit("routing.service-levels", "hub", hub, hub: hub, before: AuditJSON.encode(before),
                                    after: AuditJSON.encode(checked), on: database)
        }
    }

    /// How requests of the reader's hubs moved through the desk, and which hub referred to which.
    public func figures() async throws -> (funnel: RoutingFunnel, referrals: ReferralMatrix) {
        let actor = try context.authorize(.reviewClaims, reading: true)
        let store = RoutingStore(context.database)
        let ids = try await store.cases(homeHubs: actor.managedHubs, limit: 10_000).map(\.opportunityID)
        let cases = Array(try await store.load(ids).values)
        return (RoutingFunnel(histories: cases.map(\.history)), ReferralMatrix(cases: cases))
    }

    /// What the reader may see of a request beyond the case itself: the recipients'
    /// organisations, contacts once introduced, and who took each visible step.
    public struct Reading: Sendable {
        public let organisations: [UUID: Organisation]
        /// For the whole case: each introduced recipient's people.
        public let contacts: [UUID: [String]]
        /// For an introduced recipient: the poster's people.
        public let posterContacts: [String]
        public let history: [RoutingStep]
        /// Who took each step, for the whole case only.
        public let actorNames: [UUID: String]
    }

    public func reading(_ post: VisibleOpportunity) async throws -> Reading? {
        guard let routing = post.routing else { return nil }
        let actor = context.actor, poster = post.opportunity.organisationID
        let whole = routing.showsWholeCase(to: actor, poster: poster)
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(routing.recipients.keys)).map { ($0.id, $0) })
        let people = OrganisationPeople(database: context.database)
        var contacts: [UUID: [String]] = [:]
        if whole {
            for (organisation, state) in routing.recipients where [.introduced, .concluded].contains(state) {
                contacts[organisation] = try await people.contacts(of: organisation)
            }
        }
        let history = routing.history(visibleTo: actor, poster: poster)
        var names: [UUID: String] = [:]
        let actorIDs = whole ? Array(Set(history.compactMap(\.actor))) : []
        if !actorIDs.isEmpty {
            for member in try await MemberRecord.query(on: context.database).filter(\.$id ~~ actorIDs).all() {
                if let id = member.id { names[id] = member.name }
            }
        }
        return Reading(organisations: organisations, contacts: contacts,
                       posterContacts: routing.introducesPoster(to: actor) ? try await people.contacts(of: poster) : [],
                       history: history, actorNames: names)
    }

    /// Requests waiting for the reader's vetting (the header's count).
    public func waitingForVetting() async throws -> Int {
        guard let actor = try? context.authorize(.reviewClaims, reading: true) else { return 0 }
        return try await RoutingStore(context.database).cases(homeHubs: actor.managedHubs, states: [.submitted], limit: 1_000).count
    }

    /// One line of the agency's queue.
    public struct QueueEntry: Sendable {
        public let opportunity: Opportunity
        public let posterHub: String
        public let routing: RoutingCase
        /// Hubs of the reader's that the request was referred to and that have not answered.
        public let referredToReader: [String]
        public let breaches: [ServiceBreach]
        /// When the request last changed.
        public let since: Date
    }

    /// The requests waiting in the hubs the reader manages (every hub for the agency), and
    /// those referred to them: overdue ones first, then the oldest.
    public func queue(states: [RoutingState] = []) async throws -> [QueueEntry] {
        let actor = try context.authorize(.reviewClaims, reading: true)
        let hubs = actor.managedHubs
        let store = RoutingStore(context.database)
        var ids = try await store.cases(homeHubs: hubs, states: states, limit: 2_000).map(\.opportunityID)
        if states.isEmpty || !Set(states).isDisjoint(with: [.routed, .introduced]) {
            for id in try await store.pendingReferrals(to: hubs) where !ids.contains(id) { ids.append(id) }
        }
        let cases = try await store.load(ids)
        var levels: [String: ServiceLevels] = [:]
        for hub in Set(cases.values.map(\.homeHub) + cases.values.flatMap(\.referrals.keys)) {
            levels[hub] = try await store.serviceLevels(of: hub)
        }
        let opportunities = try await OpportunityStore(context.database).find(ids)
        var entries: [QueueEntry] = []
        for id in ids {
            guard let routing = cases[id], let opportunity = opportunities[id] else { continue }
            let referred = routing.referrals.filter { $0.value == .pending && actor.manages(hub: $0.key) && !actor.manages(hub: routing.homeHub) }
                .keys.sorted()
            let breaches = routing.breaches(at: context.now) { levels[$0] ?? .standard }
                .filter { actor.manages(hub: $0.hub) }
            entries.append(QueueEntry(opportunity: opportunity, posterHub: routing.homeHub, routing: routing, referredToReader: referred,
                                      breaches: breaches, since: routing.history.last?.at ?? opportunity.created))
        }
        return entries.sorted { ($0.breaches.isEmpty ? 1 : 0, $0.since) < ($1.breaches.isEmpty ? 1 : 0, $1.since) }
    }

    /// The queue through a filter: one page of it, and how many entries the filter finds.
    public func queue(_ filter: RoutingQueueFilter, paged: Bool = true) async throws -> (entries: [QueueEntry], total: Int) {
        var entries = try await queue(states: filter.state.map { [$0] } ?? [])
        entries = entries.filter { entry in
            (filter.kind == nil || entry.opportunity.kind == filter.kind)
                && (filter.topic.map { entry.opportunity.topicSlugs.contains($0) } ?? true)
                && (filter.hub.map { entry.posterHub == $0 || entry.referredToReader.contains($0) } ?? true)
                && (!filter.overdueOnly || !entry.breaches.isEmpty)
                && (filter.olderThanDays.map { context.now.timeIntervalSince(entry.since) >= Double($0) * 86_400 } ?? true)
        }
        switch filter.order {
        case .urgency: break
        case .oldest: entries.sort { $0.since < $1.since }
        case .newest: entries.sort { $0.since > $1.since }
        }
        guard paged else { return (entries, entries.count) }
        let start = (filter.page - 1) * RoutingQueueFilter.perPage
        return (Array(entries.dropFirst(start).prefix(RoutingQueueFilter.perPage)), entries.count)
    }

    /// The request and its poster, whose home hub vets it.
    private func request(_ opportunityID: UUID) async throws -> (Opportunity, Organisation) {
        guard let opportunity = try await OpportunityStore(context.database).find(opportunityID) else {
            throw OpportunityActions.notFound(opportunityID)
        }
        guard let poster = try await OrganisationStore(context.database).find(opportunity.organisationID) else {
            throw OrganisationActions.notFound(opportunity.organisationID)
        }
        return (opportunity, poster)
    }
}
