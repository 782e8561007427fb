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

    public static func render(_ rows: [Row], state: RoutingState?, _ context: PageContext) -> String {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        return Layout.page(
            context, title: RoutingWords.title[language],
            .p(.a(.href(context.link(.staff)), .text("← " + context.accountStrings.staffTitle))),
            .h1(.text(RoutingWords.title[language])),
            .p(.class("lead"), .text(t("Anfragen Ihrer Hubs und Verweise an sie. Überfällige zuerst, dann die ältesten.",
                                       "Requests of your hubs and referrals to them. Overdue ones first, then the oldest."))),
            .nav(.class("filters"), .id("queue-filters"), .forEach(filters) { filter in
                filter == state
                    ? .strong(.text(filter?.label[language] ?? t("Alle", "All")))
                    : .a(.href(context.link(.routingQueue(state: filter))), .text(filter?.label[language] ?? t("Alle", "All")))
            }),
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
                })
        ).render()
    }
}
