import Foundation

/// What the agency's queue shows: by state, kind, topic and hub, only overdue ones, only those
/// waiting longer than some days; in the order asked; a page at a time.
public struct RoutingQueueFilter: Hashable, Sendable {
    public enum Order: String, CaseIterable, Sendable {
        /// Overdue first, then the longest waiting.
        case urgency
        case oldest
        case newest

        public var label: LocalizedText {
            switch self {
            case .urgency: .init(de: "Dringlichkeit", en: "Urgency")
            case .oldest: .init(de: "Älteste zuerst", en: "Oldest first")
            case .newest: .init(de: "Neueste zuerst", en: "Newest first")
            }
        }
    }

    public var state: RoutingState?
    public var kind: OpportunityKind?
    public var topic: String?
    public var hub: String?
    public var overdueOnly = false
    /// Waiting at least this many days since the last step.
    public var olderThanDays: Int?
    public var order: Order = .urgency
    public var page = 1
    public static let perPage = 50

    public init(state: RoutingState? = nil) {
        self.state = state
    }

    /// From a link's parameters; a broken one is named, in both languages.
    public init(parameters: [(name: String, value: String)]) throws(ValidationFailure) {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ value: String) {
            problems.append(FieldProblem(field: field, message: .init(de: "Ungültiger Wert „\(value)“ für \(field).", en: "Invalid value '\(value)' for \(field).")))
        }
        for (name, value) in parameters where !value.isEmpty {
            switch name {
            case "state": if let state = RoutingState(rawValue: value) { self.state = state } else { problem(name, value) }
            case "kind": if let kind = OpportunityKind(rawValue: value) { self.kind = kind } else { problem(name, value) }
            case "topic": if Taxonomy.topic(value) != nil { topic = value } else { problem(name, value) }
            case "hub": if Network.hub(value) != nil { hub = value } else { problem(name, value) }
            case "overdue": overdueOnly = value == "1"
            case "older": if let days = Int(value), (0...3_650).contains(days) { olderThanDays = days } else { problem(name, value) }
            case "sort": if let order = Order(rawValue: value) { self.order = order } else { problem(name, value) }
            case "page": if let page = Int(value), (1...10_000).contains(page) { self.page = page } else { problem(name, value) }
            default: break
            }
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
    }

    /// The parameters of this filter, defaults left out.
    public var parameters: [(name: String, value: String)] {
        var items: [(String, String)] = []
        if let state { items.append(("state", state.rawValue)) }
        if let kind { items.append(("kind", kind.rawValue)) }
        if let topic { items.append(("topic", topic)) }
        if let hub { items.append(("hub", hub)) }
        if overdueOnly { items.append(("overdue", "1")) }
        if let olderThanDays { items.append(("older", String(olderThanDays))) }
        if order != .urgency { items.append(("sort", order.rawValue)) }
        if page != 1 { items.append(("page", String(page))) }
        return items
    }
}
