/// How well investors are recommended, measured on a real funding history: learn from the
/// deals before one date, then, for each company whose first funding falls between that date
/// and a second one, rank investors knowing only its profile and check the ranking against
/// the investors who really funded it.
public struct InvestorEvaluation: Sendable {
    public struct Company: Sendable {
        public let id: String
        public let profile: CompanyProfile
        /// Decimal year of the first funding round, when known.
        public let firstFunding: Double?

        public init(id: String, profile: CompanyProfile, firstFunding: Double?) {
            self.id = id
            self.profile = profile
            self.firstFunding = firstFunding
        }
    }

    public struct Deal: Sendable {
        public let companyID: String
        public let investor: String
        public let year: Double

        public init(companyID: String, investor: String, year: Double) {
            self.companyID = companyID
            self.investor = investor
            self.year = year
        }
    }

    public struct Figures: Sendable, Equatable {
        public let recallAt10: Double
        public let recallAt50: Double
        public let ndcgAt10: Double
    }

    public struct Report: Sendable {
        public let trainingDeals: Int
        public let investors: Int
        public let testCompanies: Int
        public let engine: Figures
        public let mostActive: Figures
        public let categoryAndRegion: Figures

        public var bestBaseline: Figures {
            mostActive.recallAt10 >= categoryAndRegion.recallAt10 ? mostActive : categoryAndRegion
        }

        /// The engine's recall@10 over the best baseline's; the goal is at least 1.5.
        public var liftOverBestBaseline: Double {
            bestBaseline.recallAt10 > 0 ? engine.recallAt10 / bestBaseline.recallAt10 : .infinity
        }
    }

    public let companies: [Company]
    public let deals: [Deal]
    public var parameters: InvestorRecommender.Parameters

    public init(companies: [Company], deals: [Deal], parameters: InvestorRecommender.Parameters = .standard) {
        self.companies = companies
        self.deals = deals
        self.parameters = parameters
    }

    public func run(trainBefore: Double, testBefore: Double) -> Report {
        let profiles = Dictionary(companies.map { ($0.id, $0.profile) }, uniquingKeysWith: { first, _ in first })
        let history = deals.compactMap { deal -> PastInvestment? in
            guard deal.year < trainBefore, let profile = profiles[deal.companyID] else { return nil }
            return PastInvestment(investor: deal.investor, company: profile, year: deal.year)
        }
        var truth: [String: Set<String>] = [:]
        for deal in deals where deal.year >= trainBefore && deal.year < testBefore {
            truth[deal.companyID, default: []].insert(deal.investor)
        }
        let recommender = InvestorRecommender(history: history, asOf: trainBefore, parameters: parameters)
        let baselines = InvestorBaselines(history: history, asOf: trainBefore)
        var engine = RankingQuality(), mostActive = RankingQuality(), categoryAndRegion = RankingQuality()
        let mostActiveRanking = baselines.mostActive(limit: 50)
        for company in companies {
            guard let first = company.firstFunding, first >= trainBefore, first < testBefore,
                  let investors = truth[company.id], !investors.isEmpty else { continue }
            engine.add(ranking: recommender.recommend(for: company.profile, limit: 50).map(\.investor), truth: investors)
            mostActive.add(ranking: mostActiveRanking, truth: investors)
            categoryAndRegion.add(ranking: baselines.mostActiveInCategoryAndRegion(company.profile, limit: 50), truth: investors)
        }
        return Report(trainingDeals: history.count, investors: recommender.investorCount, testCompanies: engine.count,
                      engine: engine.figures, mostActive: mostActive.figures, categoryAndRegion: categoryAndRegion.figures)
    }
}
