/// Descriptions, offers and needs of a demo organisation in German and English.
struct DemoTexts {
    let name: String
    let kind: OrganisationKind
    let city: LocalizedText
    let focus: LocalizedText
    let technology: LocalizedText
    let stage: FundingStage?

    func description(variant: Int) -> LocalizedText {
        let (f, t, c) = (focus, technology, city)
        switch kind {
        case .startup:
            let stage = self.stage?.label ?? .init("Seed")
            return [
                .init(de: "\(name) ist ein Startup aus \(c.de) (\(stage.de)), das Lösungen für den Bereich \(f.de) entwickelt – mit Technologien aus dem Feld \(t.de).",
                      en: "\(name) is a \(stage.en) startup from \(c.en) building \(t.en) solutions for \(f.en)."),
                .init(de: "Wir bei \(name) bringen das Thema \(t.de) in den Alltag von Unternehmen im Bereich \(f.de).",
                      en: "At \(name) we bring \(t.en) into the daily work of companies in \(f.en)."),
                .init(de: "\(name) automatisiert Prozesse im Bereich \(f.de) mit einer Plattform, die auf dem Feld \(t.de) aufbaut.",
                      en: "\(name) automates processes in \(f.en) with a platform built on \(t.en)."),
            ][variant]
        case .mittelstand:
            return [
                .init(de: "Familiengeführter Mittelständler aus \(c.de) mit langer Erfahrung im Bereich \(f.de); wir digitalisieren unsere Produktion mit Technologien aus dem Feld \(t.de).",
                      en: "Family-owned Mittelstand company from \(c.en) with long experience in \(f.en); we are digitising our production with \(t.en)."),
                .init(de: "Hidden Champion im Bereich \(f.de) aus \(c.de), international tätig, mit eigener Entwicklung zum Thema \(t.de).",
                      en: "Hidden champion in \(f.en) from \(c.en), active worldwide, with in-house development for \(t.en)."),
                .init(de: "Zulieferer für den Bereich \(f.de) mit Sitz in \(c.de); wir suchen den Schulterschluss mit Startups.",
                      en: "Supplier for \(f.en) based in \(c.en); we team up with startups."),
            ][variant]
        case .corporate:
            return [
                .init(de: "Konzern mit Innovationseinheit in \(c.de); Schwerpunkt der digitalen Transformation ist \(f.de).",
                      en: "Corporate group with an innovation unit in \(c.en); its digital transformation focuses on \(f.en)."),
                .init(de: "Unser Corporate-Venturing-Team in \(c.de) arbeitet mit Startups am Thema \(t.de) für den Bereich \(f.de).",
                      en: "Our corporate venturing team in \(c.en) works with startups on \(t.en) for \(f.en)."),
                .init(de: "Weltweit tätiger Konzern; im Hub \(c.de) erproben wir Technologien aus dem Feld \(t.de) in Pilotprojekten.",
                      en: "Global group; at the \(c.en) hub we trial \(t.en) in pilot projects."),
            ][variant]
        case .research:
            return [
                .init(de: "Anwendungsnahe Forschung zum Thema \(t.de) mit Fokus auf den Bereich \(f.de), mit Laboren in \(c.de).",
                      en: "Applied research on \(t.en) with a focus on \(f.en), with labs in \(c.en)."),
                .init(de: "Hochschulnahes Institut in \(c.de): Transferprojekte im Bereich \(f.de) mit Industriepartnern.",
                      en: "University-affiliated institute in \(c.en): transfer projects on \(f.en) with industry partners."),
                .init(de: "Forschungsgruppe zum Thema \(t.de); Ausgründungen und Kooperationen im Bereich \(f.de).",
                      en: "Research group for \(t.en); spin-offs and collaborations in \(f.en)."),
            ][variant]
        case .investor:
            return [
                .init(de: "Frühphasen-Investor aus \(c.de) mit den Schwerpunkten \(f.de) und \(t.de).",
                      en: "Early-stage investor from \(c.en) focused on \(f.en) and \(t.en)."),
                .init(de: "Wagniskapitalgeber für B2B-Startups im Bereich \(f.de); Tickets von Seed bis Serie A.",
                      en: "Venture capital for B2B startups in \(f.en); tickets from seed to Series A."),
                .init(de: "Business-Angel-Netzwerk und Fonds für das Themenfeld \(t.de) in ganz Deutschland.",
                      en: "Business angel network and fund for \(t.en) across Germany."),
            ][variant]
        case .public:
            return [
                .init(de: "Öffentliche Anlaufstelle in \(c.de) für Gründungen und Innovation im Bereich \(f.de).",
                      en: "Public contact point in \(c.en) for start-ups and innovation in \(f.en)."),
                .init(de: "Wir vernetzen Wirtschaft und Wissenschaft in \(c.de) rund um das Thema \(f.de).",
                      en: "We connect business and science in \(c.en) around \(f.en)."),
                .init(de: "Förderberatung und Netzwerke zum Thema \(t.de) in der Region \(c.de).",
                      en: "Funding advice and networks for \(t.en) in the \(c.en) region."),
            ][variant]
        }
    }

    func offers(variant: Int) -> LocalizedText {
        let (f, t) = (focus, technology)
        switch kind {
        case .startup:
            return [
                .init(de: "Pilotfähiges Produkt aus dem Feld \(t.de) für den Bereich \(f.de)", en: "Pilot-ready \(t.en) product for \(f.en)"),
                .init(de: "Software-Plattform und Integration für den Bereich \(f.de)", en: "Software platform and integration for \(f.en)"),
                .init(de: "Daten-Know-how und schnelle Prototypen zum Thema \(t.de)", en: "Data know-how and fast prototypes with \(t.en)"),
            ][variant]
        case .mittelstand:
            return [
                .init(de: "Produktionsumgebung und Testfelder für den Bereich \(f.de)", en: "Production environment and test beds for \(f.en)"),
                .init(de: "Branchenwissen im Bereich \(f.de) und Zugang zu Kunden", en: "Industry knowledge in \(f.en) and access to customers"),
                .init(de: "Fertigung und Kleinserien", en: "Manufacturing and small series"),
            ][variant]
        case .corporate:
            return [
                .init(de: "Pilotprojekte, Daten und Budget für den Bereich \(f.de)", en: "Pilot projects, data and budget for \(f.en)"),
                .init(de: "Zugang zu internationalen Märkten", en: "Access to international markets"),
                .init(de: "Mentoring und Corporate-Venture-Beteiligungen", en: "Mentoring and corporate venture investment"),
            ][variant]
        case .research:
            return [
                .init(de: "Laborzugang, 3D-Drucker und Messtechnik zum Thema \(t.de)", en: "Lab access, 3D printers and measurement for \(t.en)"),
                .init(de: "Studien, Gutachten und Studierendenprojekte im Bereich \(f.de)", en: "Studies, expert reports and student projects on \(f.en)"),
                .init(de: "Gemeinsame Förderanträge zum Thema \(t.de)", en: "Joint funding applications on \(t.en)"),
            ][variant]
        case .investor:
            return [
                .init(de: "Seed- und Serie-A-Finanzierung im Bereich \(f.de)", en: "Seed and Series A funding for \(f.en)"),
                .init(de: "Kapital und Netzwerk für das Themenfeld \(t.de)", en: "Capital and network for \(t.en)"),
                .init(de: "Begleitung von Gründungsteams", en: "Support for founding teams"),
            ][variant]
        case .public:
            return [
                .init(de: "Förderberatung und Kontakte im Bereich \(f.de)", en: "Funding advice and contacts in \(f.en)"),
                .init(de: "Veranstaltungen und Räume im Hub", en: "Events and space at the hub"),
                .init(de: "Ansiedlungsberatung", en: "Advice on settling in the region"),
            ][variant]
        }
    }

    func seeks(variant: Int) -> LocalizedText {
        let (f, t) = (focus, technology)
        switch kind {
        case .startup:
            return [
                .init(de: "Pilotkunden aus dem Bereich \(f.de)", en: "Pilot customers in \(f.en)"),
                .init(de: "Investoren für die nächste Runde", en: "Investors for the next round"),
                .init(de: "Industriepartner mit Daten zum Thema \(t.de)", en: "Industry partners with data for \(t.en)"),
            ][variant]
        case .mittelstand:
            return [
                .init(de: "Startups aus dem Feld \(t.de) für unsere Produktion", en: "Startups with \(t.en) for our production"),
                .init(de: "Forschungspartner für den Bereich \(f.de)", en: "Research partners for \(f.en)"),
                .init(de: "Fachkräfte und Know-how zum Thema \(t.de)", en: "Talent and know-how in \(t.en)"),
            ][variant]
        case .corporate:
            return [
                .init(de: "Startups zum Thema \(t.de) im Bereich \(f.de)", en: "Startups for \(t.en) in \(f.en)"),
                .init(de: "Lösungen für konkrete Herausforderungen im Bereich \(f.de)", en: "Solutions to concrete challenges in \(f.en)"),
                .init(de: "Forschungskooperationen zum Thema \(t.de)", en: "Research collaborations on \(t.en)"),
            ][variant]
        case .research:
            return [
                .init(de: "Industriepartner für Transferprojekte im Bereich \(f.de)", en: "Industry partners for transfer projects in \(f.en)"),
                .init(de: "Pilotanwender zum Thema \(t.de)", en: "Pilot users for \(t.en)"),
                .init(de: "Gründungsinteressierte Teams", en: "Teams interested in founding"),
            ][variant]
        case .investor:
            return [
                .init(de: "Startups im Bereich \(f.de)", en: "Startups in \(f.en)"),
                .init(de: "Gründungsteams aus dem Feld \(t.de)", en: "Founding teams with \(t.en)"),
                .init(de: "Co-Investoren", en: "Co-investors"),
            ][variant]
        case .public:
            return [
                .init(de: "Unternehmen, die sich in der Region ansiedeln", en: "Companies settling in the region"),
                .init(de: "Partner für Veranstaltungen zum Thema \(f.de)", en: "Partners for events on \(f.en)"),
                .init(de: "Projekte zum Thema \(t.de)", en: "Projects on \(t.en)"),
            ][variant]
        }
    }
}
