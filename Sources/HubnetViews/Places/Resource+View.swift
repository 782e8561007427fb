import Foundation
import HubnetCore
import Plot

/// One resource: what it is, its rules, its week at a glance and booking by a click on a
/// free time (with the organisation and the length chosen once, above the week).
public enum ResourceView {
    public static func render(_ model: PlacePages.ResourceModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let resource = model.resource
        let previous = NetworkCalendar.day(of: NetworkCalendar.calendar.date(byAdding: .day, value: -7, to: model.week.monday)!)
        let next = NetworkCalendar.day(of: NetworkCalendar.calendar.date(byAdding: .day, value: 7, to: model.week.monday)!)
        let mayBook = !model.organisations.isEmpty && resource.active
        let lengths = stride(from: resource.granularityMinutes, through: resource.maximumMinutes, by: resource.granularityMinutes).prefix(12)
        return Layout.page(
            context, title: resource.name[language], section: .places,
            .p(.a(.href(context.link(.places(hub: resource.hubSlug))), .text("← " + PlaceWords.placesTitle(language) + " · Hub " + PlaceWords.hubName(resource.hubSlug, language)))),
            .h1(.id("resource-title"), .text(resource.name[language])),
            .p(.class("meta"), .text(resource.kind.label[language] + " · Digital Hub " + PlaceWords.hubName(resource.hubSlug, language) + ", " + resource.city),
               .if(model.manages, .group(.text(" · "), .a(.id("edit-resource-link"), .href(context.link(.editResource(id: resource.id))), .text(t("Bearbeiten", "Edit")))))),
            .unwrap(model.booked) { booking in
                .div(.class("notice"), .id("booked"), .attribute(named: "role", value: "status"),
                     .p(.text(t("Gebucht: ", "Booked: ") + PlaceWords.span(booking.start, booking.end, language) + ". "),
                        .a(.href(context.link(.bookings)), .text(t("Meine Buchungen", "My bookings")))))
            },
            FormParts.notice(model.problems.map { $0.message[language] }),
            .div(.class("grid"),
                 .section(.class("card"), .id("resource-facts"),
                          .if(!resource.description[language].isEmpty, .p(.class("pre"), .text(resource.description[language]))),
                          .p(.strong(.text(t("Öffnungszeiten: ", "Opening hours: "))), .text(resource.openingHours.text(language)
                             + t(" (Berliner Zeit); an Feiertagen geschlossen.", " (Berlin time); closed on public holidays."))),
                          .p(.strong(.text(t("Wer buchen kann: ", "Who may book: "))), .text(resource.rule.label[language] + ".")),
                          .p(.strong(.text(t("Buchung: ", "Booking: "))),
                             .text(t("im Raster von \(resource.granularityMinutes) Minuten, höchstens \(Self.hours(resource.maximumMinutes, language)) am Stück, bis \(resource.bookableDaysAhead) Tage im Voraus",
                                     "on a \(resource.granularityMinutes)-minute grid, at most \(Self.hours(resource.maximumMinutes, language)) at a time, up to \(resource.bookableDaysAhead) days ahead")
                                   + (resource.quotaDaysPerMonth.map { t("; Kontingent \($0) Tage im Monat je Organisation.", "; quota \($0) days a month per organisation.") } ?? "."))),
                          .if(!resource.closures.isEmpty, .ul(.forEach(resource.closures) { closure in
                              .li(.text(t("Geschlossen ", "Closed ") + "\(closure.from) – \(closure.to): " + closure.reason[language]))
                          }))),
                 .section(.class("card"), .id("how-to-book"),
                          .h2(.text(t("Buchen", "Book"))),
                          !model.signedIn
                            ? .p(.a(.href(context.link(.signIn)), .text(t("Melden Sie sich an", "Sign in"))), .text(t(", um zu buchen.", " to book.")))
                            : model.organisations.isEmpty
                                ? .p(.text(model.refused.isEmpty
                                           ? t("Buchen können Mitglieder von Organisationen. Legen Sie Ihre Organisation im Verzeichnis an.",
                                               "Members of organisations book. Add your organisation to the directory.")
                                           : t("Ihre Organisationen können hier nicht buchen: ", "Your organisations cannot book here: ") + resource.rule.label[language] + "."))
                                : .form(.id("booking-form"), .method(.post), .action(context.link(.bookResource(id: resource.id))),
                                        FormParts.csrf(model.csrf),
                                        .input(.type(.hidden), .name("week"), .value(NetworkCalendar.day(of: model.week.monday))),
                                        .div(.class("field"), .label(.attribute(named: "for", value: "organisation"), .text(t("Für", "For"))),
                                             .select(.named("organisation"), .id("organisation"),
                                                     .forEach(model.organisations) { .choice(value: $0.id.lowercased, label: $0.name, selected: false) })),
                                        .div(.class("field"), .label(.attribute(named: "for", value: "minutes"), .text(t("Dauer", "Length"))),
                                             .select(.named("minutes"), .id("minutes"),
                                                     .forEach(Array(lengths)) { .choice(value: String($0), label: Self.hours($0, language), selected: $0 == resource.granularityMinutes) })),
                                        .p(.class("meta"), .text(t("Dann unten eine freie Zeit wählen.", "Then choose a free time below."))))
                 )),
            .section(.class("card"), .id("week"),
                .div(.class("week-nav"),
                     .a(.id("previous-week"), .href(context.link(.resource(id: resource.id, week: previous))), .text(t("← Vorige Woche", "← Previous week"))),
                     .h2(.text(t("Woche ab ", "Week of ") + PlaceWords.shortDay(model.week.monday, language))),
                     .a(.id("next-week"), .href(context.link(.resource(id: resource.id, week: next))), .text(t("Nächste Woche →", "Next week →")))),
                .div(.class("week"), .forEach(model.week.days) { day in
                    .div(.class("day"), .attribute(named: "data-day", value: day.day),
                         .h3(.text(PlaceWords.shortDay(day.start, language))),
                         .unwrap(day.closedBecause) { .p(.class("meta closed"), .text($0[language])) },
                         .div(.class("slots"), .forEach(day.slots) { slot in
                             slotNode(slot, mayBook: mayBook, language)
                         }))
                }),
                .p(.class("meta"), .text(t("Zeiten in Berliner Zeit. Grün: Ihre Buchungen; grau: belegt.",
                                           "Times in Berlin time. Green: your bookings; grey: taken."))))
        ).render()
    }

    static func slotNode(_ slot: WeekAvailability.Slot, mayBook: Bool, _ language: SiteLanguage) -> Node<HTML.BodyContext> {
        let label = PlaceWords.clock(slot.start)
        let start = ISO8601DateFormatter().string(from: slot.start)
        switch slot.state {
        case .free where mayBook:
            // The slot buttons belong to the booking form above, wherever they stand.
            return .button(.type(.submit), .class("slot free"), .attribute(named: "form", value: "booking-form"), .name("start"), .value(start),
                           .attribute(named: "aria-label", value: (language == .de ? "Buchen ab " : "Book from ") + label), .text(label))
        case .free: return .span(.class("slot free"), .text(label))
        case .taken: return .span(.class("slot taken"), .attribute(named: "title", value: language == .de ? "belegt" : "taken"), .text(label))
        case .own: return .span(.class("slot own"), .attribute(named: "title", value: language == .de ? "Ihre Buchung" : "your booking"), .text(label))
        case .past: return .span(.class("slot past"), .text(label))
        }
    }

    static func hours(_ minutes: Int, _ language: SiteLanguage) -> String {
        if minutes % 60 == 0 { return "\(minutes / 60) " + (language == .de ? (minutes == 60 ? "Stunde" : "Stunden") : (minutes == 60 ? "hour" : "hours")) }
        return "\(minutes) " + (language == .de ? "Minuten" : "minutes")
    }
}
