import Foundation
import HubnetCore

/// A post as the reader may see it: the poster is nil when the post is anonymous to them.
public struct OpportunityRow: Sendable {
    public let opportunity: Opportunity
    public let poster: Organisation?
    public let posterHub: String

    public init(opportunity: Opportunity, poster: Organisation?, posterHub: String) {
        self.opportunity = opportunity
        self.poster = poster
        self.posterHub = posterHub
    }
}

public struct OpportunityListModel: Sendable {
    public let rows: [OpportunityRow]
    public let kind: OpportunityKind?
    public let canPost: Bool

    public init(rows: [OpportunityRow], kind: OpportunityKind?, canPost: Bool) {
        self.rows = rows
        self.kind = kind
        self.canPost = canPost
    }
}

public struct OpportunityModel: Sendable {
    public let row: OpportunityRow
    public let partners: [PartnerRow]
    public let suggestedHubs: [HubSuggestion]
    /// Set when the reader may withdraw the post.
    public let csrf: String?
    /// The routing desk's panel, for posts that go through it.
    public let routing: RoutingPanelModel?
    /// What the last step said, or why it could not be taken.
    public let notice: String?
    public let problem: String?

    public init(row: OpportunityRow, partners: [PartnerRow], suggestedHubs: [HubSuggestion], csrf: String?,
                routing: RoutingPanelModel? = nil, notice: String? = nil, problem: String? = nil) {
        self.row = row
        self.partners = partners
        self.suggestedHubs = suggestedHubs
        self.csrf = csrf
        self.routing = routing
        self.notice = notice
        self.problem = problem
    }
}

/// The new-post form, as sent back with its problems.
public struct OpportunityFormModel: Sendable {
    public var organisations: [Organisation]
    public var organisationID: UUID?
    public var kind: OpportunityKind = .challenge
    public var title = ""
    public var text = ""
    public var language: SiteLanguage = .de
    public var topics: [String] = []
    public var soughtKinds: [OrganisationKind] = []
    public var preferredHubs: [String] = []
    public var deadline = ""
    public var visibility: OpportunityVisibility = .public
    public var problems: [FieldProblem] = []
    public var csrf: String

    public init(organisations: [Organisation], csrf: String) {
        self.organisations = organisations
        self.organisationID = organisations.first?.id
        self.csrf = csrf
    }
}
