import Foundation

/// Medians and tails of a list of timings in milliseconds.
struct Latencies {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        // Nearest rank: the smallest value with at least p of all values at or below it.
        let rank = Int((Double(sorted.count) * p).rounded(.up))
        return sorted[min(max(rank - 1, 0), sorted.count - 1)]
    }

    func line(name: String) -> String {
        "\(name): p50 \(Self.format(percentile(0.5))) ms, p95 \(Self.format(percentile(0.95))) ms, "
            + "p99 \(Self.format(percentile(0.99))) ms (n=\(sorted.count))"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// Keys like `sqlite_p50_ms`, or `p50_ms` without a prefix.
    func figures(prefix: String) -> [String: Any] {
        let p = prefix.isEmpty ? "" : prefix + "_"
        return ["\(p)p50_ms": BenchCommand.round(percentile(0.5)), "\(p)p95_ms": BenchCommand.round(percentile(0.95)),
                "\(p)p99_ms": BenchCommand.round(percentile(0.99))]
    }
}
