import HubnetCore

/// Every label of the site, once per language. A struct rather than a lookup table so that a
/// label missing in one language does not compile.
public struct Strings: Sendable {
    public let languageName: String
    public let switchLanguage: String
    public let skipToContent: String
    public let tagline: String
    public let navHubs: String
    public let navDirectory: String
    public let navAPI: String
    public let footerLinks: String
    public let footerData: String
    public let footerDemo: String

    public let homeTitle: String
    public let homeIntro: [String]
    public let mapTitle: String
    public let mapCaption: String
    public let countsTitle: String
    public let hub: String
    public let total: String
    public let organisationsCount: @Sendable (Int) -> String

    public let cities: String
    public let federalStates: String
    public let focus: String
    public let selection: String
    public let roundNamed: @Sendable (Int, String, String) -> String
    public let cityJoined: @Sendable (String, String) -> String
    public let agencyContact: String
    public let organisationsOfHub: String
    public let showAllInDirectory: @Sendable (Int) -> String
    public let browseTopicInDirectory: @Sendable (String) -> String
    public let noOrganisationsYet: String

    public let directoryTitle: String
    public let searchLabel: String
    public let searchPlaceholder: String
    public let searchButton: String
    public let anyHub: String
    public let anyKind: String
    public let anyTopic: String
    public let kind: String
    public let topics: String
    public let sortBy: String
    public let bestMatch: String
    public let resultCount: @Sendable (Int) -> String
    public let noResults: String
    public let clearFilters: String
    public let previousPage: String
    public let nextPage: String
    public let pageOf: @Sendable (Int, Int) -> String
    public let refine: String

    public let city: String
    public let description: String
    public let offers: String
    public let seeks: String
    public let website: String
    public let founded: String
    public let size: String
    public let stage: String
    public let backToDirectory: String
    public let moreInHub: @Sendable (String) -> String

    public let notFoundTitle: String
    public let notFoundText: String
    public let badRequestTitle: String
    public let errorTitle: String
    public let errorText: String
    public let backHome: String

    public static func `for`(_ language: SiteLanguage) -> Strings {
        language == .de ? .german : .english
    }
}
