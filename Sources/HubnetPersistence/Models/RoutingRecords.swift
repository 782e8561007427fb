import FluentKit
import Foundation

/// A request's place in the routing desk; one per opportunity that entered it. `steps`
/// counts its history, and each step's number is unique per request, so two writers who
/// read the same state cannot both append to it.
public final class RoutingCaseRecord: Model, @unchecked Sendable {
    public static let schema = "routing_cases"

    @ID(custom: "opportunity_id", generatedBy: .user) public var id: UUID?
    @Field(key: "state") public var state: String
    @Field(key: "home_hub") public var homeHub: String
    @Field(key: "steps") public var steps: Int
    @Timestamp(key: "updated_at", on: .none) public var updatedAt: Date?

    public init() {}
}

public final class RoutingStepRecord: Model, @unchecked Sendable {
    public static let schema = "routing_steps"

    @ID(key: .id) public var id: UUID?
    @Field(key: "opportunity_id") public var opportunityID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "event") public var event: String
    @Field(key: "from_state") public var fromState: String
    @Field(key: "to_state") public var toState: String
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "at") public var at: Date
    @Field(key: "note") public var note: String
    @OptionalField(key: "subject") public var subject: String?

    public init() {}
}

public final class RoutingRecipientRecord: Model, @unchecked Sendable {
    public static let schema = "routing_recipients"

    @ID(key: .id) public var id: UUID?
    @Field(key: "opportunity_id") public var opportunityID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "state") public var state: String
    @OptionalField(key: "outcome") public var outcome: String?

    public init() {}
}

public final class RoutingReferralRecord: Model, @unchecked Sendable {
    public static let schema = "routing_referrals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "opportunity_id") public var opportunityID: UUID
    @Field(key: "hub_slug") public var hubSlug: String
    @Field(key: "state") public var state: String

    public init() {}
}

/// A hub's promised reaction times, in working days (`ServiceLevels`).
public final class ServiceLevelRecord: Model, @unchecked Sendable {
    public static let schema = "hub_service_levels"

    @ID(custom: "hub_slug", generatedBy: .user) public var id: String?
    @Field(key: "vet_within") public var vetWithin: Int
    @Field(key: "route_within") public var routeWithin: Int
    @Field(key: "answer_referral_within") public var answerReferralWithin: Int

    public init() {}
}

/// A message in a member's Hubnet inbox: what happened, in both languages, and where to look.
/// Written in the transaction of the step it tells of, with its mail in the outbox.
public final class NotificationRecord: Model, @unchecked Sendable {
    public static let schema = "notifications"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @OptionalField(key: "opportunity_id") public var opportunityID: UUID?
    @Field(key: "text_de") public var textDE: String
    @Field(key: "text_en") public var textEN: String
    /// The page below the language, as `SiteURL` prints it ("opportunities/…").
    @Field(key: "path") public var path: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "read_at") public var readAt: Date?

    public init() {}
}

/// An API write made with an `Idempotency-Key`: written in the write's own transaction with
/// what it produced, so a retry after any failure finds either both or neither.
public final class IdempotencyRecord: Model, @unchecked Sendable {
    public static let schema = "idempotency_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "key") public var key: String
    /// A digest of the request (method, path, body): the same key with another body is refused.
    @Field(key: "fingerprint") public var fingerprint: String
    /// What the write produced: the new opportunity's id, or the step's number.
    @Field(key: "result") public var result: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
