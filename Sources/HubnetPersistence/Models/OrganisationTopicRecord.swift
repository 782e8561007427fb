import FluentKit
import Foundation

/// Links an organisation to a topic; `position` keeps the order its members chose.
public final class OrganisationTopicRecord: Model, @unchecked Sendable {
    public static let schema = "organisation_topics"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "topic_slug") public var topicSlug: String
    @Field(key: "position") public var position: Int

    public init() {}

    init(organisationID: UUID, topicSlug: String, position: Int) {
        self.id = UUID()
        self.organisationID = organisationID
        self.topicSlug = topicSlug
        self.position = position
    }
}
