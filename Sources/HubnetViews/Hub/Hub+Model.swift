import Foundation
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

    /// An open post of one of the hub's organisations, as the viewer may see it.
    public struct Post: Sendable {
        public let id: UUID
        public let title: String
        public let kind: OpportunityKind
        /// Nil for an anonymous post.
        public let poster: String?

        public init(id: UUID, title: String, kind: OpportunityKind, poster: String?) {
            self.id = id
            self.title = title
            self.kind = kind
            self.poster = poster
        }
    }

    public let hub: Hub
    public let groups: [KindGroup]
    public let topicCounts: [String: Int]
    /// The newest open posts of the hub's organisations.
    public let posts: [Post]

    public init(hub: Hub, groups: [KindGroup], topicCounts: [String: Int], posts: [Post] = []) {
        self.hub = hub
        self.groups = groups
        self.topicCounts = topicCounts
        self.posts = posts
    }

    var total: Int { groups.reduce(0) { $0 + $1.total } }
}
