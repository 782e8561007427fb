import FluentKit
import Foundation

public final class EventRecord: Model, @unchecked Sendable {
    public static let schema = "events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "hub_slug") public var hubSlug: String
    @Field(key: "kind") public var kind: String
    @Field(key: "title_de") public var titleDe: String
    @Field(key: "title_en") public var titleEn: String
    @Field(key: "description_de") public var descriptionDe: String
    @Field(key: "description_en") public var descriptionEn: String
    @Field(key: "venue") public var venue: String
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "cancelled") public var cancelled: Bool
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

public final class RegistrationRecord: Model, @unchecked Sendable {
    public static let schema = "event_registrations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "state") public var state: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "checked_in_at") public var checkedInAt: Date?
    @Field(key: "sequence") public var sequence: Int

    public init() {}
}

/// The secret address of a member's personal calendar feed: calendar apps cannot sign in.
public final class CalendarFeedRecord: Model, @unchecked Sendable {
    public static let schema = "calendar_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "token") public var token: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A matchmaking day's settings: its slots, their length, the tables and the cap per person.
public final class MeetingDayRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_days"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "first_slot_at") public var firstSlotAt: Date
    @Field(key: "slot_minutes") public var slotMinutes: Int
    @Field(key: "slots") public var slots: Int
    @Field(key: "tables") public var tables: Int
    @Field(key: "cap_per_person") public var capPerPerson: Int
    @OptionalField(key: "scheduled_at") public var scheduledAt: Date?

    public init() {}
}

public final class MeetingParticipantRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_participants"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "offer") public var offer: String
    @Field(key: "seek") public var seek: String
    /// The slots the participant is there, one bit each, as a signed 64-bit pattern.
    @Field(key: "availability") public var availability: Int64

    public init() {}
}

public final class MeetingRequestRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "requester_id") public var requesterID: UUID
    @Field(key: "invitee_id") public var inviteeID: UUID
    @Field(key: "message") public var message: String
    @Field(key: "state") public var state: String
    @OptionalField(key: "slot") public var slot: Int?
    @OptionalField(key: "table_number") public var tableNumber: Int?
    @Field(key: "confirmed") public var confirmed: Bool
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// A participant's seat in a slot: the unique key (event, participant, slot) makes two
/// meetings of one person at once impossible in the database.
public final class MeetingSeatRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_seats"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "request_id") public var requestID: UUID
    @Field(key: "participant_id") public var participantID: UUID
    @Field(key: "slot") public var slot: Int

    public init() {}
}
