import Algorithms
import Foundation

/// What is known about a company when investors are recommended for it: its profile only,
/// never its funding, so a startup without any history (cold start) is served the same way.
public struct CompanyProfile: Hashable, Sendable {
    /// Topic slugs in Hubnet, category codes in other data.
    public var topics: [String]
    /// Hub slug in Hubnet, metro region in other data.
    public var region: String?
    /// Federal state, or state.
    public var state: String?
    public var foundedYear: Int?
    /// Funding stage, where the data knows it.
    public var stage: String?

    public init(topics: [String], region: String?, state: String?, foundedYear: Int?, stage: String? = nil) {
        self.topics = topics
        self.region = region
        self.state = state
        self.foundedYear = foundedYear
        self.stage = stage
    }
}

/// One past investment: who put money into what kind of company, and when.
public struct PastInvestment: Sendable {
    public let investor: String
    public let company: CompanyProfile
    /// Years as a decimal, e.g. 2011.5 for July 2011.
    public let year: Double

    public init(investor: String, company: CompanyProfile, year: Double) {
        self.investor = investor
        self.company = company
        self.year = year
    }
}

/// Ranks investors for a company by their real portfolio history: how active they are lately,
/// and how often they backed companies of this topic, region, state and age. A naive-Bayes
/// model, P(investor | profile) ∝ P(investor) · Π P(feature | investor)^weight, with each
/// investor's feature counts smoothed towards the whole market's, so a sparse portfolio neither
/// wins nor loses by accident. Every factor of the score is reported as an explanation.
public struct InvestorRecommender: Sendable {
    public struct Parameters: Sendable {
        /// Half-life-like time constant of activity, in years: recent deals count more.
        public var activityYears = 1.0
        /// Strength of the pull towards the market's feature distribution.
        public var smoothing = 5.0
        public var activityWeight = 1.0
        public var topicWeight = 1.0
        public var regionWeight = 1.0
        public var stateWeight = 0.5
        public var ageWeight = 1.0
        public var stageWeight = 1.0

        public init() {}
        public static let standard = Parameters()
    }

    public struct Factor: Hashable, Sendable {
        public enum Kind: String, Sendable {
            case activity, topic, region, state, age, stage
        }

        public let kind: Kind
        /// The feature value, e.g. the topic or region.
        public let value: String
        /// Deals of this investor with that feature.
        public let deals: Int
        /// Contribution to the score (log scale; positive helps).
        public let contribution: Double
    }

    public struct Recommendation: Hashable, Sendable {
        public let investor: String
        public let score: Double
        public let factors: [Factor]
    }

    private struct Portfolio {
        var activity = 0.0
        var deals = 0
        var topics: [String: Int] = [:]
        var topicTotal = 0
        var regions: [String: Int] = [:]
        var states: [String: Int] = [:]
        var ages: [AgeBucket: Int] = [:]
        var stages: [String: Int] = [:]
        var stagedDeals = 0
    }

    enum AgeBucket: String, CaseIterable, Sendable {
        case newborn = "0-1", young = "2-3", growing = "4-7", established = "8+", unknown

        init(foundedYear: Int?, at year: Double) {
            guard let foundedYear else { self = .unknown; return }
            switch Int(year) - foundedYear {
            case ...1: self = .newborn
            case 2...3: self = .young
            case 4...7: self = .growing
            default: self = .established
            }
        }
    }

    /// By investor name, so that equal scores always come out in the same order.
    private let portfolios: [(investor: String, portfolio: Portfolio)]
    private let market: Portfolio
    private let asOf: Double
    public let parameters: Parameters

    public init(history: [PastInvestment], asOf: Double, parameters: Parameters = .standard) {
        var portfolios: [String: Portfolio] = [:]
        var market = Portfolio()
        for deal in history where deal.year < asOf {
            let age = AgeBucket(foundedYear: deal.company.foundedYear, at: deal.year)
            let weight = exp(-(asOf - deal.year) / parameters.activityYears)
            func add(_ portfolio: inout Portfolio) {
                portfolio.activity += weight
                portfolio.deals += 1
                for topic in deal.company.topics { portfolio.topics[topic, default: 0] += 1 }
                portfolio.topicTotal += deal.company.topics.count
                if let region = deal.company.region { portfolio.regions[region, default: 0] += 1 }
                if let state = deal.company.state { portfolio.states[state, default: 0] += 1 }
                portfolio.ages[age, default: 0] += 1
                if let stage = deal.company.stage {
                    portfolio.stages[stage, default: 0] += 1
                    portfolio.stagedDeals += 1
                }
            }
            add(&portfolios[deal.investor, default: Portfolio()])
            add(&market)
        }
        self.portfolios = portfolios.map { ($0.key, $0.value) }.sorted { $0.investor < $1.investor }
        self.market = market
        self.asOf = asOf
        self.parameters = parameters
    }

    public var investorCount: Int { portfolios.count }

    public func recommend(for company: CompanyProfile, limit: Int = 10, excluding: Set<String> = []) -> [Recommendation] {
        let age = AgeBucket(foundedYear: company.foundedYear, at: asOf)
        let scored = portfolios.lazy.filter { !excluding.contains($0.investor) }.map { entry in
            let factors = self.factors(entry.portfolio, company, age)
            return Recommendation(investor: entry.investor, score: factors.reduce(0) { $0 + $1.contribution }, factors: factors)
        }
        return scored.min(count: limit) { $0.score != $1.score ? $0.score > $1.score : $0.investor < $1.investor }
    }

    /// The terms of the score, one per feature.
    private func factors(_ portfolio: Portfolio, _ company: CompanyProfile, _ age: AgeBucket) -> [Factor] {
        let p = parameters
        var factors: [Factor] = [Factor(kind: .activity, value: "", deals: portfolio.deals,
                                        contribution: p.activityWeight * log(portfolio.activity + 1e-3))]
        // A term is the log of the investor's smoothed share of deals with this feature.
        func term(_ kind: Factor.Kind, _ value: String, _ count: Int, _ total: Int, _ marketCount: Int, _ marketTotal: Int,
                  _ weight: Double) -> Factor {
            let prior = (Double(marketCount) + 0.5) / Double(max(marketTotal, 1))
            let share = (Double(count) + p.smoothing * prior) / (Double(total) + p.smoothing)
            return Factor(kind: kind, value: value, deals: count, contribution: weight * log(share))
        }
        if !company.topics.isEmpty {
            // The mean over topics, so that a company with many topics is not penalised.
            let weight = p.topicWeight / Double(company.topics.count)
            for topic in company.topics {
                factors.append(term(.topic, topic, portfolio.topics[topic] ?? 0, portfolio.topicTotal,
                                    market.topics[topic] ?? 0, market.topicTotal, weight))
            }
        }
        if let region = company.region {
            factors.append(term(.region, region, portfolio.regions[region] ?? 0, portfolio.deals,
                                market.regions[region] ?? 0, market.deals, p.regionWeight))
        }
        if let state = company.state {
            factors.append(term(.state, state, portfolio.states[state] ?? 0, portfolio.deals,
                                market.states[state] ?? 0, market.deals, p.stateWeight))
        }
        factors.append(term(.age, age.rawValue, portfolio.ages[age] ?? 0, portfolio.deals,
                            market.ages[age] ?? 0, market.deals, p.ageWeight))
        if let stage = company.stage, market.stagedDeals > 0 {
            factors.append(term(.stage, stage, portfolio.stages[stage] ?? 0, portfolio.stagedDeals,
                                market.stages[stage] ?? 0, market.stagedDeals, p.stageWeight))
        }
        return factors
    }
}
