import Foundation

/// One of the network's regions: one or more cities with their focus topics.
public struct Hub: Hashable, Sendable, Identifiable {
    public let slug: String
    public let name: LocalizedText
    public let cities: [City]
    public let focus: [FocusArea]
    public let round: SelectionRound
    public let agencyContact: AgencyContact

    public var id: String { slug }

    /// The federal states the hub's cities lie in, without repeats, in city order.
    public var federalStates: [FederalState] {
        cities.map(\.state).reduce(into: []) { states, state in
            if !states.contains(state) { states.append(state) }
        }
    }

    public var focusTopicSlugs: [String] { focus.map(\.topicSlug) }
}

/// A focus topic of a hub; some belong to one city of a twin hub (Cyber Security: Darmstadt).
public struct FocusArea: Hashable, Sendable {
    public let topicSlug: String
    public let city: String?

    public init(_ topicSlug: String, city: String? = nil) {
        self.topicSlug = topicSlug
        self.city = city
    }
}

public struct City: Hashable, Sendable {
    public let name: LocalizedText
    public let state: FederalState
    public let latitude: Double
    public let longitude: Double
    /// When the city was named a hub city; Darmstadt joined Frankfurt later than round 1.
    public let namedOn: SelectionDate

    /// Great-circle distance, good enough to tell near hubs from far ones.
    public func kilometres(to other: City) -> Double {
        let radians = Double.pi / 180
        let dLatitude = (other.latitude - latitude) * radians, dLongitude = (other.longitude - longitude) * radians
        let h = sin(dLatitude / 2) * sin(dLatitude / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLongitude / 2) * sin(dLongitude / 2)
        return 6_371 * 2 * atan2(sqrt(h), sqrt(1 - h))
    }
}

/// A day of the city competition; the second round is known to the month.
public struct SelectionDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601: `2016-11-17`, or `2017-04` when only the month is known.
    public var description: String {
        let yearMonth = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        guard let day else { return yearMonth }
        return yearMonth + "-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    public func formatted(in language: SiteLanguage) -> String {
        let months: [LocalizedText] = [
            .init(de: "Januar", en: "January"), .init(de: "Februar", en: "February"), .init(de: "März", en: "March"),
            .init(de: "April", en: "April"), .init(de: "Mai", en: "May"), .init(de: "Juni", en: "June"),
            .init(de: "Juli", en: "July"), .init(de: "August", en: "August"), .init(de: "September", en: "September"),
            .init(de: "Oktober", en: "October"), .init(de: "November", en: "November"), .init(de: "Dezember", en: "December"),
        ]
        let monthName = months[month - 1][language]
        guard let day else { return "\(monthName) \(year)" }
        return language == .de ? "\(day). \(monthName) \(year)" : "\(day) \(monthName) \(year)"
    }

    public static func < (lhs: SelectionDate, rhs: SelectionDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }
}

/// The two rounds of the Federal Ministry's city competition.
public enum SelectionRound: Int, Hashable, Sendable, CaseIterable, Codable {
    case first = 1
    case second = 2

    public var date: SelectionDate {
        switch self {
        case .first: SelectionDate(year: 2016, month: 11, day: 17)
        case .second: SelectionDate(year: 2017, month: 4)
        }
    }

    public var occasion: LocalizedText {
        switch self {
        case .first: .init(de: "IT-Gipfel in Saarbrücken", en: "IT Summit in Saarbrücken")
        case .second: .init(de: "zweite Runde mit Expertenbeirat", en: "second round with an expert board")
        }
    }
}

public enum FederalState: String, Hashable, Sendable, CaseIterable, Codable {
    case badenWuerttemberg = "Baden-Württemberg"
    case bayern = "Bayern"
    case berlin = "Berlin"
    case brandenburg = "Brandenburg"
    case hamburg = "Hamburg"
    case hessen = "Hessen"
    case nordrheinWestfalen = "Nordrhein-Westfalen"
    case rheinlandPfalz = "Rheinland-Pfalz"
    case sachsen = "Sachsen"

    public var name: LocalizedText {
        switch self {
        case .badenWuerttemberg: .init("Baden-Württemberg")
        case .bayern: .init(de: "Bayern", en: "Bavaria")
        case .berlin: .init("Berlin")
        case .brandenburg: .init("Brandenburg")
        case .hamburg: .init("Hamburg")
        case .hessen: .init(de: "Hessen", en: "Hesse")
        case .nordrheinWestfalen: .init(de: "Nordrhein-Westfalen", en: "North Rhine-Westphalia")
        case .rheinlandPfalz: .init(de: "Rheinland-Pfalz", en: "Rhineland-Palatinate")
        case .sachsen: .init(de: "Sachsen", en: "Saxony")
        }
    }
}

/// Where the hub agency, the network's distribution centre, takes requests for this hub.
public struct AgencyContact: Hashable, Sendable {
    public let team: LocalizedText
    public let email: String
}
