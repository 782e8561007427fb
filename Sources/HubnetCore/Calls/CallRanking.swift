import Foundation

/// One criterion of a call: how much it weighs and the scale it is scored on.
public struct CallCriterion: Sendable, Hashable, Codable {
    public var key: String
    public var weight: Double
    public var lowest: Int
    public var highest: Int

    public init(key: String, weight: Double, lowest: Int = 1, highest: Int = 5) {
        self.key = key
        self.weight = weight
        self.lowest = lowest
        self.highest = highest
    }
}

/// A juror's scores for one application, by criterion key.
public struct ReviewScores: Sendable, Hashable {
    public var reviewer: UUID
    public var application: UUID
    public var scores: [String: Int]

    public init(reviewer: UUID, application: UUID, scores: [String: Int]) {
        self.reviewer = reviewer
        self.application = application
        self.scores = scores
    }
}

/// Ranks the applications of a call round from their reviews.
///
/// A review's value is the weighted mean of its criteria, each mapped to 0…1 on its scale, so
/// a criterion scored 1–10 weighs no more than one scored 1–5. With normalisation each
/// juror's values become z-scores over the applications that juror reviewed: a strict juror
/// and a generous one then count alike. Applications whose values are equal (to 10⁻⁹) share a
/// place, as in sport: 1, 2, 2, 4.
public struct CallRanking: Sendable {
    public struct Entry: Sendable, Equatable {
        public let application: UUID
        public let place: Int
        /// Equal to another entry's score, so the place is shared.
        public let tied: Bool
        /// The weighted mean on 0…1, or the mean z-score when normalised.
        public let score: Double
        /// The raw weighted mean on 0…1 (as reviewers scored), for showing beside a z-score.
        public let meanValue: Double
        public let reviews: Int
        /// Highest review value minus lowest, on 0…1.
        public let spread: Double
        /// The spread is above the call's threshold: the jury should talk before deciding.
        public let disagreement: Bool
    }

    public let entries: [Entry]
    /// Applications without any complete review, which cannot be ranked yet.
    public let unreviewed: [UUID]

    public init(applications: [UUID], reviews: [ReviewScores], criteria: [CallCriterion],
                normalisePerReviewer: Bool, disagreementAbove threshold: Double = 0.3) {
        let value: [ReviewScores: Double] = Dictionary(uniqueKeysWithValues: reviews.compactMap { review in
            Self.value(of: review, criteria: criteria).map { (review, $0) }
        })
        var adjusted = value
        if normalisePerReviewer {
            for (_, own) in Dictionary(grouping: value.keys, by: \.reviewer) {
                let values = own.map { value[$0]! }
                let mean = values.reduce(0, +) / Double(values.count)
                let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                // One review, or all alike: nothing to say about this juror's scale.
                for review in own { adjusted[review] = deviation > 1e-9 ? (value[review]! - mean) / deviation : 0 }
            }
        }
        let byApplication = Dictionary(grouping: value.keys, by: \.application)
        var scored: [(application: UUID, score: Double, mean: Double, reviews: Int, spread: Double)] = []
        var unreviewed: [UUID] = []
        for application in applications {
            guard let own = byApplication[application], !own.isEmpty else { unreviewed.append(application); continue }
            let raw = own.map { value[$0]! }
            let score = own.map { adjusted[$0]! }.reduce(0, +) / Double(own.count)
            scored.append((application, score, raw.reduce(0, +) / Double(raw.count), own.count, raw.max()! - raw.min()!))
        }
        scored.sort { ($0.score, $1.application.uuidString) > ($1.score, $0.application.uuidString) }
        var entries: [Entry] = []
        for (index, item) in scored.enumerated() {
            let sameAsAbove = index > 0 && abs(scored[index - 1].score - item.score) < 1e-9
            let sameAsBelow = index + 1 < scored.count && abs(scored[index + 1].score - item.score) < 1e-9
            let place = sameAsAbove ? entries[index - 1].place : index + 1
            entries.append(Entry(application: item.application, place: place, tied: sameAsAbove || sameAsBelow,
                                 score: item.score, meanValue: item.mean, reviews: item.reviews, spread: item.spread,
                                 disagreement: item.reviews > 1 && item.spread > threshold + 1e-12))
        }
        self.entries = entries
        self.unreviewed = unreviewed
    }

    /// A review's weighted mean on 0…1; nil until every criterion is scored within its scale.
    public static func value(of review: ReviewScores, criteria: [CallCriterion]) -> Double? {
        guard !criteria.isEmpty else { return nil }
        var total = 0.0, weights = 0.0
        for criterion in criteria {
            guard let score = review.scores[criterion.key], (criterion.lowest...criterion.highest).contains(score) else { return nil }
            let span = Double(max(1, criterion.highest - criterion.lowest))
            total += criterion.weight * Double(score - criterion.lowest) / span
            weights += criterion.weight
        }
        return weights > 0 ? total / weights : nil
    }
}
