import FluentKit
import Foundation

/// The journal of directory writes. Each instance's search index reads the entries it has not
/// seen yet, so several Hubnet instances on one PostgreSQL database show the same directory.
public final class OrganisationChangeRecord: Model, @unchecked Sendable {
    public static let schema = "organisation_changes"

    @ID(custom: "seq", generatedBy: .database) public var id: Int?
    /// nil: many organisations changed at once (seed, import); readers reload everything.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Timestamp(key: "changed_at", on: .create) public var changedAt: Date?

    public init() {}

    init(organisationID: UUID?) {
        self.organisationID = organisationID
    }
}
