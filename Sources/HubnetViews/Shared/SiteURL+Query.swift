import Foundation
import HubnetCore

/// Query strings of the typed site URLs, as the forms that lead to them send them.
extension SiteURL {
    /// The query as the directory form sends it; defaults are left out to keep links short.
    static func queryString(_ query: DirectoryQuery) -> String {
        var items: [URLQueryItem] = []
        if !query.text.isEmpty { items.append(URLQueryItem(name: "q", value: query.text)) }
        items += query.hubs.sorted().map { URLQueryItem(name: "hub", value: $0) }
        items += query.kinds.map(\.rawValue).sorted().map { URLQueryItem(name: "kind", value: $0) }
        items += query.topics.sorted().map { URLQueryItem(name: "topic", value: $0) }
        if let sort = query.sort { items.append(URLQueryItem(name: "sort", value: sort.rawValue)) }
        if query.page != 1 { items.append(URLQueryItem(name: "page", value: String(query.page))) }
        if query.perPage != 20 { items.append(URLQueryItem(name: "per", value: String(query.perPage))) }
        return encoded(items)
    }

    /// The audit filter as its form sends it: days in the network's time zone, the last one
    /// inclusive.
    static func queryString(_ filter: AuditFilter) -> String {
        var items: [URLQueryItem] = []
        if let hub = filter.hub { items.append(URLQueryItem(name: "hub", value: hub)) }
        if let action = filter.action { items.append(URLQueryItem(name: "action", value: action)) }
        if let actor = filter.actor { items.append(URLQueryItem(name: "actor", value: actor.uuidString.lowercased())) }
        if let from = filter.from { items.append(URLQueryItem(name: "from", value: NetworkCalendar.day(of: from))) }
        if let until = filter.until {
            items.append(URLQueryItem(name: "until", value: NetworkCalendar.day(of: NetworkCalendar.previousDay(before: until))))
        }
        if filter.page != 1 { items.append(URLQueryItem(name: "page", value: String(filter.page))) }
        return encoded(items)
    }

    /// "?name=value&…", or nothing for no items.
    static func encoded(_ items: [URLQueryItem]) -> String {
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        // URLComponents leaves "+" alone, which a form decoder would read as a space.
        return "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }
}
