import FluentKit
import Foundation

/// A bookable resource of a hub; opening hours and closures are JSON, read and written whole.
public final class ResourceRecord: Model, @unchecked Sendable {
    public static let schema = "resources"

    @ID(key: .id) public var id: UUID?
    @Field(key: "hub_slug") public var hubSlug: String
    @Field(key: "city") public var city: String
    @Field(key: "kind") public var kind: String
    @Field(key: "name_de") public var nameDe: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "description_de") public var descriptionDe: String
    @Field(key: "description_en") public var descriptionEn: String
    @Field(key: "opening_hours") public var openingHours: String
    @Field(key: "closures") public var closures: String
    @Field(key: "granularity_minutes") public var granularityMinutes: Int
    @Field(key: "maximum_minutes") public var maximumMinutes: Int
    @OptionalField(key: "quota_days_per_month") public var quotaDaysPerMonth: Int?
    @Field(key: "rule") public var rule: String
    @Field(key: "bookable_days_ahead") public var bookableDaysAhead: Int
    @Field(key: "active") public var active: Bool

    public init() {}
}

public final class BookingRecord: Model, @unchecked Sendable {
    public static let schema = "bookings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "resource_id") public var resourceID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @OptionalField(key: "member_id") public var memberID: UUID?
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @Field(key: "state") public var state: String
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// One quarter hour a booking holds; the unique key (resource, start) is the database's own
/// guarantee against double bookings, on SQLite and PostgreSQL alike.
public final class BookingUnitRecord: Model, @unchecked Sendable {
    public static let schema = "booking_units"

    @ID(key: .id) public var id: UUID?
    @Field(key: "booking_id") public var bookingID: UUID
    @Field(key: "resource_id") public var resourceID: UUID
    @Field(key: "starts_at") public var startsAt: Date

    public init() {}
}
