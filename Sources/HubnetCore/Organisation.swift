import Foundation

/// An actor of the network as the directory shows it.
public struct Organisation: Hashable, Sendable, Identifiable, Codable {
    public var id: UUID
    public var name: String
    public var kind: OrganisationKind
    public var hubSlug: String
    public var city: String
    public var topicSlugs: [String]
    public var description: LocalizedText
    public var offers: LocalizedText
    public var seeks: LocalizedText
    public var website: String?
    public var foundedYear: Int?
    public var employees: EmployeeBand?
    public var stage: FundingStage?
    /// Set when the organisation has a logo: the version its address carries. Only the logo
    /// upload sets it.
    public var logoVersion: String?

    public init(
        id: UUID = UUID(), name: String, kind: OrganisationKind, hubSlug: String, city: String,
        topicSlugs: [String], description: LocalizedText, offers: LocalizedText = .init(""),
        seeks: LocalizedText = .init(""), website: String? = nil, foundedYear: Int? = nil,
        employees: EmployeeBand? = nil, stage: FundingStage? = nil, logoVersion: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.hubSlug = hubSlug
        self.city = city
        self.topicSlugs = topicSlugs
        self.description = description
        self.offers = offers
        self.seeks = seeks
        self.website = website
        self.foundedYear = foundedYear
        self.employees = employees
        self.stage = stage
        self.logoVersion = logoVersion
    }

    public var hub: Hub? { Network.hub(hubSlug) }
    public var topics: [Topic] { topicSlugs.compactMap(Taxonomy.topic) }
}

extension LocalizedText {
    /// The text in the asked language, or in the other one when a member wrote only that.
    public func preferring(_ language: SiteLanguage) -> String {
        let asked = self[language]
        return asked.isEmpty ? self[language == .de ? .en : .de] : asked
    }

    public var isEmpty: Bool { de.isEmpty && en.isEmpty }
}
