import FluentKit
import Foundation

public final class OrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @Field(key: "hub_slug") public var hubSlug: String
    @Field(key: "city") public var city: String
    @Field(key: "description_de") public var descriptionDE: String
    @Field(key: "description_en") public var descriptionEN: String
    @Field(key: "offers_de") public var offersDE: String
    @Field(key: "offers_en") public var offersEN: String
    @Field(key: "seeks_de") public var seeksDE: String
    @Field(key: "seeks_en") public var seeksEN: String
    @OptionalField(key: "website") public var website: String?
    @OptionalField(key: "founded_year") public var foundedYear: Int?
    @OptionalField(key: "employees") public var employees: String?
    @OptionalField(key: "stage") public var stage: String?
    /// Written only by `LogoStore`, with the logo itself.
    @OptionalField(key: "logo_version") public var logoVersion: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
