import Foundation
import HubnetCore
import Plot

/// A hub manager sets up or changes an event.
public enum EventFormView {
    public static func render(_ model: PlacePages.EventFormModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let v = model.values
        let title = model.existing == nil ? t("Neue Veranstaltung", "New event") : t("Veranstaltung bearbeiten", "Edit event")
        let action = model.existing.map { context.link(.editEvent(id: $0)) } ?? context.link(.newEvent())
        let problems = model.problems.map { $0.field == "title" ? FieldProblem(field: "title_de", message: $0.message) : $0 }
        return Layout.page(
            context, title: title, section: .events,
            .h1(.text(title)),
            FormParts.notice(model.problems.filter { ["hub", "end", "description"].contains($0.field) }.map { $0.message[language] }),
            .form(.class("card"), .id("event-form"), .method(.post), .action(action),
                  FormParts.csrf(model.csrf),
                  .div(.class("two"),
                       model.existing == nil
                        ? .div(.class("field"), .label(.attribute(named: "for", value: "hub"), .text("Hub")),
                               .select(.named("hub"), .id("hub"), PlaceWords.hubOptions(model.hubs, selected: v["hub"], language, any: nil)))
                        : .div(.class("field"), .label(.text("Hub")), .p(.text(PlaceWords.hubName(v["hub"] ?? "", language))),
                               .input(.type(.hidden), .name("hub"), .value(v["hub"] ?? ""))),
                       .div(.class("field"), .label(.attribute(named: "for", value: "kind"), .text(t("Art", "Kind"))),
                            .select(.named("kind"), .id("kind"), .forEach(EventKind.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: $0.rawValue == v["kind"]) }))),
                  .div(.class("two"),
                       FormParts.field(t("Titel (deutsch)", "Title (German)"), name: "title_de", value: v["title_de"] ?? "", problems: problems, language),
                       FormParts.field(t("Titel (englisch)", "Title (English)"), name: "title_en", value: v["title_en"] ?? "", problems: problems, language)),
                  .div(.class("two"),
                       FormParts.textArea(t("Beschreibung (deutsch)", "Description (German)"), name: "description_de", value: v["description_de"] ?? "", problems: problems, language),
                       FormParts.textArea(t("Beschreibung (englisch)", "Description (English)"), name: "description_en", value: v["description_en"] ?? "", problems: problems, language)),
                  FormParts.field(t("Ort", "Venue"), name: "venue", value: v["venue"] ?? "", problems: problems, language),
                  .div(.class("two"),
                       FormParts.field(t("Beginn (Berliner Zeit)", "Start (Berlin time)"), name: "start", type: .datetimeLocal, value: v["start"] ?? "", problems: problems, language),
                       FormParts.field(t("Ende (Berliner Zeit)", "End (Berlin time)"), name: "end", type: .datetimeLocal, value: v["end"] ?? "", problems: problems, language),
                       FormParts.field(t("Plätze", "Seats"), name: "capacity", type: .number, value: v["capacity"] ?? "", problems: problems, language)),
                  .button(.type(.submit), .id("save-event"), .text(t("Speichern", "Save"))))
        ).render()
    }
}
