import Foundation
import HubnetCore
import Plot

/// The calendar addresses: the member's own (events, bookings, meetings) and each hub's events.
public enum CalendarView {
    public static func render(_ model: PlacePages.CalendarModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        return Layout.page(
            context, title: t("Mein Kalender", "My calendar"), section: .events,
            .h1(.text(t("Mein Kalender", "My calendar"))),
            .p(.class("lead"), .text(t("Abonnieren Sie diese Adresse in Ihrem Kalender (Outlook, Apple, Google, Thunderbird): Ihre Veranstaltungen, Buchungen und Matchmaking-Treffen erscheinen dort, Änderungen und Absagen auch.",
                                       "Subscribe to this address in your calendar (Outlook, Apple, Google, Thunderbird): your events, bookings and matchmaking meetings appear there, and so do changes and cancellations."))),
            .section(.class("card"),
                .p(.class("secret"), .id("personal-feed"), .text(model.personal)),
                .p(.class("meta"), .text(t("Die Adresse ist geheim: Wer sie kennt, sieht Ihre Termine. Eine neue Adresse macht die alte ungültig.",
                                           "The address is secret: whoever knows it sees your appointments. A new address makes the old one stop working."))),
                .form(.method(.post), .action(context.link(.renewCalendar)), FormParts.csrf(model.csrf),
                      .button(.type(.submit), .class("secondary"), .id("renew-calendar"), .text(t("Neue Adresse", "New address"))))),
            .section(.class("card"), .id("hub-feeds"),
                .h2(.text(t("Veranstaltungen der Hubs", "The hubs' events"))),
                .ul(.forEach(model.hubs) { hub, url in .li(.a(.href(url), .text("Hub " + hub.name[language]))) }))
        ).render()
    }
}
