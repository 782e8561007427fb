import Foundation
import HubnetCore
import Plot

/// A participant's agenda of a matchmaking day: time, table, whom; printable and in the calendar.
public enum AgendaView {
    public static func render(_ model: PlacePages.AgendaModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let title = t("Meine Agenda", "My agenda") + " · " + model.event.title[language]
        return Layout.page(
            context, title: title, section: .events,
            .if(!model.printable, .p(.class("no-print"), .a(.href(context.link(.matchmaking(id: model.event.id))), .text("← Matchmaking")))),
            .h1(.text(title)),
            .p(.class("meta"), .text(model.name + " · " + PlaceWords.eventTime(model.event.start, model.event.end, language) + " · " + model.event.venue)),
            model.items.isEmpty
                ? .p(.id("agenda-empty"), .text(t("Noch keine geplanten Treffen. Sobald die Organisatoren planen, stehen Ihre Treffen hier.",
                                                   "No scheduled meetings yet. Once the organisers schedule the day, your meetings are here.")))
                : .div(.class("table-wrap"), .table(.id("agenda"),
                    .thead(.tr(.th(.text(t("Zeit", "Time"))), .th(.text(t("Tisch", "Table"))), .th(.text(t("Mit", "With"))))),
                    .tbody(.forEach(model.items) { item in
                        .tr(.td(.text(PlaceWords.clock(item.start) + "–" + PlaceWords.clock(item.end))), .td(.text("\(item.table)")),
                            .td(.strong(.text(item.organisation)), .text(item.with.isEmpty ? "" : " · " + item.with)))
                    }))),
            .if(!model.printable, .p(.class("actions no-print"),
                .a(.id("print-agenda"), .href(context.link(.agenda(id: model.event.id, print: true))), .text(t("Druckansicht", "Printable view"))),
                .unwrap(model.feed) { .group(.text(" · "), .a(.id("agenda-feed"), .href($0), .text(t("In den Kalender (iCal)", "To your calendar (iCal)")))) }))
        ).render()
    }
}
