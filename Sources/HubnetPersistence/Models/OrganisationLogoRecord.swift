import FluentKit
import Foundation

/// An organisation's logo as the site serves it: a PNG already scaled on upload. Kept in the
/// database, not on disk, so every instance behind one PostgreSQL database serves it.
public final class OrganisationLogoRecord: Model, @unchecked Sendable {
    public static let schema = "organisation_logos"

    /// The organisation's id: one logo each.
    @ID(custom: "organisation_id", generatedBy: .user) public var id: UUID?
    @Field(key: "png") public var png: Data
    /// A digest of the PNG: part of the image's address, so browsers may cache it for good.
    @Field(key: "version") public var version: String
    @Field(key: "width") public var width: Int
    @Field(key: "height") public var height: Int
    @Timestamp(key: "updated_at", on: .none) public var updatedAt: Date?

    public init() {}
}
