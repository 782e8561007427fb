import HubnetCore
import Vapor

extension Request {
    /// The language of a page: from the path (/de/…, /en/…), else from Accept-SiteLanguage.
    var pageLanguage: SiteLanguage {
        if let first = url.path.split(separator: "/").first, let language = SiteLanguage(rawValue: String(first)) {
            return language
        }
        return .preferred(acceptLanguage: headers.first(name: .acceptLanguage))
    }

    /// The URL's query as name/value pairs, repeats kept (`hub=a&hub=b`).
    var queryParameters: [(name: String, value: String)] {
        guard let query = url.query, !query.isEmpty else { return [] }
        // Parsed by hand rather than with URLComponents, which traps on malformed escapes
        // such as "%zz"; those are kept as typed. A form sends spaces as "+".
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
