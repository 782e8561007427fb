/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so a demo
/// network built twice with the same seed is the same network.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

extension Array {
    /// A random element, chosen with the given weights.
    func element(weightedBy weights: [Double], using generator: inout SeededGenerator) -> Element {
        let total = weights.reduce(0, +)
        var point = Double.random(in: 0..<total, using: &generator)
        for (element, weight) in zip(self, weights) {
            if point < weight { return element }
            point -= weight
        }
        return self[endIndex - 1]
    }
}
