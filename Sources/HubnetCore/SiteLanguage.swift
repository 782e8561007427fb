import Foundation

/// The two languages every user-facing text of Hubnet exists in.
public enum SiteLanguage: String, CaseIterable, Codable, Sendable {
    case de
    case en

    /// Picks the best supported language from an `Accept-Language` header value,
    /// honouring q-values; German is the default for a German network.
    public static func preferred(acceptLanguage header: String?) -> SiteLanguage {
        guard let header, !header.isEmpty else { return .de }
        let ranked = header.split(separator: ",").compactMap { part -> (SiteLanguage, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { return nil }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = SiteLanguage(rawValue: primary) else { return nil }
            let quality = pieces.dropFirst()
                .first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            return (language, quality)
        }
        // A stable max: on equal quality the earlier entry wins, as the header lists it first.
        return ranked.enumerated()
            .max { lhs, rhs in
                lhs.element.1 != rhs.element.1 ? lhs.element.1 < rhs.element.1 : lhs.offset > rhs.offset
            }?.element.0 ?? .de
    }
}

/// A text given in both languages.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var de: String
    public var en: String

    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    /// The same words in both languages, for proper names.
    public init(_ both: String) {
        self.init(de: both, en: both)
    }

    public subscript(language: SiteLanguage) -> String {
        switch language {
        case .de: de
        case .en: en
        }
    }
}
