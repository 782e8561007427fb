import Foundation

/// Invented deals between the demo network's investors and startups, so that investor
/// recommendations have a history to learn from: each investor sticks mostly to its topics,
/// its region and a range of stages, as real portfolios do.
public struct DemoInvestments: Sendable {
    public let seed: UInt64

    /// The day demo histories end: fixed, so that a seed always gives the same deals.
    public static let referenceDay = Date(timeIntervalSince1970: 1_764_547_200) // 2025-12-01

    public init(seed: UInt64 = 2017) {
        self.seed = seed
    }

    public func investments(among organisations: [Organisation], until end: Date = referenceDay) -> [Investment] {
        var generator = SeededGenerator(seed: seed ^ 0x1E7E57)
        let startups = organisations.filter { $0.kind == .startup }
        guard !startups.isEmpty else { return [] }
        // Indexed once: a network of 100,000 has some 9,000 investors making deals in it.
        var byTopic: [String: [Organisation]] = [:]
        var byTopicAndHub: [[String]: [Organisation]] = [:]
        for startup in startups {
            for topic in startup.topicSlugs {
                byTopic[topic, default: []].append(startup)
                byTopicAndHub[[topic, startup.hubSlug], default: []].append(startup)
            }
        }
        let calendar = Calendar(identifier: .gregorian)
        let stages = FundingStage.allCases
        var deals: [Investment] = []
        var seen = Set<[UUID]>()
        for investor in organisations where investor.kind == .investor {
            // A few very active funds, many small ones.
            let dealCount = Int((pow(Double.random(in: 0.05...1, using: &generator), 2.5) * 40).rounded()) + 1
            let firstStage = Int.random(in: 0..<stages.count, using: &generator)
            let stageRange = stages[firstStage...min(stages.count - 1, firstStage + 1)]
            for _ in 0..<dealCount {
                let roll = Double.random(in: 0..<1, using: &generator)
                let pool: [Organisation]
                if roll < 0.75, let topic = investor.topicSlugs.randomElement(using: &generator), let fitting = byTopic[topic] {
                    // Mostly its own topics, and within them its own hub more often than not.
                    let local = byTopicAndHub[[topic, investor.hubSlug]] ?? []
                    pool = !local.isEmpty && Bool.random(using: &generator) ? local : fitting
                } else {
                    pool = startups
                }
                let company = pool.randomElement(using: &generator)!
                guard seen.insert([investor.id, company.id]).inserted else { continue }
                let daysBack = Double(Int.random(in: 30...(6 * 365), using: &generator))
                deals.append(Investment(investorID: investor.id, companyID: company.id,
                                        fundedOn: calendar.startOfDay(for: end.addingTimeInterval(-daysBack * 86_400)),
                                        stage: stageRange.randomElement(using: &generator)))
            }
        }
        return deals
    }
}
