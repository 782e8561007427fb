import Foundation

/// Believable posts for the demo's opportunities board: challenges from corporates and the
/// Mittelstand, partnering offers from research, investment searches from startups, scouting
/// requests through the agency. Each is written in one language, as real posts are, and every
/// German sentence names a topic in apposition ("im Bereich Künstliche Intelligenz"), so that
/// no label lands in the wrong case.
public struct DemoOpportunities: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// About one post per 25 organisations, at most `limit`; deadlines from `now` on.
    public func opportunities(among organisations: [Organisation], now: Date, limit: Int = 200) -> [Opportunity] {
        var generator = SeededGenerator(seed: seed ^ 0x0990_2717)
        let count = min(limit, organisations.count / 25)
        guard count > 0 else { return [] }
        let day = 86_400.0
        return (0..<count).compactMap { n -> Opportunity? in
            let poster = organisations.randomElement(using: &generator)!
            guard let kind = Self.kind(for: poster.kind, using: &generator),
                  let focus = poster.topicSlugs.first.flatMap(Taxonomy.topic) else { return nil }
            let technology = poster.topicSlugs.dropFirst().first.flatMap(Taxonomy.topic) ?? focus
            let language: SiteLanguage = Bool.random(using: &generator) ? .de : .en
            let (title, text) = Self.words(kind, focus: focus.label, technology: technology.label)
            let visibility: OpportunityVisibility = n % 10 == 9 ? .anonymous : (n % 4 == 3 ? .network : .public)
            return Opportunity(
                id: DemoEcosystem.uuid(using: &generator), organisationID: poster.id, kind: kind,
                title: title[language], text: text[language], language: language,
                topicSlugs: Array(Set([focus.slug, technology.slug])).sorted(),
                deadline: now.addingTimeInterval(day * Double(Int.random(in: 14...120, using: &generator))),
                visibility: visibility,
                created: now.addingTimeInterval(-day * Double(Int.random(in: 0...60, using: &generator))))
        }
    }

    static func kind(for poster: OrganisationKind, using generator: inout SeededGenerator) -> OpportunityKind? {
        let kinds: [OpportunityKind] = switch poster {
        case .corporate: [.challenge, .challenge, .scoutingRequest]
        case .mittelstand: [.challenge, .partneringRequest]
        case .startup: [.investmentSearch, .partneringOffer]
        case .research: [.partneringOffer]
        case .public: [.partneringRequest]
        case .investor: []
        }
        return kinds.randomElement(using: &generator)
    }

    static func words(_ kind: OpportunityKind, focus f: LocalizedText, technology t: LocalizedText) -> (title: LocalizedText, text: LocalizedText) {
        switch kind {
        case .challenge:
            return (LocalizedText(de: "Pilotpartner gesucht: \(t.de) im Bereich \(f.de)", en: "Pilot partners wanted: \(t.en) in \(f.en)"),
                    LocalizedText(
                        de: "Wir suchen Startups und Forschungsteams, die mit uns in sechs Monaten einen Piloten zum Thema \(t.de) umsetzen. Wir stellen Daten, eine Testumgebung und ein Budget für den Piloten.",
                        en: "We are looking for startups and research teams to run a six-month pilot on \(t.en) with us. We provide data, a test environment and a budget for the pilot."))
        case .scoutingRequest:
            return (LocalizedText(de: "Scouting: Innovationen zum Thema \(t.de)", en: "Scouting: innovation in \(t.en)"),
                    LocalizedText(
                        de: "Ein internationaler Konzern sucht über die Hub-Agentur Startups zum Thema \(t.de) für den Bereich \(f.de). Bitte senden Sie ein Kurzprofil bis zur Frist.",
                        en: "An international group is looking, through the hub agency, for startups working on \(t.en) for \(f.en). Please send a short profile by the deadline."))
        case .partneringOffer:
            return (LocalizedText(de: "Kooperationsangebot: Know-how zum Thema \(t.de)", en: "Partnering offer: expertise in \(t.en)"),
                    LocalizedText(
                        de: "Unser Team bietet Machbarkeitsstudien, Prototypen und gemeinsame Förderanträge zum Thema \(t.de) für Anwender im Bereich \(f.de).",
                        en: "Our team offers feasibility studies, prototypes and joint funding applications on \(t.en) for users in \(f.en)."))
        case .partneringRequest:
            return (LocalizedText(de: "Kooperationsgesuch: Forschungspartner zum Thema \(t.de)", en: "Partnering request: research partner for \(t.en)"),
                    LocalizedText(
                        de: "Für ein gefördertes Projekt suchen wir einen Forschungspartner mit Erfahrung im Bereich \(f.de), gern aus einem anderen Hub.",
                        en: "For a funded project we are looking for a research partner with experience in \(f.en), from another hub too."))
        case .investmentSearch:
            return (LocalizedText(de: "Finanzierungsrunde: Startup im Bereich \(f.de) sucht Kapital", en: "Funding round: \(f.en) startup raising capital"),
                    LocalizedText(
                        de: "Wir haben erste zahlende Pilotkunden und suchen Investoren für die nächste Runde, um unser Produkt zum Thema \(t.de) zu skalieren.",
                        en: "We have our first paying pilot customers and are raising the next round to scale our \(t.en) product."))
        }
    }
}
