/// The 12 hubs of the Digital Hub Initiative, as the article of April 2017 names them
/// (checked against the ministry's press note; see DESIGN.md). Order: round, then name.
public enum Network {
    public static let hubs: [Hub] = [
        hub("berlin", "Berlin", [city("Berlin", .berlin, 52.5200, 13.4050, .first)],
            focus: [.init("internet-of-things"), .init("fintech")], round: .first),
        hub("dortmund", "Dortmund", [city("Dortmund", .nordrheinWestfalen, 51.5136, 7.4653, .first)],
            focus: [.init("logistics")], round: .first),
        hub("frankfurt-darmstadt", "Frankfurt/Darmstadt",
            [city("Frankfurt am Main", .hessen, 50.1109, 8.6821, .first),
             city("Darmstadt", .hessen, 49.8728, 8.6512, .second)],
            focus: [.init("fintech", city: "Frankfurt am Main"), .init("cyber-security", city: "Darmstadt")],
            round: .first),
        hub("hamburg", "Hamburg", [city("Hamburg", .hamburg, 53.5511, 9.9937, .first)],
            focus: [.init("logistics")], round: .first),
        hub("munich", .init(de: "München", en: "Munich"),
            [city(.init(de: "München", en: "Munich"), .bayern, 48.1374, 11.5755, .first)],
            focus: [.init("mobility")], round: .first),
        hub("cologne", .init(de: "Köln", en: "Cologne"),
            [city(.init(de: "Köln", en: "Cologne"), .nordrheinWestfalen, 50.9375, 6.9603, .second)],
            focus: [.init("insurtech")], round: .second),
        hub("dresden-leipzig", "Dresden/Leipzig",
            [city("Dresden", .sachsen, 51.0504, 13.7373, .second), city("Leipzig", .sachsen, 51.3397, 12.3731, .second)],
            focus: [.init("smart-systems"), .init("energy"), .init("internet-of-things")], round: .second),
        hub("karlsruhe", "Karlsruhe", [city("Karlsruhe", .badenWuerttemberg, 49.0069, 8.4037, .second)],
            focus: [.init("artificial-intelligence")], round: .second),
        hub("ludwigshafen-mannheim", "Ludwigshafen/Mannheim",
            [city("Ludwigshafen", .rheinlandPfalz, 49.4774, 8.4452, .second),
             city("Mannheim", .badenWuerttemberg, 49.4875, 8.4660, .second)],
            focus: [.init("chemistry")], round: .second),
        hub("nuremberg-erlangen", .init(de: "Nürnberg/Erlangen", en: "Nuremberg/Erlangen"),
            [city(.init(de: "Nürnberg", en: "Nuremberg"), .bayern, 49.4521, 11.0767, .second),
             city("Erlangen", .bayern, 49.5897, 11.0040, .second)],
            focus: [.init("health")], round: .second),
        hub("potsdam", "Potsdam", [city("Potsdam", .brandenburg, 52.3906, 13.0645, .second)],
            focus: [.init("media")], round: .second),
        hub("stuttgart", "Stuttgart", [city("Stuttgart", .badenWuerttemberg, 48.7758, 9.1829, .second)],
            focus: [.init("future-industries")], round: .second),
    ]

    public static var cities: [City] { hubs.flatMap(\.cities) }

    private static let bySlug: [String: Hub] = Dictionary(uniqueKeysWithValues: hubs.map { ($0.slug, $0) })

    public static func hub(_ slug: String) -> Hub? { bySlug[slug] }

    private static let indexBySlug: [String: Int] = Dictionary(uniqueKeysWithValues: hubs.enumerated().map { ($1.slug, $0) })

    /// The position of a hub in `hubs`; the match index keeps a document's hub as it.
    static func hubIndex(_ slug: String) -> Int? { indexBySlug[slug] }

    private static func hub(
        _ slug: String, _ name: LocalizedText, _ cities: [City], focus: [FocusArea], round: SelectionRound
    ) -> Hub {
        Hub(
            slug: slug, name: name, cities: cities, focus: focus, round: round,
            agencyContact: AgencyContact(
                team: .init(de: "Hub-Agentur, Team \(name.de)", en: "Hub agency, \(name.en) team"),
                email: "\(slug)@hub-agency.example"
            )
        )
    }

    private static func hub(
        _ slug: String, _ name: String, _ cities: [City], focus: [FocusArea], round: SelectionRound
    ) -> Hub {
        hub(slug, LocalizedText(name), cities, focus: focus, round: round)
    }

    private static func city(
        _ name: LocalizedText, _ state: FederalState, _ latitude: Double, _ longitude: Double, _ round: SelectionRound
    ) -> City {
        // Darmstadt joined in round two, the month of the ministry's press note.
        City(name: name, state: state, latitude: latitude, longitude: longitude, namedOn: round.date)
    }

    private static func city(
        _ name: String, _ state: FederalState, _ latitude: Double, _ longitude: Double, _ round: SelectionRound
    ) -> City {
        city(LocalizedText(name), state, latitude, longitude, round)
    }
}
