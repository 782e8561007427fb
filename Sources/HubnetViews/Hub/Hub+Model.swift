import HubnetCore

public struct HubModel: Sendable {
    public struct KindGroup: Sendable {
        public let kind: OrganisationKind
        public let total: Int
        /// The first few in name order; the directory holds the rest.
        public let organisations: [Organisation]

        public init(kind: OrganisationKind, total: Int, organisations: [Organisation]) {
            self.kind = kind
            self.total = total
            self.organisations = organisations
        }
    }

    public let hub: Hub
    public let groups: [KindGroup]
    public let topicCounts: [String: Int]

    public init(hub: Hub, groups: [KindGroup], topicCounts: [String: Int]) {
        self.hub = hub
        self.groups = groups
        self.topicCounts = topicCounts
    }

    var total: Int { groups.reduce(0) { $0 + $1.total } }
}
