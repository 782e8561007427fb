import HubnetCore

/// What every page needs besides its own model: the language and where this same page lives
/// in the other language, for the language switch.
public struct PageContext: Sendable {
    public let language: SiteLanguage
    public let page: SiteURL
    public let viewer: Viewer?
    /// For a page no `SiteURL` names (an error page): its path below the language, so the
    /// language switch stays on it.
    public let pathBelowLanguage: String?

    public init(language: SiteLanguage, page: SiteURL, viewer: Viewer? = nil, pathBelowLanguage: String? = nil) {
        self.language = language
        self.page = page
        self.viewer = viewer
        self.pathBelowLanguage = pathBelowLanguage
    }

    /// This page in a language.
    public func samePage(in language: SiteLanguage) -> String {
        pathBelowLanguage.map { "/\(language.rawValue)\($0)" } ?? page.path(language)
    }

    /// The same context on another page, for the frame of an error page.
    public func showing(pathBelowLanguage: String?) -> PageContext {
        PageContext(language: language, page: page, viewer: viewer, pathBelowLanguage: pathBelowLanguage)
    }

    public var strings: Strings { .for(language) }
    public var otherLanguage: SiteLanguage { language == .de ? .en : .de }

    public func link(_ url: SiteURL) -> String { url.path(language) }
}

extension PageContext {
    public var accountStrings: AccountStrings { .for(language) }
}
