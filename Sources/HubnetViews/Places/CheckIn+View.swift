import Foundation
import HubnetCore
import Plot

/// The list at the door, made for a phone: a big tick per registered person, the waiting list below.
public enum CheckInView {
    public static func render(_ model: PlacePages.CheckInModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let registered = model.attendees.filter { $0.registration.state == .registered }
        let waiting = model.attendees.filter { $0.registration.state == .waitlisted }
        let present = registered.filter { $0.registration.checkedInAt != nil }.count
        return Layout.page(
            context, title: t("Check-in", "Check-in") + " · " + model.event.title[language], section: .events,
            .p(.a(.href(context.link(.event(id: model.event.id))), .text("← " + model.event.title[language]))),
            .h1(.text(t("Check-in", "Check-in"))),
            .p(.id("check-in-count"), .strong(.text("\(present) / \(registered.count)")), .text(t(" eingecheckt", " checked in"))),
            registered.isEmpty ? .p(.text(t("Noch niemand angemeldet.", "Nobody registered yet."))) :
                .ul(.class("plain check-in"), .id("attendees"), .forEach(registered) { attendee in
                    let checked = attendee.registration.checkedInAt != nil
                    return .li(.class(checked ? "present" : "absent"),
                        .form(.method(.post), .action(context.link(.checkIn(id: model.event.id))),
                              FormParts.csrf(model.csrf),
                              .input(.type(.hidden), .name("registration"), .value(attendee.registration.id.lowercased)),
                              .input(.type(.hidden), .name("present"), .value(checked ? "0" : "1")),
                              .button(.type(.submit), .class(checked ? "tick done" : "tick"),
                                      .attribute(named: "aria-pressed", value: checked ? "true" : "false"),
                                      .text((checked ? "✓ " : "○ ") + attendee.name)),
                              .unwrap(attendee.organisation) { .span(.class("meta"), .text(" " + $0)) }))
                }),
            .if(!waiting.isEmpty, .section(.class("card"), .id("waiting-list"),
                .h2(.text(t("Warteliste", "Waiting list"))),
                .ol(.forEach(waiting) { .li(.text($0.name + ($0.organisation.map { " · " + $0 } ?? ""))) })))
        ).render()
    }
}
