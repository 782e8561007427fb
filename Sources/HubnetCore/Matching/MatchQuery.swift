import Algorithms
import Foundation

/// A request for partners: free text, or what the requester seeks and offers (matched
/// crosswise against others' offers and needs), with topics and rules.
public struct MatchQuery: Sendable {
    /// Words searched in every field.
    public var text = ""
    /// What the requester seeks, matched against what others offer.
    public var seeking = ""
    /// What the requester offers, matched against what others seek.
    public var offering = ""
    /// Topic slugs; when empty, topics named in the texts are recognised.
    public var topics: [String] = []
    /// Only these kinds of partner; empty admits all.
    public var kinds: Set<OrganisationKind> = []
    /// Hubs the requester prefers: their members rank higher.
    public var preferredHubs: Set<String> = []
    /// With preferred hubs: admit no one outside them.
    public var onlyPreferredHubs = false
    /// The requester's own hub, for geography: nearby hubs rank a little higher.
    public var homeHub: String?
    /// Never returned, e.g. the requester itself.
    public var excluding: Set<UUID> = []
    public var limit = 20
    /// The day recency is measured from; fixed in tests and benchmarks.
    public var now = Date()

    public init(text: String = "", topics: [String] = [], kinds: Set<OrganisationKind> = [], limit: Int = 20) {
        self.text = text
        self.topics = topics
        self.kinds = kinds
        self.limit = limit
    }

    /// Partners for an organisation: others who offer what it seeks and seek what it offers.
    public init(organisation o: Organisation) {
        seeking = [o.seeks.de, o.seeks.en].joined(separator: "\n")
        offering = [o.offers.de, o.offers.en].joined(separator: "\n")
        text = o.seeks.isEmpty && o.offers.isEmpty ? [o.description.de, o.description.en].joined(separator: "\n") : ""
        // What it seeks comes first: a logistics group asking for AI wants AI partners.
        topics = Array((MatchIndex.recognisedTopics(in: [seeking]) + o.topicSlugs).uniqued())
        homeHub = o.hubSlug
        excluding = [o.id]
    }

    /// Partners for a post: its text is what it seeks (or, for an offer, what it offers);
    /// the kinds it names or its kind's usual partners; its preferred hubs.
    public init(opportunity p: Opportunity, posterHub: String?) {
        if p.kind.describesAnOffer { offering = p.title + "\n" + p.text } else { seeking = p.title + "\n" + p.text }
        topics = p.topicSlugs
        kinds = Set(p.partnerKinds)
        preferredHubs = Set(p.preferredHubs)
        homeHub = posterHub
        excluding = [p.organisationID]
    }
}

/// One reason a result ranks where it does, with the points it earned.
public struct MatchReason: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A word of the query was found in a field.
        case word
        /// What the requester seeks is what this one offers, or the other way round.
        case complement
        /// A topic both share.
        case topic
        /// A topic next to one asked for in the taxonomy.
        case relatedTopic = "related-topic"
        /// Its hub was chosen for a topic asked for.
        case hubFocus = "hub-focus"
        case preferredHub = "preferred-hub"
        /// Its hub is close to the requester's.
        case nearby
        case recent
        /// A rule admitted it: the kind of partner sought.
        case kindSought = "kind-sought"
    }

    public let kind: Kind
    /// The word, topic slug, hub slug or kind the reason is about.
    public let subject: String
    /// Where a word was found.
    public let field: MatchField?
    public let points: Double
    /// The word as the profile writes it, when it differs from the one asked for
    /// ("Versicherungen" for "Versicherung"); set by `locating(in:)`.
    public var inProfile: String?

    /// Reasons worth fewer points are not shown: they explain nothing.
    public static let smallestShown = 0.005

    public init(kind: Kind, subject: String, field: MatchField? = nil, points: Double) {
        self.kind = kind
        self.subject = subject
        self.field = field
        self.points = points
    }
}

public struct MatchResult: Hashable, Sendable {
    public let id: UUID
    public let score: Double
    /// Largest first.
    public let reasons: [MatchReason]
}

/// A hub whose focus fits the request, proposed so a request reaches beyond its own hub.
public struct HubSuggestion: Hashable, Sendable {
    public let hubSlug: String
    /// The focus topics of the hub that fit.
    public let fittingTopics: [String]
    /// How many of the results belong to it.
    public let results: Int
}

public struct MatchOutcome: Sendable {
    public let results: [MatchResult]
    /// The topics the ranking used: the asked ones, or the ones recognised in the text.
    public let topics: [String]
    public let suggestedHubs: [HubSuggestion]
    /// Documents whose score was computed; the rest were ruled out by the score bound.
    public let scored: Int
    /// Documents the search looked at (proposed by a list, or as a topic's member), before
    /// bounds ruled most of them out; blocks passed over whole are not counted.
    public let considered: Int
}
