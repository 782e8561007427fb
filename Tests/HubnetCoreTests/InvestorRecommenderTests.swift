import Foundation
@testable import HubnetCore
import Testing

@Suite struct InvestorRecommenderTests {
    /// Ten funds, each backing one category in one region; one generalist that does the most deals.
    static func history() -> (companies: [InvestorEvaluation.Company], deals: [InvestorEvaluation.Deal]) {
        var companies: [InvestorEvaluation.Company] = []
        var deals: [InvestorEvaluation.Deal] = []
        let categories = ["biotech", "games", "fintech", "cleantech", "robotics"]
        let regions = ["Berlin", "Munich"]
        for (c, category) in categories.enumerated() {
            for (r, region) in regions.enumerated() {
                let fund = "Fund \(category) \(region)"
                for n in 0..<12 {
                    let id = "\(category)-\(region)-\(n)"
                    let year = 2008.0 + Double(n) / 3
                    companies.append(.init(id: id, profile: CompanyProfile(topics: [category], region: region, state: nil, foundedYear: 2007),
                                           firstFunding: year))
                    deals.append(.init(companyID: id, investor: fund, year: year))
                    if (n + c + r) % 2 == 0 { deals.append(.init(companyID: id, investor: "Generalist", year: year)) }
                }
            }
        }
        return (companies, deals)
    }

    @Test func aCompanyWithoutHistoryGetsTheFundsOfItsKindFirstWithReasons() {
        let (companies, deals) = Self.history()
        let profiles = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0.profile) })
        let past = deals.map { PastInvestment(investor: $0.investor, company: profiles[$0.companyID]!, year: $0.year) }
        let recommender = InvestorRecommender(history: past, asOf: 2012)
        let newcomer = CompanyProfile(topics: ["games"], region: "Munich", state: nil, foundedYear: 2011)
        let top = recommender.recommend(for: newcomer, limit: 3)
        #expect(top.first?.investor == "Fund games Munich")
        let topic = top.first?.factors.first { $0.kind == .topic }
        #expect(topic?.value == "games")
        #expect(topic?.deals == 12)
        #expect(topic?.explanation.en == "12 deals in games")
    }

    @Test func theEngineBeatsBothBaselinesOnAHeldOutYear() {
        let (companies, deals) = Self.history()
        let report = InvestorEvaluation(companies: companies, deals: deals).run(trainBefore: 2010, testBefore: 2012)
        #expect(report.testCompanies > 0)
        #expect(report.engine.recallAt10 > report.mostActive.recallAt10)
        #expect(report.engine.recallAt10 >= report.categoryAndRegion.recallAt10)
        #expect(report.liftOverBestBaseline >= 1)
    }
}
