import Foundation
import HubnetActions
import HubnetCore
import Vapor

struct MatchReasonDTO: Content {
    let kind: String
    let subject: String
    let field: String?
    let points: Double
    let explanation: LocalizedTextDTO

    init(_ reason: MatchReason) {
        kind = reason.kind.rawValue
        subject = reason.subject
        field = reason.field?.key
        points = reason.points.thousandths
        explanation = .init(reason.explanation)
    }

    /// `field` is always there, null for reasons that come from no field of the profile.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(subject, forKey: .subject)
        try container.encode(field, forKey: .field)
        try container.encode(points, forKey: .points)
        try container.encode(explanation, forKey: .explanation)
    }
}

struct PartnerDTO: Content {
    let organisation: OrganisationDTO
    let score: Double
    let reasons: [MatchReasonDTO]
}

struct HubSuggestionDTO: Content {
    let hub: String
    let fittingTopics: [String]
    let results: Int
}

struct PartnerListDTO: Content {
    /// The topics the ranking used: asked for, or recognised in the text.
    let topics: [String]
    /// Hubs whose focus fits, beyond the requester's own.
    let suggestedHubs: [HubSuggestionDTO]
    let items: [PartnerDTO]

    init(_ list: PartnerList) {
        topics = list.topics
        suggestedHubs = list.suggestedHubs.map { HubSuggestionDTO(hub: $0.hubSlug, fittingTopics: $0.fittingTopics, results: $0.results) }
        items = list.matches.map { match in
            PartnerDTO(organisation: OrganisationDTO(match.organisation), score: match.result.score.thousandths,
                       reasons: match.result.reasons.map(MatchReasonDTO.init))
        }
    }
}

struct InvestorFactorDTO: Content {
    let kind: String
    let value: String
    let deals: Int
    let contribution: Double
    let explanation: LocalizedTextDTO
}

struct InvestorDTO: Content {
    let investor: OrganisationDTO
    let score: Double
    let factors: [InvestorFactorDTO]
}

struct InvestorListDTO: Content {
    let company: String
    let items: [InvestorDTO]

    init(company: Organisation, _ investors: [RecommendedInvestor]) {
        self.company = company.id.uuidString.lowercased()
        items = investors.map { entry in
            InvestorDTO(investor: OrganisationDTO(entry.investor), score: entry.recommendation.score.thousandths,
                        factors: entry.recommendation.factors.map {
                            InvestorFactorDTO(kind: $0.kind.rawValue, value: $0.value, deals: $0.deals,
                                              contribution: $0.contribution.thousandths, explanation: .init($0.explanation))
                        })
        }
    }
}

struct OpportunityDTO: Content {
    let id: String
    /// Null when the post is anonymous to the reader.
    let organisation: String?
    let organisationName: String?
    let kind: String
    let title: String
    let text: String
    let language: String
    let topics: [String]
    let soughtKinds: [String]
    let preferredHubs: [String]
    let deadline: String?
    let visibility: String
    let created: String
    /// Its place in the routing desk; nil for posts that never went through it.
    var state: String?

    init(_ p: Opportunity, poster: Organisation?, showsPoster: Bool = true) {
        id = p.id.uuidString.lowercased()
        organisation = showsPoster ? p.organisationID.uuidString.lowercased() : nil
        organisationName = showsPoster ? poster?.name : nil
        kind = p.kind.rawValue
        title = p.title
        text = p.text
        language = p.language.rawValue
        topics = p.topicSlugs
        soughtKinds = p.soughtKinds.map(\.rawValue)
        preferredHubs = p.preferredHubs
        deadline = p.deadline.map(OpportunityInput.day.string(from:))
        visibility = p.visibility.rawValue
        created = p.created.formatted(.iso8601)
    }

    init(_ visible: VisibleOpportunity) {
        self.init(visible.opportunity, poster: visible.poster, showsPoster: visible.poster != nil)
        state = visible.routing?.state.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(organisationName, forKey: .organisationName)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(text, forKey: .text)
        try c.encode(language, forKey: .language)
        try c.encode(topics, forKey: .topics)
        try c.encode(soughtKinds, forKey: .soughtKinds)
        try c.encode(preferredHubs, forKey: .preferredHubs)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(visibility, forKey: .visibility)
        try c.encode(created, forKey: .created)
        try c.encode(state, forKey: .state)
    }
}

/// A request's place in the routing desk, as far as the reader may see it: the poster's side
/// and the agency see everything; a recipient sees itself and the steps about the whole.
struct RoutingDTO: Content {
    struct Recipient: Content {
        let organisation: String
        let state: String
        let outcome: String?
    }

    struct Referral: Content {
        let hub: String
        let state: String
    }

    struct Step: Content {
        let event: String
        let from: String
        let to: String
        let actor: String?
        let at: String
        let note: String
        let subject: String?
    }

    let state: String
    let recipients: [Recipient]
    let referrals: [Referral]
    let history: [Step]

    init(_ routing: RoutingCase, poster: UUID, for actor: Principal) {
        let whole = routing.showsWholeCase(to: actor, poster: poster)
        state = routing.state.rawValue
        recipients = routing.recipients(visibleTo: actor, poster: poster).map {
            Recipient(organisation: $0.lowercased, state: (routing.recipients[$0] ?? .invited).rawValue, outcome: routing.outcomes[$0]?.rawValue)
        }
        referrals = routing.referrals(visibleTo: actor, poster: poster).map { Referral(hub: $0.hub, state: $0.state.rawValue) }
        history = routing.history(visibleTo: actor, poster: poster).map { step in
            Step(event: step.event, from: step.from.rawValue, to: step.to.rawValue,
                 actor: whole ? step.actor?.lowercased : nil, at: step.at.formatted(.iso8601), note: step.note, subject: step.subject)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(referrals, forKey: .referrals)
        try c.encode(history, forKey: .history)
    }
}

extension RoutingDTO.Recipient {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(state, forKey: .state)
        try c.encode(outcome, forKey: .outcome)
    }
}

extension RoutingDTO.Step {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event, forKey: .event)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(actor, forKey: .actor)
        try c.encode(at, forKey: .at)
        try c.encode(note, forKey: .note)
        try c.encode(subject, forKey: .subject)
    }
}
