import FluentKit
import Foundation
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
/// and the database, with the rows of the results loaded for display.
struct MatchService {
    let request: Request

    func partners(_ query: MatchQuery) async throws -> PartnerList {
        let outcome = try await request.application.directory.findPartners(query, on: request.db)
        let organisations = try await OrganisationStore(request.db).find(outcome.results.map(\.id))
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        return PartnerList(matches: outcome.results.compactMap { result in byID[result.id].map { MatchedOrganisation(organisation: $0, result: result) } },
                           topics: outcome.topics, suggestedHubs: outcome.suggestedHubs)
    }

    func partners(forOrganisation id: UUID, limit: Int) async throws -> (Organisation, PartnerList) {
        let organisation = try await OrganisationService(request: request).existing(id)
        var query = MatchQuery(organisation: organisation)
        query.limit = limit
        return (organisation, try await partners(query))
    }

    func partners(forOpportunity id: UUID, limit: Int) async throws -> (VisibleOpportunity, PartnerList) {
        let post = try await OpportunityService(request: request).find(id)
        var query = MatchQuery(opportunity: post.opportunity, posterHub: post.posterHub)
        query.limit = limit
        return (post, try await partners(query))
    }

    /// Open posts that fit an organisation: it offers what they seek, or seeks what they offer.
    /// Posts are few, so their index is built per request from the ones this actor may see.
    func opportunities(for organisation: Organisation, limit: Int) async throws -> [(VisibleOpportunity, MatchResult)] {
        let posts = try await OpportunityService(request: request).visible(openOnly: true)
            .filter { $0.opportunity.organisationID != organisation.id }
        let index = MatchIndex(documents: posts.map { MatchDocument(opportunity: $0.opportunity, hubSlug: $0.posterHub) })
        var query = MatchQuery(organisation: organisation)
        query.limit = limit
        let byID = Dictionary(uniqueKeysWithValues: posts.map { ($0.opportunity.id, $0) })
        return index.search(query).results.compactMap { result in byID[result.id].map { ($0, result) } }
    }

    func investors(for id: UUID, limit: Int) async throws -> (Organisation, [RecommendedInvestor]) {
        let organisation = try await OrganisationService(request: request).existing(id)
        let matcher = try await request.application.investors.matcher(on: request.db)
        let recommendations = matcher.recommend(for: organisation, limit: limit)
        let investors = try await OrganisationStore(request.db).find(recommendations.map(\.investorID))
        let byID = Dictionary(uniqueKeysWithValues: investors.map { ($0.id, $0) })
        return (organisation, recommendations.compactMap { entry in
            byID[entry.investorID].map { RecommendedInvestor(investor: $0, recommendation: entry.recommendation) }
        })
    }
}

/// Keeps the investor model learnt from the deals in the database, relearnt when deals change.
actor InvestorService {
    private var matcher: InvestorMatcher?
    private var learntFrom: (count: Int, at: ContinuousClock.Instant)?
    private let freshness: Duration

    init(freshness: Duration = .seconds(30)) {
        self.freshness = freshness
    }

    func matcher(on database: any Database) async throws -> InvestorMatcher {
        if let matcher, let learntFrom, ContinuousClock.now - learntFrom.at < freshness { return matcher }
        let store = InvestmentStore(database)
        let count = try await store.count()
        if let matcher, learntFrom?.count == count {
            learntFrom = (count, .now)
            return matcher
        }
        let deals = try await store.all()
        let companies = try await OrganisationStore(database).find(Array(Set(deals.map(\.companyID))))
        let byID = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0) })
        let fresh = InvestorMatcher(investments: deals, company: { byID[$0] })
        matcher = fresh
        learntFrom = (count, .now)
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
