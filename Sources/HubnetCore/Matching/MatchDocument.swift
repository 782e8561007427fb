import Foundation

/// What the match index knows of an organisation or an opportunity: its words by field and
/// the facts the ranking rules use. Texts are not kept once indexed.
public struct MatchDocument: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case organisation(OrganisationKind)
        case opportunity(OpportunityKind)
    }

    public var id: UUID
    public var kind: Kind
    public var name: String
    public var description: String
    public var offers: String
    public var seeks: String
    public var topicSlugs: [String]
    public var hubSlug: String?
    /// When it last changed; recent documents get a little more weight.
    public var updated: Date?

    public init(
        id: UUID, kind: Kind, name: String, description: String, offers: String = "", seeks: String = "",
        topicSlugs: [String], hubSlug: String?, updated: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.description = description
        self.offers = offers
        self.seeks = seeks
        self.topicSlugs = topicSlugs
        self.hubSlug = hubSlug
        self.updated = updated
    }

    /// Both languages go into the same fields, so a German query finds an English-only profile
    /// by name, topic labels and shared words, and the other way round.
    public init(organisation o: Organisation, updated: Date? = nil) {
        self.init(id: o.id, kind: .organisation(o.kind), name: o.name, description: Self.join(o.description),
                  offers: Self.join(o.offers), seeks: Self.join(o.seeks), topicSlugs: o.topicSlugs, hubSlug: o.hubSlug,
                  updated: updated)
    }

    /// A post's text says what its author seeks, or for a partnering offer what it offers.
    public init(opportunity p: Opportunity, hubSlug: String?) {
        self.init(id: p.id, kind: .opportunity(p.kind), name: p.title, description: "",
                  offers: p.kind.describesAnOffer ? p.text : "", seeks: p.kind.describesAnOffer ? "" : p.text,
                  topicSlugs: p.topicSlugs, hubSlug: hubSlug, updated: p.created)
    }

    private static func join(_ text: LocalizedText) -> String {
        text.de == text.en ? text.de : text.de + "\n" + text.en
    }
}

/// The fields of a document; weights say how much a word found there counts.
public enum MatchField: Int, CaseIterable, Sendable, Codable {
    case name, description, offers, seeks, topics

    public var key: String {
        switch self {
        case .name: "name"
        case .description: "description"
        case .offers: "offers"
        case .seeks: "seeks"
        case .topics: "topics"
        }
    }
}
