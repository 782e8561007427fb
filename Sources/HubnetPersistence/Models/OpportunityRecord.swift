import FluentKit
import Foundation
import HubnetCore

public final class OpportunityRecord: Model, @unchecked Sendable {
    public static let schema = "opportunities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    @Field(key: "language") public var language: String
    /// Organisation kinds, joined by ";".
    @Field(key: "sought_kinds") public var soughtKinds: String
    /// Hub slugs, joined by ";"; empty means the whole network.
    @Field(key: "preferred_hubs") public var preferredHubs: String
    @OptionalField(key: "deadline") public var deadline: Date?
    @Field(key: "visibility") public var visibility: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    init(_ opportunity: Opportunity, createdBy: UUID?) {
        id = opportunity.id
        self.createdBy = createdBy
        apply(opportunity)
    }

    func apply(_ p: Opportunity) {
        organisationID = p.organisationID
        kind = p.kind.rawValue
        title = p.title
        text = p.text
        language = p.language.rawValue
        soughtKinds = p.soughtKinds.map(\.rawValue).joined(separator: ";")
        preferredHubs = p.preferredHubs.joined(separator: ";")
        deadline = p.deadline
        visibility = p.visibility.rawValue
    }

    func opportunity(topics: [String]) -> Opportunity? {
        guard let id, let kind = OpportunityKind(rawValue: kind), let language = SiteLanguage(rawValue: language),
              let visibility = OpportunityVisibility(rawValue: visibility) else { return nil }
        return Opportunity(
            id: id, organisationID: organisationID, kind: kind, title: title, text: text, language: language, topicSlugs: topics,
            soughtKinds: soughtKinds.split(separator: ";").compactMap { OrganisationKind(rawValue: String($0)) },
            preferredHubs: preferredHubs.split(separator: ";").map(String.init), deadline: deadline, visibility: visibility,
            created: createdAt ?? Date())
    }
}

public final class OpportunityTopicRecord: Model, @unchecked Sendable {
    public static let schema = "opportunity_topics"

    @ID(key: .id) public var id: UUID?
    @Field(key: "opportunity_id") public var opportunityID: UUID
    @Field(key: "topic_slug") public var topicSlug: String
    @Field(key: "position") public var position: Int

    public init() {}

    init(opportunityID: UUID, topicSlug: String, position: Int) {
        id = UUID()
        self.opportunityID = opportunityID
        self.topicSlug = topicSlug
        self.position = position
    }
}

public final class InvestmentRecord: Model, @unchecked Sendable {
    public static let schema = "investments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "investor_id") public var investorID: UUID
    @Field(key: "company_id") public var companyID: UUID
    @Field(key: "funded_on") public var fundedOn: Date
    @OptionalField(key: "stage") public var stage: String?

    public init() {}

    init(_ investment: Investment) {
        id = UUID()
        investorID = investment.investorID
        companyID = investment.companyID
        fundedOn = investment.fundedOn
        stage = investment.stage?.rawValue
    }

    var investment: Investment {
        Investment(investorID: investorID, companyID: companyID, fundedOn: fundedOn, stage: stage.flatMap(FundingStage.init(rawValue:)))
    }
}
