import HubnetCore

/// What every page needs besides its own model: the language and where this same page lives
/// in the other language, for the language switch.
public struct PageContext: Sendable {
    public let language: SiteLanguage
    public let page: SiteURL
    public let viewer: Viewer?

    public init(language: SiteLanguage, page: SiteURL, viewer: Viewer? = nil) {
        self.language = language
        self.page = page
        self.viewer = viewer
    }

    public var strings: Strings { .for(language) }
    public var otherLanguage: SiteLanguage { language == .de ? .en : .de }

    public func link(_ url: SiteURL) -> String { url.path(language) }
}

extension PageContext {
    public var accountStrings: AccountStrings { .for(language) }
}
