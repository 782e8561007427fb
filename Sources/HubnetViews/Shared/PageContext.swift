import HubnetCore

/// What every page needs besides its own model: the language and where this same page lives
/// in the other language, for the language switch.
public struct PageContext: Sendable {
    public let language: Language
    public let page: SiteURL

    public init(language: Language, page: SiteURL) {
        self.language = language
        self.page = page
    }

    public var strings: Strings { .for(language) }
    public var otherLanguage: Language { language == .de ? .en : .de }

    public func link(_ url: SiteURL) -> String { url.path(language) }
}
