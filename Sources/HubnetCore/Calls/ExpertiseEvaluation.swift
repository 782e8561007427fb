import Algorithms

/// The reviewer gold standard's measures (Stelmakh et al., 2023): people rated their own
/// expertise for papers; a predictor is judged on every pair of papers one person rated.
public enum ExpertiseEvaluation {
    public struct Figures: Sendable {
        /// Weighted pairwise loss: the rating gap of each wrongly ordered pair, half of it for
        /// a tie, over the sum of all gaps. Lower is better.
        public let loss: Double
        /// Correctly ordered pairs where one rating is ≥ 4 and the other ≤ 2.
        public let easyAccuracy: Double
        /// Correctly ordered pairs where both ratings are ≥ 4 and differ.
        public let hardAccuracy: Double
        public let easyPairs: Int
        public let hardPairs: Int
    }

    /// `ratings` and `predictions`: per person, per paper. Papers without a prediction count as 0.
    public static func figures(ratings: [String: [String: Double]], predictions: [String: [String: Double]]) -> Figures {
        var loss = 0.0, gaps = 0.0
        var easy = (right: 0, all: 0), hard = (right: 0, all: 0)
        for (person, rated) in ratings {
            for pair in rated.keys.sorted().combinations(ofCount: 2) {
                let (first, second) = (pair[0], pair[1])
                let truth = rated[first]! - rated[second]!
                let predicted = (predictions[person]?[first] ?? 0) - (predictions[person]?[second] ?? 0)
                gaps += abs(truth)
                if predicted * truth == 0 {
                    loss += abs(truth) / 2
                } else if predicted * truth < 0 {
                    loss += abs(truth)
                }
                guard truth != 0 else { continue }
                let (low, high) = (min(rated[first]!, rated[second]!), max(rated[first]!, rated[second]!))
                let right = predicted * truth > 0 ? 1 : 0
                if low >= 4 { hard.right += right; hard.all += 1 }
                if high >= 4, low <= 2 { easy.right += right; easy.all += 1 }
            }
        }
        return Figures(loss: gaps > 0 ? loss / gaps : 0,
                       easyAccuracy: easy.all > 0 ? Double(easy.right) / Double(easy.all) : 0,
                       hardAccuracy: hard.all > 0 ? Double(hard.right) / Double(hard.all) : 0,
                       easyPairs: easy.all, hardPairs: hard.all)
    }
}
