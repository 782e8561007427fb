import Foundation
import HubnetCore

/// The routing desk's panel on a request's page: where it stands, its history, and the steps
/// this reader may take now (each list empty or false when they may not).
public struct RoutingPanelModel: Sendable {
    public struct Entry: Sendable {
        public let step: RoutingStep
        public let actorName: String?
        public let subjectName: String?

        public init(step: RoutingStep, actorName: String?, subjectName: String?) {
            self.step = step
            self.actorName = actorName
            self.subjectName = subjectName
        }
    }

    public struct Recipient: Sendable {
        public let organisation: Organisation
        public let state: RecipientState
        public let outcome: RoutingOutcome?
        /// Names and addresses, once introduced and only for the other side and the agency.
        public let contacts: [String]

        public init(organisation: Organisation, state: RecipientState, outcome: RoutingOutcome?, contacts: [String]) {
            self.organisation = organisation
            self.state = state
            self.outcome = outcome
            self.contacts = contacts
        }
    }

    public var state: RoutingState
    public var history: [Entry] = []
    /// What the reader may see of the recipients: all for the poster and the agency, its own for a recipient.
    public var recipients: [Recipient] = []
    public var referrals: [(hub: String, state: ReferralState)] = []
    public var mayVet = false
    public var mayRoute = false
    public var mayResubmit = false
    public var mayClose = false
    public var mayIntroduce = false
    /// Organisations the reader acts for that were sent the request and have not answered.
    public var answerFor: [Organisation] = []
    /// Introductions whose outcome the reader may record.
    public var outcomeFor: [Organisation] = []
    /// Hubs the reader manages that the request was referred to and that have not answered.
    public var referralsToAnswer: [String] = []
    /// The engine's suggestions for routing and forwarding; the first few are ticked.
    public var candidates: [PartnerRow] = []
    public var hubCandidates: [HubSuggestion] = []
    /// The poster's contacts, for a recipient that was introduced.
    public var posterContacts: [String] = []
    public var csrf: String?

    public init(state: RoutingState) {
        self.state = state
    }

    /// How many suggestions are ticked in the routing form.
    public static let preTicked = 5
}
