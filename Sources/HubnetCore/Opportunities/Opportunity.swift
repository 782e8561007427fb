import Algorithms
import Foundation

/// The typed posts of the network.
public enum OpportunityKind: String, CaseIterable, Codable, Sendable {
    /// A corporate or Mittelstand problem seeking solutions.
    case challenge
    case partneringOffer = "partnering-offer"
    case partneringRequest = "partnering-request"
    /// A startup raising money.
    case investmentSearch = "investment-search"
    /// An outside company looking for innovation in a field.
    case scoutingRequest = "scouting-request"

    public var label: LocalizedText {
        switch self {
        case .challenge: .init(de: "Challenge", en: "Challenge")
        case .partneringOffer: .init(de: "Kooperationsangebot", en: "Partnering offer")
        case .partneringRequest: .init(de: "Kooperationsgesuch", en: "Partnering request")
        case .investmentSearch: .init(de: "Investorensuche", en: "Investment search")
        case .scoutingRequest: .init(de: "Scouting-Anfrage", en: "Scouting request")
        }
    }

    /// Whether the post's text says what the poster offers; every other kind says what it seeks,
    /// and is matched against what others offer.
    public var describesAnOffer: Bool { self == .partneringOffer }

    /// The partners a post of this kind looks for when its author names none.
    public var usualPartners: [OrganisationKind] {
        switch self {
        case .challenge, .scoutingRequest: [.startup, .research, .mittelstand]
        case .partneringOffer, .partneringRequest: []
        case .investmentSearch: [.investor]
        }
    }
}

/// Who may see a post, after the EEN partnering database: everyone; signed-in members of the
/// network; members of the poster's hub; or everyone, without the poster's name.
public enum OpportunityVisibility: String, CaseIterable, Codable, Sendable {
    case `public`
    case network
    case hubOnly = "hub-only"
    case anonymous

    public var label: LocalizedText {
        switch self {
        case .public: .init(de: "Öffentlich", en: "Public")
        case .network: .init(de: "Nur im Netzwerk", en: "Network members only")
        case .hubOnly: .init(de: "Nur im eigenen Hub", en: "Own hub only")
        case .anonymous: .init(de: "Öffentlich, ohne Absender", en: "Public, without the poster's name")
        }
    }
}

/// Something an organisation posted to the network.
public struct Opportunity: Hashable, Sendable, Identifiable, Codable {
    public var id: UUID
    public var organisationID: UUID
    public var kind: OpportunityKind
    public var title: String
    public var text: String
    /// The language the post is written in; posts are not translated.
    public var language: SiteLanguage
    public var topicSlugs: [String]
    public var soughtKinds: [OrganisationKind]
    /// Hubs the poster prefers; empty means the whole network.
    public var preferredHubs: [String]
    /// The last day answers are welcome.
    public var deadline: Date?
    public var visibility: OpportunityVisibility
    public var created: Date

    public init(
        id: UUID = UUID(), organisationID: UUID, kind: OpportunityKind, title: String, text: String, language: SiteLanguage,
        topicSlugs: [String], soughtKinds: [OrganisationKind] = [], preferredHubs: [String] = [], deadline: Date? = nil,
        visibility: OpportunityVisibility = .public, created: Date = Date()
    ) {
        self.id = id
        self.organisationID = organisationID
        self.kind = kind
        self.title = title
        self.text = text
        self.language = language
        self.topicSlugs = topicSlugs
        self.soughtKinds = soughtKinds
        self.preferredHubs = preferredHubs
        self.deadline = deadline
        self.visibility = visibility
        self.created = created
    }

    /// The partner kinds matching looks for: the ones the poster named, or the usual ones.
    public var partnerKinds: [OrganisationKind] { soughtKinds.isEmpty ? kind.usualPartners : soughtKinds }

    public func isOpen(on day: Date = Date()) -> Bool {
        guard let deadline else { return true }
        return deadline >= Calendar(identifier: .gregorian).startOfDay(for: day)
    }
}

extension Opportunity {
    /// Whether someone may see this post. `memberHubs` are the hubs of the organisations the
    /// actor acts for; the poster's hub decides "hub only".
    public func isVisible(to actor: Principal, memberHubs: Set<String>, posterHub: String) -> Bool {
        switch visibility {
        case .public, .anonymous: true
        case .network: actor.isSignedIn
        case .hubOnly: actor.actsFor(organisation: organisationID) || actor.manages(hub: posterHub) || memberHubs.contains(posterHub)
        }
    }

    /// The same with the post's place in the routing desk (nil: it never went through it, as
    /// seeded and imported posts): unvetted posts only for the poster and its hub's staff;
    /// a routed one also for the organisations and hubs it was sent to.
    public func isVisible(to actor: Principal, memberHubs: Set<String>, posterHub: String, routing: RoutingCase?) -> Bool {
        if actor.actsFor(organisation: organisationID) || actor.manages(hub: posterHub) { return true }
        if let routing {
            if routing.recipients.keys.contains(where: actor.actsFor(organisation:)) { return true }
            if routing.referrals.keys.contains(where: actor.manages(hub:)) { return true }
            guard routing.state.isPublished else { return false }
        }
        return isVisible(to: actor, memberHubs: memberHubs, posterHub: posterHub)
    }

    /// Whether the poster's name may be shown: an anonymous post names it only to the poster
    /// and to the agency and hub staff who route it.
    public func showsPoster(to actor: Principal, posterHub: String) -> Bool {
        visibility != .anonymous || actor.actsFor(organisation: organisationID) || actor.manages(hub: posterHub)
    }
}

extension Opportunity {
    public static let titleLength = 3...160
    public static let textLength = 10...5_000

    /// Trims what a person typed and checks every rule; the field names are the API's.
    /// `today` is given when the deadline must not lie in the past (new posts and edits of it).
    public func validated(today: Date? = nil) throws(ValidationFailure) -> Opportunity {
        var post = self
        post.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        post.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        post.topicSlugs = Array(topicSlugs.uniqued())
        post.soughtKinds = Array(soughtKinds.uniqued())
        post.preferredHubs = Array(preferredHubs.uniqued())

        var check = ProblemCollector()
        check.clean([("title", post.title, false), ("text", post.text, true)])
        check(Self.titleLength.contains(post.title.count), "title",
              de: "Der Titel muss 3 bis 160 Zeichen lang sein.", en: "The title must be 3 to 160 characters long.")
        check(Self.textLength.contains(post.text.count), "text",
              de: "Der Text muss 10 bis 5000 Zeichen lang sein.", en: "The text must be 10 to 5000 characters long.")
        check.topics(post.topicSlugs)
        let unknownHubs = post.preferredHubs.filter { Network.hub($0) == nil }
        check(unknownHubs.isEmpty, "preferredHubs",
              de: "Unbekannte Hubs: \(unknownHubs.joined(separator: ", ")).",
              en: "Unknown hubs: \(unknownHubs.joined(separator: ", ")).")
        if let today, let deadline = post.deadline {
            check(deadline >= Calendar(identifier: .gregorian).startOfDay(for: today), "deadline",
                  de: "Die Frist darf nicht in der Vergangenheit liegen.", en: "The deadline must not lie in the past.")
        }
        try check.throwIfAny()
        return post
    }
}
