import Foundation
import HubnetCore
import Plot

/// The bookings of the reader's organisations, coming ones first, each cancellable before it begins.
public enum BookingsView {
    public static func render(_ model: PlacePages.BookingsModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let coming = model.rows.filter { $0.booking.end > model.now }
        let past = model.rows.filter { $0.booking.end <= model.now }.reversed()
        return Layout.page(
            context, title: t("Meine Buchungen", "My bookings"), section: .places,
            .p(.a(.href(context.link(.places())), .text("← " + PlaceWords.placesTitle(language)))),
            .h1(.text(t("Meine Buchungen", "My bookings"))),
            .p(.class("meta"), .text(t("Alle Buchungen Ihrer Organisationen. Im Kalender: ", "All bookings of your organisations. In your calendar: ")),
               .a(.href(context.link(.calendar)), .text(t("Kalender abonnieren", "Subscribe to your calendar")))),
            coming.isEmpty ? .p(.id("no-bookings"), .text(t("Keine kommenden Buchungen.", "No coming bookings.")), .text(" "),
                                .a(.href(context.link(.places())), .text(t("Etwas buchen", "Book something"))))
                : .ul(.class("plain"), .id("bookings"), .forEach(coming) { row(context, $0, model: model) }),
            .if(!past.isEmpty, .details(.summary(.text(t("Vergangene Buchungen", "Past bookings"))),
                                        .ul(.class("plain"), .forEach(Array(past)) { row(context, $0, model: model) })))
        ).render()
    }

    static func row(_ context: PageContext, _ row: PlacePages.BookingRow, model: PlacePages.BookingsModel) -> Node<HTML.ListContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        let booking = row.booking
        let place = " · Hub " + PlaceWords.hubName(row.resource.hubSlug, language) + " · " + PlaceWords.span(booking.start, booking.end, language)
        let link: Node<HTML.BodyContext> = .a(.href(context.link(.resource(id: row.resource.id, week: booking.day))), .strong(.text(row.resource.name[language])))
        let meta: Node<HTML.BodyContext> = .p(.class("meta"), .text(row.organisation + " · " + booking.state.label[language]))
        let cancel: Node<HTML.BodyContext> = .form(.class("inline"), .method(.post), .action(context.link(.cancelBooking(id: booking.id))),
                                                    FormParts.csrf(model.csrf),
                                                    .button(.type(.submit), .class("secondary cancel-booking"), .text(t("Stornieren", "Cancel"))))
        return .li(.class("booking"), .attribute(named: "data-state", value: booking.state.rawValue),
                   link, .text(place), meta, .if(booking.state == .booked && booking.start > model.now, cancel))
    }
}
