import FluentKit
import Foundation

/// A call; its form, criteria, eligibility and jury rules are one JSON document
/// (`CallDefinition`), read and written whole, since nothing queries inside it.
public final class CallRecord: Model, @unchecked Sendable {
    public static let schema = "calls"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title_de") public var titleDe: String
    @Field(key: "title_en") public var titleEn: String
    @Field(key: "description_de") public var descriptionDe: String
    @Field(key: "description_en") public var descriptionEn: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "hub_slug") public var hubSlug: String?
    @Field(key: "definition") public var definition: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

public final class CallRoundRecord: Model, @unchecked Sendable {
    public static let schema = "call_rounds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "opens_at") public var opensAt: Date
    @Field(key: "closes_at") public var closesAt: Date
    @OptionalField(key: "published_at") public var publishedAt: Date?

    public init() {}
}

public final class CallApplicationRecord: Model, @unchecked Sendable {
    public static let schema = "call_applications"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "round") public var round: Int
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "applicant_name") public var applicantName: String
    /// The applicant's hub: its home hub, or the hub a city applied to become.
    @OptionalField(key: "hub_slug") public var hubSlug: String?
    @OptionalField(key: "applicant_id") public var applicantID: UUID?
    @Field(key: "state") public var state: String
    /// Field key → answer, as JSON.
    @Field(key: "answers") public var answers: String
    @OptionalField(key: "decision") public var decision: String?
    @Field(key: "decision_message") public var decisionMessage: String
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// A member on a call's jury.
public final class CallJurorRecord: Model, @unchecked Sendable {
    public static let schema = "call_jurors"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "member_id") public var memberID: UUID
    /// What the juror knows, in their words: with the profiles of the organisations they act
    /// for, it is what the assignment matches applications against.
    @Field(key: "expertise") public var expertise: String
    @Field(key: "invited_at") public var invitedAt: Date

    public init() {}
}

/// A conflict a juror declared; conflicts found in the network's data are worked out afresh.
public final class CallConflictRecord: Model, @unchecked Sendable {
    public static let schema = "call_conflicts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "declared_at") public var declaredAt: Date

    public init() {}
}

/// A juror on an application: proposed by the solver, confirmed by a manager (then the juror
/// reviews it), or forbidden by a manager. Pinned pairs stay when the solver runs again.
public final class CallAssignmentRecord: Model, @unchecked Sendable {
    public static let schema = "call_assignments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "state") public var state: String
    @Field(key: "pinned") public var pinned: Bool
    @Field(key: "affinity") public var affinity: Double

    public init() {}
}

public final class CallReviewRecord: Model, @unchecked Sendable {
    public static let schema = "call_reviews"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "member_id") public var memberID: UUID
    /// Criterion key → score, as JSON.
    @Field(key: "scores") public var scores: String
    @Field(key: "comment") public var comment: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
