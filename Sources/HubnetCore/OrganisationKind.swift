/// What kind of actor an organisation is in the network.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    case corporate
    case mittelstand
    case startup
    case research
    case investor
    case `public`

    public var label: LocalizedText {
        switch self {
        case .corporate: .init(de: "Konzern", en: "Corporate")
        case .mittelstand: .init(de: "Mittelstand", en: "Mittelstand (SME)")
        case .startup: .init(de: "Startup", en: "Startup")
        case .research: .init(de: "Forschung", en: "Research")
        case .investor: .init(de: "Investor", en: "Investor")
        case .public: .init(de: "Öffentliche Einrichtung", en: "Public body")
        }
    }

    public var pluralLabel: LocalizedText {
        switch self {
        case .corporate: .init(de: "Konzerne", en: "Corporates")
        case .mittelstand: .init(de: "Mittelstand", en: "Mittelstand (SMEs)")
        case .startup: .init(de: "Startups", en: "Startups")
        case .research: .init(de: "Forschungseinrichtungen", en: "Research institutes")
        case .investor: .init(de: "Investoren", en: "Investors")
        case .public: .init(de: "Öffentliche Einrichtungen", en: "Public bodies")
        }
    }
}

/// How big an established organisation is, in employees.
public enum EmployeeBand: String, CaseIterable, Codable, Sendable {
    case micro = "1-9"
    case small = "10-49"
    case medium = "50-249"
    case large = "250-999"
    case enterprise = "1000+"

    public var label: LocalizedText {
        .init(de: "\(rawValue) Beschäftigte", en: "\(rawValue) employees")
    }
}

/// Where a startup stands in its financing.
public enum FundingStage: String, CaseIterable, Codable, Sendable {
    case preSeed = "pre-seed"
    case seed
    case seriesA = "series-a"
    case seriesB = "series-b"
    case growth

    public var label: LocalizedText {
        switch self {
        case .preSeed: .init(de: "Pre-Seed", en: "Pre-seed")
        case .seed: .init(de: "Seed", en: "Seed")
        case .seriesA: .init(de: "Serie A", en: "Series A")
        case .seriesB: .init(de: "Serie B", en: "Series B")
        case .growth: .init(de: "Wachstum", en: "Growth")
        }
    }
}
