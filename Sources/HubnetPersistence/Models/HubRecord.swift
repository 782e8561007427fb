import FluentKit

/// A hub row: the 12 hubs are reference data, stored so that organisations can point at
/// them with a real foreign key.
public final class HubRecord: Model, @unchecked Sendable {
    public static let schema = "hubs"

    @ID(custom: "slug", generatedBy: .user) public var id: String?
    @Field(key: "name_de") public var nameDE: String
    @Field(key: "name_en") public var nameEN: String
    @Field(key: "round") public var round: Int

    public init() {}

    init(slug: String, nameDE: String, nameEN: String, round: Int) {
        self.id = slug
        self.nameDE = nameDE
        self.nameEN = nameEN
        self.round = round
    }
}
