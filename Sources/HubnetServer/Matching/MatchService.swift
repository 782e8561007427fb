import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// An organisation proposed as a partner, with why.
struct MatchedOrganisation: Sendable {
    let organisation: Organisation
    let result: MatchResult
}

struct PartnerList: Sendable {
    let matches: [MatchedOrganisation]
    let topics: [String]
    let suggestedHubs: [HubSuggestion]
}

/// An investor proposed for a startup, with the factors of its portfolio that count.
struct RecommendedInvestor: Sendable {
    let investor: Organisation
    let recommendation: InvestorRecommender.Recommendation
}

/// Find partners and investors: the engines in HubnetCore, fed from this instance's indexes
/// and the database, with the rows of the results loaded for display. Pages, the API and the
/// CLI share it; who may see which post is decided before, by `OpportunityActions`.
struct MatchService {
    let application: Application
    let database: any Database
    /// The organisations the member acts for: never proposed to them as partners.
    let own: Set<UUID>

    init(application: Application, database: any Database, own: Set<UUID> = []) {
        self.application = application
        self.database = database
        self.own = own
    }

    init(request: Request) async throws {
        self.init(application: request.application, database: request.application.db, own: Set(try await request.actor().organisations))
    }

    func partners(_ query: MatchQuery) async throws -> PartnerList {
        var query = query
        query.excluding.formUnion(own)
        let outcome = try await application.directory.findPartners(query, on: database)
        // Each reason names the profile's own word for what matched.
        let matches = try await withOrganisations(outcome.results, id: \.id).map { organisation, result in
            MatchedOrganisation(organisation: organisation, result: result.locating(in: organisation))
        }
        return PartnerList(matches: matches, topics: outcome.topics, suggestedHubs: outcome.suggestedHubs)
    }

    func partners(for organisation: Organisation, limit: Int) async throws -> PartnerList {
        var query = MatchQuery(organisation: organisation)
        query.limit = limit
        return try await partners(query)
    }

    func partners(for post: Opportunity, posterHub: String?, limit: Int) async throws -> PartnerList {
        var query = MatchQuery(opportunity: post, posterHub: posterHub)
        query.limit = limit
        return try await partners(query)
    }

    /// The posts that fit an organisation: it offers what they seek, or seeks what they offer.
    /// Posts are few, so their index is built per request from the ones the reader may see.
    func opportunities(for organisation: Organisation, among posts: [VisibleOpportunity], limit: Int) -> [(VisibleOpportunity, MatchResult)] {
        let others = posts.filter { $0.opportunity.organisationID != organisation.id }
        let index = MatchIndex(documents: others.map { MatchDocument(opportunity: $0.opportunity, hubSlug: $0.posterHub) })
        var query = MatchQuery(organisation: organisation)
        query.limit = limit
        let byID = Dictionary(uniqueKeysWithValues: others.map { ($0.opportunity.id, $0) })
        return index.search(query).results.compactMap { result in byID[result.id].map { ($0, result) } }
    }

    func investors(for company: Organisation, limit: Int) async throws -> [RecommendedInvestor] {
        let recommendations = try await application.investors.matcher(on: database).recommend(for: company, limit: limit)
        return try await withOrganisations(recommendations, id: \.investorID).map { RecommendedInvestor(investor: $0, recommendation: $1.recommendation) }
    }

    /// Each item with its organisation, in the items' order; an organisation deleted meanwhile drops its item.
    private func withOrganisations<Item>(_ items: [Item], id: (Item) -> UUID) async throws -> [(Organisation, Item)] {
        let organisations = try await OrganisationStore(database).find(items.map(id))
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        return items.compactMap { item in byID[id(item)].map { ($0, item) } }
    }
}

/// Keeps the investor model learnt from the deals in the database. It is relearnt when what it
/// learnt from changes: a deal added or removed, any organisation's profile edited (the
/// directory's change counter), or a new day (recent deals weigh more).
actor InvestorService {
    private struct Source: Equatable {
        let deals: Int
        let profileChanges: Int
        let day: Date
    }

    private var matcher: InvestorMatcher?
    private var learntFrom: (source: Source, checkedAt: ContinuousClock.Instant)?
    private let freshness: Duration

    init(freshness: Duration = .seconds(30)) {
        self.freshness = freshness
    }

    func matcher(on database: any Database) async throws -> InvestorMatcher {
        if let matcher, let learntFrom, ContinuousClock.now - learntFrom.checkedAt < freshness { return matcher }
        let store = InvestmentStore(database)
        let source = Source(deals: try await store.count(), profileChanges: try await OrganisationStore(database).latestChangeSequence(),
                            day: Calendar(identifier: .gregorian).startOfDay(for: Date()))
        if let matcher, learntFrom?.source == source {
            learntFrom = (source, .now)
            return matcher
        }
        let deals = try await store.all()
        let companies = try await OrganisationStore(database).find(Array(Set(deals.map(\.companyID))))
        let byID = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0) })
        let fresh = InvestorMatcher(investments: deals, company: { byID[$0] })
        matcher = fresh
        learntFrom = (source, .now)
        return fresh
    }
}

extension Application {
    private struct InvestorsKey: StorageKey { typealias Value = InvestorService }

    var investors: InvestorService {
        guard let service = storage[InvestorsKey.self] else { fatalError("configure(_:) sets up the investor service") }
        return service
    }

    func investors(_ service: InvestorService) {
        storage[InvestorsKey.self] = service
    }
}
