import FluentKit
import Foundation

public final class ScoutingRequestRecord: Model, @unchecked Sendable {
    public static let schema = "scouting_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    /// Topic slugs, comma-separated.
    @Field(key: "topics") public var topics: String
    @Field(key: "client_name") public var clientName: String
    @Field(key: "client_email") public var clientEmail: String
    @Field(key: "client_language") public var clientLanguage: String
    @Field(key: "deadline") public var deadline: Date
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "replied_at") public var repliedAt: Date?

    public init() {}
}

/// A hub asked by a scouting request, and its answer once given.
public final class ScoutingHubRecord: Model, @unchecked Sendable {
    public static let schema = "scouting_hubs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "request_id") public var requestID: UUID
    @Field(key: "hub_slug") public var hubSlug: String
    @Field(key: "position") public var position: Int
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "answered_at") public var answeredAt: Date?
    @OptionalField(key: "answered_by") public var answeredBy: UUID?

    public init() {}
}

/// An organisation on a hub's shortlist, at its place.
public final class ScoutingEntryRecord: Model, @unchecked Sendable {
    public static let schema = "scouting_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "request_id") public var requestID: UUID
    @Field(key: "hub_slug") public var hubSlug: String
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "place") public var place: Int

    public init() {}
}
