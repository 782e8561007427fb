import Foundation
import Algorithms

/// The rankings the recommender must beat, built from the same history.
public struct InvestorBaselines: Sendable {
    private let deals: [String: Int]
    private let topicDeals: [String: [String: Int]]
    private let regionDeals: [String: [String: Int]]
    private let mostActive: [String]

    public init(history: [PastInvestment], asOf: Double) {
        var deals: [String: Int] = [:]
        var topicDeals: [String: [String: Int]] = [:]
        var regionDeals: [String: [String: Int]] = [:]
        for deal in history where deal.year < asOf {
            deals[deal.investor, default: 0] += 1
            for topic in deal.company.topics { topicDeals[topic, default: [:]][deal.investor, default: 0] += 1 }
            if let region = deal.company.region { regionDeals[region, default: [:]][deal.investor, default: 0] += 1 }
        }
        self.deals = deals
        self.topicDeals = topicDeals
        self.regionDeals = regionDeals
        self.mostActive = deals.keys.sorted { (deals[$0]!, $1) > (deals[$1]!, $0) }
    }

    /// "Most active investors": the same list for everyone.
    public func mostActive(limit: Int) -> [String] {
        Array(mostActive.prefix(limit))
    }

    /// "Most active in the company's category and region", backing off to the category, then
    /// the region, then overall activity when too few investors share both.
    public func mostActiveInCategoryAndRegion(_ company: CompanyProfile, limit: Int) -> [String] {
        let topic = company.topics.first ?? ""
        let inTopic = topicDeals[topic] ?? [:]
        let inRegion = company.region.flatMap { regionDeals[$0] } ?? [:]
        func key(_ investor: String) -> (Int, Int, Int, Int) {
            let t = inTopic[investor] ?? 0, r = inRegion[investor] ?? 0
            return (t > 0 && r > 0 ? t : 0, t, r, deals[investor] ?? 0)
        }
        let candidates = Set(inTopic.keys).union(inRegion.keys)
        var ranked = candidates.min(count: limit) { lhs, rhs in
            let (left, right) = (key(lhs), key(rhs))
            return left != right ? left > right : lhs < rhs
        }
        if ranked.count < limit {
            let chosen = Set(ranked)
            ranked += mostActive.lazy.filter { !chosen.contains($0) }.prefix(limit - ranked.count)
        }
        return ranked
    }
}

/// Recall and nDCG of rankings against the investors who really invested.
public struct RankingQuality: Sendable {
    private(set) var recallAt10 = 0.0
    private(set) var recallAt50 = 0.0
    private(set) var ndcgAt10 = 0.0
    private(set) var cases = 0

    public init() {}

    public mutating func add(ranking: [String], truth: Set<String>) {
        guard !truth.isEmpty else { return }
        cases += 1
        recallAt10 += Double(Set(ranking.prefix(10)).intersection(truth).count) / Double(truth.count)
        recallAt50 += Double(Set(ranking.prefix(50)).intersection(truth).count) / Double(truth.count)
        let gain = ranking.prefix(10).enumerated().reduce(0.0) { $0 + (truth.contains($1.element) ? 1 / log2(Double($1.offset) + 2) : 0) }
        let ideal = (0..<min(10, truth.count)).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
        ndcgAt10 += gain / ideal
    }

    public var figures: InvestorEvaluation.Figures {
        let n = Double(max(cases, 1))
        return .init(recallAt10: recallAt10 / n, recallAt50: recallAt50 / n, ndcgAt10: ndcgAt10 / n)
    }

    public var count: Int { cases }
}
