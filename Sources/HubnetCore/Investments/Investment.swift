import Foundation

/// A past deal of an investor of the network: the history investor recommendations learn from.
public struct Investment: Hashable, Sendable {
    public var investorID: UUID
    public var companyID: UUID
    /// The day the round closed.
    public var fundedOn: Date
    /// The company's stage at the time, when known.
    public var stage: FundingStage?

    public init(investorID: UUID, companyID: UUID, fundedOn: Date, stage: FundingStage? = nil) {
        self.investorID = investorID
        self.companyID = companyID
        self.fundedOn = fundedOn
        self.stage = stage
    }
}

/// Investor recommendations for organisations of the network, learnt from its deals.
public struct InvestorMatcher: Sendable {
    public let recommender: InvestorRecommender

    /// - Parameter company: the organisation behind an id, for the profile of each past deal.
    public init(investments: [Investment], company: (UUID) -> Organisation?, asOf: Date = Date()) {
        let history = investments.compactMap { deal -> PastInvestment? in
            guard let organisation = company(deal.companyID) else { return nil }
            var profile = Self.profile(of: organisation, at: deal.fundedOn)
            profile.stage = deal.stage?.rawValue ?? profile.stage
            return PastInvestment(investor: deal.investorID.uuidString, company: profile, year: Self.decimalYear(deal.fundedOn))
        }
        recommender = InvestorRecommender(history: history, asOf: Self.decimalYear(asOf))
    }

    /// Investors for a company, which may have no funding history at all: only its profile counts.
    public func recommend(for organisation: Organisation, limit: Int = 10) -> [(investorID: UUID, recommendation: InvestorRecommender.Recommendation)] {
        recommender.recommend(for: Self.profile(of: organisation), limit: limit, excluding: [organisation.id.uuidString])
            .compactMap { recommendation in UUID(uuidString: recommendation.investor).map { ($0, recommendation) } }
    }

    /// What is known of a company for matching: topics, hub as region, federal state, age, stage.
    public static func profile(of organisation: Organisation, at date: Date? = nil) -> CompanyProfile {
        let hub = organisation.hub
        let city = hub?.cities.first { $0.name.de == organisation.city } ?? hub?.cities.first
        return CompanyProfile(topics: organisation.topicSlugs, region: organisation.hubSlug, state: city?.state.rawValue,
                              foundedYear: organisation.foundedYear, stage: organisation.stage?.rawValue)
    }

    static func decimalYear(_ date: Date) -> Double {
        let calendar = Calendar(identifier: .gregorian)
        let year = calendar.component(.year, from: date)
        let day = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        return Double(year) + Double(day - 1) / 365.25
    }
}
