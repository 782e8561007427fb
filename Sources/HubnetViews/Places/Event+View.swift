import Foundation
import HubnetCore
import Plot

/// One event: what, when, where, seats; register or join the waiting list, cancel; the
/// organisers' links (edit, check-in list, call off) and, for matchmaking days, the way in.
public enum EventView {
    public static func render(_ model: PlacePages.EventModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let event = model.event
        let over = event.end <= model.now
        return Layout.page(
            context, title: event.title[language], section: .events,
            .p(.a(.href(context.link(.events(hub: event.hubSlug))), .text("← " + PlaceWords.eventsTitle(language)))),
            .h1(.id("event-title"), .text(event.title[language])),
            .p(.class("meta"), .id("event-time"), .text(event.kind.label[language] + " · Hub " + PlaceWords.hubName(event.hubSlug, language) + " · "
                                                         + PlaceWords.eventTime(event.start, event.end, language))),
            .if(event.cancelled, .div(.class("notice"), .id("event-cancelled"), .p(.strong(.text(t("Diese Veranstaltung fällt aus.", "This event is cancelled.")))))),
            .if(model.manages, .p(.class("actions"), .id("event-actions"),
                .a(.id("edit-event-link"), .href(context.link(.editEvent(id: event.id))), .text(t("Bearbeiten", "Edit"))), .text(" · "),
                .a(.id("check-in-link"), .href(context.link(.checkIn(id: event.id))), .text(t("Check-in-Liste", "Check-in list"))),
                .if(!event.cancelled, .form(.class("inline-form danger"), .method(.post), .action(context.link(.cancelEvent(id: event.id))),
                                            FormParts.csrf(model.csrf),
                                            .button(.type(.submit), .id("cancel-event"), .text(t("Absagen", "Call off"))))))),
            FormParts.notice(model.problems.map { $0.message[language] }),
            .div(.class("grid"),
                 .section(.class("card"), .id("event-description"),
                          .if(!event.description[language].isEmpty, .p(.class("pre"), .text(event.description[language]))),
                          .p(.strong(.text(t("Ort: ", "Venue: "))), .text(event.venue)),
                          .p(.strong(.text(t("Plätze: ", "Seats: "))), .text(EventListView.seats(event, model.seatsTaken, language))),
                          .p(.a(.href("/calendar/hubs/\(event.hubSlug).ics" + (language == .en ? "?lang=en" : "")),
                                .text(t("Alle Veranstaltungen des Hubs im Kalender (iCal)", "All the hub's events in your calendar (iCal)"))))),
                 registration(model, context, over: over)),
            .if(event.kind == .matchmakingDay, .section(.class("card"), .id("matchmaking-entry"),
                .h2(.text(t("Matchmaking", "Matchmaking"))),
                .p(.text(t("Sagen Sie, was Sie anbieten und suchen, fragen Sie Eins-zu-eins-Treffen an; die Organisatoren planen alle angenommenen Treffen in Zeitfenster und an Tische.",
                           "Say what you offer and seek, ask for one-to-one meetings; the organisers place every accepted meeting in a slot and at a table."))),
                .p(.a(.class("button"), .id("matchmaking-link"), .href(context.link(.matchmaking(id: event.id))), .text(t("Zum Matchmaking", "To matchmaking"))),
                   .text(" "), .if(model.signedIn, .a(.id("agenda-link"), .href(context.link(.agenda(id: event.id))), .text(t("Meine Agenda", "My agenda")))))))
        ).render()
    }

    static func registration(_ model: PlacePages.EventModel, _ context: PageContext, over: Bool) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = PlaceWords.t(language)
        let event = model.event
        let state = model.registration?.state
        let full = model.seatsTaken >= event.capacity
        return .section(.class("card"), .id("registration"),
            .h2(.text(t("Anmeldung", "Registration"))),
            .unwrap(state) { state in
                state == .cancelled ? .empty : .p(.id("registration-state"), .strong(.text(state.label[language])),
                    .unwrap(model.waitlistPosition) { .text(t(" – Platz \($0) auf der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine Nachricht.",
                                                             " – number \($0) on the waiting list. When a seat comes free, you move up automatically and are told.")) })
            },
            over || event.cancelled ? .p(.text(over ? t("Die Veranstaltung ist vorbei.", "The event is over.") : t("Keine Anmeldung mehr.", "Registration is closed."))) :
            !model.signedIn ? .p(.a(.href(context.link(.signIn)), .text(t("Melden Sie sich an", "Sign in"))), .text(t(", um sich anzumelden.", " to register."))) :
            (state == .registered || state == .waitlisted)
                ? .form(.method(.post), .action(context.link(.cancelRegistration(id: event.id))), FormParts.csrf(model.csrf),
                        .button(.type(.submit), .class("secondary"), .id("cancel-registration"),
                                .text(state == .registered ? t("Abmelden", "Cancel my registration") : t("Warteliste verlassen", "Leave the waiting list"))))
                : .form(.method(.post), .action(context.link(.registerForEvent(id: event.id))), FormParts.csrf(model.csrf),
                        .if(!model.organisations.isEmpty, .div(.class("field"), .label(.attribute(named: "for", value: "organisation"), .text(t("Für", "For"))),
                            .select(.named("organisation"), .id("organisation"),
                                    .choice(value: "", label: t("nur für mich", "just me"), selected: false),
                                    .forEach(model.organisations) { .choice(value: $0.id.lowercased, label: $0.name, selected: false) }))),
                        .button(.type(.submit), .id("register"), .text(full ? t("Auf die Warteliste", "Join the waiting list") : t("Anmelden", "Register")))))
    }
}
