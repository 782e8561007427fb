import FluentKit

/// A taxonomy row, stored so organisation topics are checked by a foreign key.
public final class TopicRecord: Model, @unchecked Sendable {
    public static let schema = "topics"

    @ID(custom: "slug", generatedBy: .user) public var id: String?
    @Field(key: "label_de") public var labelDE: String
    @Field(key: "label_en") public var labelEN: String
    @Field(key: "topic_group") public var group: String

    public init() {}

    init(slug: String, labelDE: String, labelEN: String, group: String) {
        self.id = slug
        self.labelDE = labelDE
        self.labelEN = labelEN
        self.group = group
    }
}
