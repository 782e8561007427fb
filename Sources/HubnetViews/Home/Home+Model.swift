import HubnetCore

public struct HomeModel: Sendable {
    /// Organisations per hub slug and kind.
    public let counts: [String: [OrganisationKind: Int]]

    public init(counts: [String: [OrganisationKind: Int]]) {
        self.counts = counts
    }

    func total(hub: String) -> Int { counts[hub]?.values.reduce(0, +) ?? 0 }
    func total(kind: OrganisationKind) -> Int { counts.values.reduce(0) { $0 + ($1[kind] ?? 0) } }
    var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
}
