import Foundation
import HubnetCore

/// An organisation proposed as a partner, with the reasons to show.
public struct PartnerRow: Sendable {
    public let organisation: Organisation
    public let score: Double
    public let reasons: [MatchReason]

    public init(organisation: Organisation, score: Double, reasons: [MatchReason]) {
        self.organisation = organisation
        self.score = score
        self.reasons = reasons
    }
}

public struct InvestorRow: Sendable {
    public let investor: Organisation
    public let factors: [InvestorRecommender.Factor]

    public init(investor: Organisation, factors: [InvestorRecommender.Factor]) {
        self.investor = investor
        self.factors = factors
    }

    /// The factors worth telling: the portfolio's size and what it shares with the company.
    var shownFactors: [InvestorRecommender.Factor] {
        factors.filter { $0.kind == .activity || $0.deals > 0 }
    }
}

/// The find-partners page: the form as sent, and the results once there are words or topics.
public struct FindPartnersModel: Sendable {
    public var text = ""
    public var topic: String?
    public var kind: OrganisationKind?
    public var hub: String?
    public var onlyHub = false
    public var rows: [PartnerRow]?
    public var topics: [String] = []
    public var suggestedHubs: [HubSuggestion] = []
    public var problems: [FieldProblem] = []

    public init() {}
}

/// Partners, fitting posts and, for a startup, investors for one organisation.
public struct OrganisationMatchesModel: Sendable {
    public let organisation: Organisation
    public let rows: [PartnerRow]
    public let suggestedHubs: [HubSuggestion]
    public let opportunities: [(OpportunityRow, [MatchReason])]

    public init(organisation: Organisation, rows: [PartnerRow], suggestedHubs: [HubSuggestion], opportunities: [(OpportunityRow, [MatchReason])]) {
        self.organisation = organisation
        self.rows = rows
        self.suggestedHubs = suggestedHubs
        self.opportunities = opportunities
    }
}

public struct InvestorsModel: Sendable {
    public let company: Organisation
    public let rows: [InvestorRow]

    public init(company: Organisation, rows: [InvestorRow]) {
        self.company = company
        self.rows = rows
    }
}
