/// An entry of the network's shared taxonomy.
public struct Topic: Hashable, Sendable, Identifiable, Codable {
    public enum Group: String, Codable, Sendable, CaseIterable {
        /// A focus area a hub was chosen for, as named in the article.
        case focus
        /// A technology or field that cuts across the focus areas.
        case technology
    }

    public let slug: String
    public let label: LocalizedText
    public let group: Group

    public var id: String { slug }

    public init(slug: String, label: LocalizedText, group: Group) {
        self.slug = slug
        self.label = label
        self.group = group
    }
}
