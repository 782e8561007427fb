import Foundation
import HubnetCore
import Plot

/// The agency's queue: the requests of the hubs one manages and those referred to them.
public enum RoutingQueueView {
    public struct Row: Sendable {
        public let opportunity: Opportunity
        public let posterHub: String
        public let state: RoutingState
        public let since: Date
        public let overdue: [ServiceBreach]
        public let referredToReader: [String]

        public init(opportunity: Opportunity, posterHub: String, state: RoutingState, since: Date, overdue: [ServiceBreach],
                    referredToReader: [String]) {
            self.opportunity = opportunity
            self.posterHub = posterHub
            self.state = state
            self.since = since
            self.overdue = overdue
            self.referredToReader = referredToReader
        }
    }

    static let filters: [RoutingState?] = [nil, .submitted, .changesRequested, .published, .routed, .introduced, .closed, .rejected, .expired]

    static func step(_ step: ServiceBreach.Step) -> LocalizedText {
        switch step {
        case .vetting: .init(de: "Prüfung", en: "vetting")
        case .routing: .init(de: "Verteilung", en: "routing")
        case .referral: .init(de: "Antwort auf den Verweis", en: "answer to the referral")
        }
    }

    /// What the page shows beside the queue: service levels, the funnel, the referral matrix.
    public struct Extras: Sendable {
        public let levels: [(hub: String, levels: ServiceLevels)]
        public let funnel: RoutingFunnel
        public let referrals: ReferralMatrix
        public let csrf: String
        public let problems: [FieldProblem]
        public let notice: String?

        public init(levels: [(hub: String, levels: ServiceLevels)], funnel: RoutingFunnel, referrals: ReferralMatrix, csrf: String,
                    problems: [FieldProblem] = [], notice: String? = nil) {
            self.levels = levels
            self.funnel = funnel
            self.referrals = referrals
            self.csrf = csrf
            self.problems = problems
            self.notice = notice
        }
    }

    /// "3,5 Std." / "2,0 Tage": medians read best in hours below a day.
    static func duration(_ seconds: Double?, _ language: SiteLanguage) -> String {
        guard let seconds else { return "–" }
        let hours = seconds / 3_600
        if hours < 24 { return hours.formatted(in: language, places: 1) + (language == .de ? " Std." : " h") }
        return (hours / 24).formatted(in: language, places: 1) + (language == .de ? " Tage" : " days")
    }

    public static func render(_ rows: [Row], filter: RoutingQueueFilter, total: Int, extras: Extras, _ context: PageContext) -> String {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let state = filter.state
        var csv = filter
        csv.page = 1
        let pages = max(1, (total + RoutingQueueFilter.perPage - 1) / RoutingQueueFilter.perPage)
        func page(_ number: Int) -> String {
            var target = filter
            target.page = number
            return context.link(.routingQueue(target))
        }
        return Layout.page(
            context, title: RoutingWords.title[language],
            .p(.a(.href(context.link(.staff)), .text("← " + context.accountStrings.staffTitle))),
            .h1(.text(RoutingWords.title[language])),
            .p(.class("lead"), .text(t("Anfragen Ihrer Hubs und Verweise an sie. Überfällige zuerst, dann die ältesten.",
                                       "Requests of your hubs and referrals to them. Overdue ones first, then the oldest."))),
            .unwrap(extras.notice) { .div(.class("notice"), .id("saved"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            FormParts.notice(extras.problems.map { $0.message[language] }),
            .nav(.class("filters"), .id("queue-filters"), .forEach(filters) { choice in
                choice == state
                    ? .strong(.text(choice?.label[language] ?? t("Alle", "All")))
                    : .a(.href(context.link(.routingQueue(RoutingQueueFilter(state: choice)))), .text(choice?.label[language] ?? t("Alle", "All")))
            }),
            filterForm(filter, hubs: extras.levels.map(\.hub), context),
            .p(.text(total == 1 ? t("1 Anfrage", "1 request") : t("\(total.formatted(in: language)) Anfragen", "\(total.formatted(in: language)) requests")),
               .text(" · "),
               .a(.id("queue-csv"), .href(context.link(.routingQueue(csv)) + (csv.parameters.isEmpty ? "?" : "&") + "format=csv"),
                  .text(t("Als CSV herunterladen", "Download as CSV")))),
            rows.isEmpty
                ? .p(.id("queue-empty"), .text(t("Nichts wartet.", "Nothing is waiting.")))
                : .ul(.class("results"), .id("queue"), .forEach(rows) { row in
                    .li(.class("card"), .attribute(named: "data-state", value: row.state.rawValue),
                        .h3(.a(.href(context.link(.opportunity(id: row.opportunity.id))), .text(row.opportunity.title))),
                        .p(.class("meta"), .text([row.opportunity.kind.label[language], Network.hub(row.posterHub)?.name[language] ?? row.posterHub,
                                                  row.state.label[language], t("seit ", "since ") + AuditView.when(row.since, language)]
                            .joined(separator: " · "))),
                        .forEach(row.overdue) { breach in
                            .p(.class("overdue"), .text(t("Überfällig: ", "Overdue: ") + step(breach.step)[language] + " · "
                                                        + (Network.hub(breach.hub)?.name[language] ?? breach.hub) + " · "
                                                        + t("fällig bis ", "due ") + AuditView.when(breach.due, language)))
                        },
                        .if(!row.referredToReader.isEmpty, .p(.class("badge-line"), .text(t("Verwiesen an Ihren Hub: ", "Referred to your hub: ")
                            + row.referredToReader.compactMap { Network.hub($0)?.name[language] }.joined(separator: ", ")))))
                }),
            .if(pages > 1, .nav(.class("pager"), .id("queue-pages"),
                .if(filter.page > 1, .a(.href(page(filter.page - 1)), .text(t("← neuere", "← previous")))),
                .text(" " + t("Seite \(filter.page) von \(pages)", "Page \(filter.page) of \(pages)") + " "),
                .if(filter.page < pages, .a(.href(page(filter.page + 1)), .text(t("weitere →", "next →")))))),
            figures(extras, context)
        ).render()
    }

    static func filterForm(_ filter: RoutingQueueFilter, hubs: [String], _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let all = t("alle", "all")
        let kinds: Node<HTML.FormContext> = .label(.text(t("Art", "Type")), .select(
            .named("kind"), .choice(value: "", label: all, selected: filter.kind == nil),
            .forEach(OpportunityKind.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: filter.kind == $0) }))
        let topics: Node<HTML.FormContext> = .label(.text(context.strings.topics), .select(
            .named("topic"), .choice(value: "", label: all, selected: filter.topic == nil),
            .forEach(Taxonomy.topics) { .choice(value: $0.slug, label: $0.label[language], selected: filter.topic == $0.slug) }))
        let hubChoice: Node<HTML.FormContext> = .label(.text("Hub"), .select(
            .named("hub"), .choice(value: "", label: all, selected: filter.hub == nil),
            .forEach(hubs) { slug in .choice(value: slug, label: Network.hub(slug)?.name[language] ?? slug, selected: filter.hub == slug) }))
        let older: Node<HTML.FormContext> = .label(.text(t("Wartet seit mind. (Tage)", "Waiting at least (days)")),
            .input(.type(.number), .name("older"), .value(filter.olderThanDays.map(String.init) ?? ""),
                   .attribute(named: "min", value: "0"), .attribute(named: "max", value: "3650")))
        let overdue: Node<HTML.FormContext> = .label(.class("topic-choice"),
            FormParts.input(type: .checkbox, name: "overdue", value: "1", checked: filter.overdueOnly),
            .text(" " + t("nur überfällige", "overdue only")))
        let order: Node<HTML.FormContext> = .label(.text(t("Sortierung", "Sort")), .select(
            .named("sort"), .forEach(RoutingQueueFilter.Order.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: filter.order == $0) }))
        let state: Node<HTML.FormContext> = .unwrap(filter.state) { .input(.type(.hidden), .name("state"), .value($0.rawValue)) }
        return .form(.class("search"), .method(.get), .action(context.link(.routingQueue())), .id("queue-filter-form"),
                     state, kinds, topics, hubChoice, older, overdue, order, .button(.type(.submit), .text(context.strings.searchButton)))
    }

    static func figures(_ extras: Extras, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        return .div(.class("grid"),
                 .section(.class("card"), .id("funnel"),
                          .h2(.text(t("Trichter", "Funnel"))),
                          .table(.tr(.th(.text(t("Stufe", "Stage"))), .th(.text(t("Erreicht", "Reached"))),
                                     .th(.text(t("Median seit der Stufe davor", "Median since the stage before")))),
                                 .forEach(extras.funnel.rows) { row in
                                     .tr(.td(.text(row.stage.label[language])), .td(.text(row.reached.formatted(in: language))),
                                         .td(.text(duration(row.medianSeconds, language))))
                                 })),
                 .section(.class("card"), .id("service-levels"),
                          .h2(.text(t("Servicezeiten (Arbeitstage)", "Service levels (working days)"))),
                          .table(.tr(.th(.text("Hub")), .th(.text(t("Prüfen", "Vet"))), .th(.text(t("Verteilen", "Route"))),
                                     .th(.text(t("Verweis beantworten", "Answer a referral")))),
                                 .forEach(extras.levels) { entry in
                                     .tr(.td(.text(Network.hub(entry.hub)?.name[language] ?? entry.hub)),
                                         .td(.text(String(entry.levels.vetWithin))), .td(.text(String(entry.levels.routeWithin))),
                                         .td(.text(String(entry.levels.answerReferralWithin))))
                                 }),
                          .form(.method(.post), .action(context.link(.routingServiceLevels)), .id("service-levels-form"),
                                FormParts.csrf(extras.csrf),
                                .div(.class("field"), .label(.attribute(named: "for", value: "sla-hub"), .text("Hub")),
                                     .select(.named("hub"), .id("sla-hub"), .forEach(extras.levels) {
                                         .choice(value: $0.hub, label: Network.hub($0.hub)?.name[language] ?? $0.hub, selected: false)
                                     })),
                                FormParts.field(t("Prüfen binnen", "Vet within"), name: "vetWithin", type: .number,
                                                value: String(ServiceLevels.standard.vetWithin), problems: extras.problems, language),
                                FormParts.field(t("Verteilen binnen", "Route within"), name: "routeWithin", type: .number,
                                                value: String(ServiceLevels.standard.routeWithin), problems: extras.problems, language),
                                FormParts.field(t("Verweis beantworten binnen", "Answer a referral within"), name: "answerReferralWithin",
                                                type: .number, value: String(ServiceLevels.standard.answerReferralWithin), problems: extras.problems, language),
                                .p(.class("meta"), .text(t("Arbeitstage: Montag bis Freitag ohne die gesetzlichen Feiertage des Bundeslands.",
                                                           "Working days: Monday to Friday without the federal state's public holidays."))),
                                .button(.type(.submit), .text(t("Speichern", "Save"))))),
                 matrix(extras.referrals, context))
    }

    static func matrix(_ referrals: ReferralMatrix, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        let hubs = referredHubs(referrals)
        func cell(_ from: String, _ to: String) -> String {
            let cell = referrals.cell(from: from, to: to)
            return cell.referred == 0 ? "–" : "\(cell.referred) / \(cell.answered)"
        }
        return .if(!referrals.cells.isEmpty, .section(.class("card"), .id("referral-matrix"),
                          .h2(.text(t("Verweise zwischen Hubs", "Referrals between hubs"))),
                          .p(.class("meta"), .text(t("Verwiesen / beantwortet", "Referred / answered"))),
                          .table(.tr(.th(.text(t("von \\ an", "from \\ to"))),
                                     .forEach(hubs) { .th(.text(Network.hub($0)?.name[language] ?? $0)) }),
                                 .forEach(referrals.cells.keys.sorted()) { from in
                                     .tr(.th(.text(Network.hub(from)?.name[language] ?? from)),
                                         .forEach(hubs) { to in .td(.text(cell(from, to))) })
                                 })))
    }

    static func referredHubs(_ matrix: ReferralMatrix) -> [String] {
        Array(Set(matrix.cells.values.flatMap(\.keys))).sorted()
    }
}
