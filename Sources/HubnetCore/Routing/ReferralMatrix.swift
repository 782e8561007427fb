/// Which hub refers requests to which, how many, and how many the receiving hub answered
/// (forwarded or declined) — the network's cross-hub traffic.
public struct ReferralMatrix: Hashable, Sendable {
    public struct Cell: Hashable, Sendable {
        public var referred = 0
        public var answered = 0
    }

    /// From the referring (home) hub to the referred hub.
    public let cells: [String: [String: Cell]]

    public init(cases: [RoutingCase]) {
        var cells: [String: [String: Cell]] = [:]
        for routingCase in cases {
            for (hub, state) in routingCase.referrals {
                cells[routingCase.homeHub, default: [:]][hub, default: Cell()].referred += 1
                if state != .pending { cells[routingCase.homeHub, default: [:]][hub, default: Cell()].answered += 1 }
            }
        }
        self.cells = cells
    }

    public func cell(from: String, to: String) -> Cell { cells[from]?[to] ?? Cell() }
}
