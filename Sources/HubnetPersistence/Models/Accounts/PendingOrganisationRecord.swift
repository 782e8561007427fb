import FluentKit
import Foundation

/// An organisation a member added that its hub has not approved yet.
public final class PendingOrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "pending_organisations"

    @ID(custom: "organisation_id", generatedBy: .user) public var id: UUID?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organisationID: UUID, createdBy: UUID?) {
        self.id = organisationID
        self.createdBy = createdBy
    }
}
