import Foundation
import HubnetCore
import Plot

/// A hub's team looks at its places: the week's utilisation per resource, the bookings (with
/// no-shows to mark) and, for the Start-up Card, where its own organisations work elsewhere.
public enum HubPlacesView {
    public static func render(_ model: PlacePages.HubModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let hub = model.hub
        let previous = NetworkCalendar.day(of: NetworkCalendar.calendar.date(byAdding: .day, value: -7, to: model.monday)!)
        let next = NetworkCalendar.day(of: NetworkCalendar.calendar.date(byAdding: .day, value: 7, to: model.monday)!)
        let title = t("Orte und Auslastung · Hub ", "Places and utilisation · Hub ") + hub.name[language]
        return Layout.page(
            context, title: title, section: .places,
            .p(.a(.href(context.link(.places(hub: hub.slug))), .text("← " + PlaceWords.placesTitle(language)))),
            .h1(.text(title)),
            .p(.class("actions"),
               .a(.id("new-resource-link"), .href(context.link(.newResource(hub: hub.slug))), .text(t("Neue Ressource", "New resource"))), .text(" · "),
               .a(.id("new-event-link"), .href(context.link(.newEvent(hub: hub.slug))), .text(t("Neue Veranstaltung", "New event"))), .text(" · "),
               .a(.href(context.link(.events(hub: hub.slug))), .text(t("Veranstaltungen des Hubs", "The hub's events")))),
            .div(.class("week-nav"),
                 .a(.href(context.link(.hubPlaces(slug: hub.slug, week: previous))), .text(t("← Vorige Woche", "← Previous week"))),
                 .h2(.text(t("Woche ab ", "Week of ") + PlaceWords.shortDay(model.monday, language))),
                 .a(.href(context.link(.hubPlaces(slug: hub.slug, week: next))), .text(t("Nächste Woche →", "Next week →")))),
            .section(.class("card"), .id("utilisation"),
                .h2(.text(t("Auslastung", "Utilisation"))),
                .div(.class("table-wrap"), .table(
                    .thead(.tr(.th(.text(t("Ressource", "Resource"))), .th(.text(t("Gebucht", "Booked"))), .th(.text(t("Geöffnet", "Open"))),
                               .th(.text(t("Anteil", "Share"))), .th(.text(t("Nicht erschienen", "No-shows"))))),
                    .tfoot(.tr(.th(.text(t("Hub gesamt", "Hub total"))),
                               .th(.text(Self.hours(model.utilisation.reduce(0) { $0 + $1.1.bookedMinutes }, language))),
                               .th(.text(Self.hours(model.utilisation.reduce(0) { $0 + $1.1.openMinutes }, language))),
                               .th(.text(Self.percent(Self.share(model.utilisation.map(\.1)), language))),
                               .th(.text("\(model.utilisation.reduce(0) { $0 + $1.1.noShows })")))),
                    .tbody(.forEach(model.utilisation) { resource, use in
                        .tr(.td(.a(.href(context.link(.resource(id: resource.id))), .text(resource.name[language]))),
                            .td(.text(Self.hours(use.bookedMinutes, language))), .td(.text(Self.hours(use.openMinutes, language))),
                            .td(.text(Self.percent(use.share, language))), .td(.text("\(use.noShows)")))
                    })))),
            .section(.class("card"), .id("hub-bookings"),
                .h2(.text(t("Buchungen der Woche", "The week's bookings"))),
                model.bookings.isEmpty ? .p(.text(t("Keine Buchungen.", "No bookings."))) :
                    .ul(.class("plain"), .forEach(model.bookings) { row in
                        .li(.attribute(named: "data-state", value: row.booking.state.rawValue),
                            .text(PlaceWords.span(row.booking.start, row.booking.end, language) + " · " + row.resource.name[language] + " · " + row.organisation
                                  + " · " + row.booking.state.label[language]),
                            .if(row.booking.state == .booked && row.booking.start <= model.now,
                                .form(.class("inline-form"), .method(.post), .action(context.link(.noShowBooking(id: row.booking.id))),
                                      FormParts.csrf(model.csrf), .button(.type(.submit), .class("secondary"), .text(t("Nicht erschienen", "No-show"))))),
                            .if(row.booking.state == .booked,
                                .form(.class("inline-form"), .method(.post), .action(context.link(.cancelBooking(id: row.booking.id))),
                                      FormParts.csrf(model.csrf), .button(.type(.submit), .class("secondary"), .text(t("Stornieren", "Cancel"))))))
                    })),
            .section(.class("card"), .id("startup-card"),
                .h2(.text(t("Start-up Card: unsere Organisationen in anderen Hubs", "Start-up Card: our organisations in other hubs"))),
                model.travels.isEmpty ? .p(.text(t("Diese Woche arbeitet keine Organisation des Hubs anderswo.", "No organisation of the hub works elsewhere this week."))) :
                    .ul(.class("plain"), .forEach(model.travels) { row in
                        .li(.text(row.organisation + " · Hub " + PlaceWords.hubName(row.resource.hubSlug, language) + " · " + row.resource.name[language]
                                  + " · " + PlaceWords.span(row.booking.start, row.booking.end, language)))
                    }))
        ).render()
    }

    static func hours(_ minutes: Int, _ language: SiteLanguage) -> String {
        (Double(minutes) / 60).formatted(in: language, places: minutes % 60 == 0 ? 0 : 1) + " h"
    }

    static func share(_ uses: [Utilisation]) -> Double {
        let open = uses.reduce(0) { $0 + $1.openMinutes }
        return open == 0 ? 0 : Double(uses.reduce(0) { $0 + $1.bookedMinutes }) / Double(open)
    }

    static func percent(_ share: Double, _ language: SiteLanguage) -> String {
        (share * 100).formatted(in: language, places: 0) + " %"
    }
}
