import Foundation
import HubnetCore
import Plot

/// The hubs' coming events: pitch nights, workshops, demo days, matchmaking days.
public enum EventListView {
    public static func render(_ model: PlacePages.EventListModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        return Layout.page(
            context, title: PlaceWords.eventsTitle(language), section: .events,
            .h1(.text(PlaceWords.eventsTitle(language))),
            .p(.class("lead"), .text(t("Pitch-Abende, Workshops, Demo Days und Matchmaking-Tage der Hubs. Anmelden, Warteliste, Kalender-Abo.",
                                       "Pitch nights, workshops, demo days and matchmaking days of the hubs. Register, waiting list, calendar subscription."))),
            .form(.class("filters"), .method(.get), .action(context.link(.events())),
                  .div(.class("field"), .label(.attribute(named: "for", value: "hub"), .text("Hub")),
                       .select(.named("hub"), .id("hub"), PlaceWords.hubOptions(Network.hubs.map(\.slug), selected: model.hub, language, any: t("Alle Hubs", "All hubs")))),
                  .div(.class("field"), .label(.text(" ")), .button(.type(.submit), .text(t("Zeigen", "Show"))))),
            .p(.class("actions"),
               .a(.id("hub-feed-link"), .href("/calendar/hubs/\(model.hub ?? "berlin").ics" + (language == .en ? "?lang=en" : "")),
                  .text(t("Kalender-Abo (iCal) für Hub ", "Calendar feed (iCal) for Hub ") + PlaceWords.hubName(model.hub ?? "berlin", language))),
               .if(model.signedIn, .group(.text(" · "), .a(.href(context.link(.calendar)), .text(t("Mein Kalender", "My calendar"))))),
               .forEach(model.managedHubs.prefix(3)) { slug in
                   .group(.text(" · "), .a(.class("new-event-link"), .href(context.link(.newEvent(hub: slug))), .text(t("Neue Veranstaltung ", "New event ") + PlaceWords.hubName(slug, language))))
               }),
            model.events.isEmpty ? .p(.text(t("Keine kommenden Veranstaltungen.", "No coming events."))) :
                .ul(.class("results"), .id("events"), .forEach(model.events) { event, taken in
                    .li(.class("card"), .attribute(named: "data-event", value: event.id.lowercased), .attribute(named: "data-kind", value: event.kind.rawValue),
                        .h3(.a(.href(context.link(.event(id: event.id))), .text(event.title[language]))),
                        .p(.class("meta"), .text(event.kind.label[language] + " · Hub " + PlaceWords.hubName(event.hubSlug, language) + " · "
                                                 + PlaceWords.eventTime(event.start, event.end, language)
                                                 + " · " + (event.cancelled ? t("abgesagt", "cancelled") : seats(event, taken, language)))))
                })
        ).render()
    }

    static func seats(_ event: Event, _ taken: Int, _ language: SiteLanguage) -> String {
        let free = max(0, event.capacity - taken)
        if free == 0 { return language == .de ? "ausgebucht, Warteliste offen" : "full, waiting list open" }
        return language == .de ? "\(free) von \(event.capacity) Plätzen frei" : "\(free) of \(event.capacity) seats free"
    }
}
