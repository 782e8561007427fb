import Foundation
import HubnetCore
import Plot

/// A hub manager sets up a resource: names, hours, closures, grid, quota and who may book.
public enum ResourceFormView {
    public static func render(_ model: PlacePages.ResourceFormModel, _ context: PageContext) -> String {
        let language = context.language
        let t = PlaceWords.t(language)
        let v = model.values
        let title = model.existing == nil ? t("Neue Ressource", "New resource") : t("Ressource bearbeiten", "Edit resource")
        let action = model.existing.map { context.link(.editResource(id: $0)) } ?? context.link(.newResource())
        let hub = v["hub"].flatMap(Network.hub)
        let cities = (hub.map { [$0] } ?? model.hubs.compactMap(Network.hub)).flatMap(\.cities).map(\.name.de)
        return Layout.page(
            context, title: title, section: .places,
            .h1(.text(title)),
            FormParts.notice(model.problems.filter { !["name", "name_de", "name_en"].contains($0.field) }.map { $0.message[language] }),
            .form(.class("card"), .id("resource-form"), .method(.post), .action(action),
                  FormParts.csrf(model.csrf),
                  .div(.class("two"),
                       model.existing == nil
                        ? .div(.class("field"), .label(.attribute(named: "for", value: "hub"), .text("Hub")),
                               .select(.named("hub"), .id("hub"), PlaceWords.hubOptions(model.hubs, selected: v["hub"], language, any: nil)))
                        : .div(.class("field"), .label(.text("Hub")), .p(.text(PlaceWords.hubName(v["hub"] ?? "", language))),
                               .input(.type(.hidden), .name("hub"), .value(v["hub"] ?? ""))),
                       .div(.class("field"), .label(.attribute(named: "for", value: "city"), .text(t("Stadt", "City"))),
                            .select(.named("city"), .id("city"), .forEach(cities) { .choice(value: $0, label: $0, selected: $0 == v["city"]) })),
                       .div(.class("field"), .label(.attribute(named: "for", value: "kind"), .text(t("Art", "Kind"))),
                            .select(.named("kind"), .id("kind"), .forEach(ResourceKind.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: $0.rawValue == v["kind"]) })),
                       .div(.class("field"), .label(.attribute(named: "for", value: "rule"), .text(t("Wer buchen kann", "Who may book"))),
                            .select(.named("rule"), .id("rule"), .forEach(BookingRule.allCases) { .choice(value: $0.rawValue, label: $0.label[language], selected: $0.rawValue == v["rule"]) }))),
                  .div(.class("two"),
                       FormParts.field(t("Name (deutsch)", "Name (German)"), name: "name_de", value: v["name_de"] ?? "", problems: model.problems.map { $0.field == "name" ? FieldProblem(field: "name_de", message: $0.message) : $0 }, language),
                       FormParts.field(t("Name (englisch)", "Name (English)"), name: "name_en", value: v["name_en"] ?? "", problems: model.problems, language)),
                  .div(.class("two"),
                       FormParts.textArea(t("Beschreibung (deutsch)", "Description (German)"), name: "description_de", value: v["description_de"] ?? "", problems: model.problems, language),
                       FormParts.textArea(t("Beschreibung (englisch)", "Description (English)"), name: "description_en", value: v["description_en"] ?? "", problems: model.problems, language)),
                  FormParts.field(t("Öffnungszeiten, z. B. „Mo-Fr 08:00-20:00; Sa 10:00-16:00“", "Opening hours, e.g. 'Mon-Fri 08:00-20:00; Sat 10:00-16:00'"),
                                  name: "opening_hours", value: v["opening_hours"] ?? "", problems: model.problems, language),
                  FormParts.textArea(t("Schließzeiten, eine je Zeile: „2026-12-24 2027-01-01 Winterpause“", "Closures, one per line: '2026-12-24 2027-01-01 Winter break'"),
                                     name: "closures", value: v["closures"] ?? "", problems: model.problems, language),
                  .div(.class("two"),
                       .div(.class("field"), .label(.attribute(named: "for", value: "granularity"), .text(t("Raster (Minuten)", "Grid (minutes)"))),
                            .select(.named("granularity"), .id("granularity"), .forEach([15, 30, 60, 120, 240]) { .choice(value: "\($0)", label: "\($0)", selected: "\($0)" == v["granularity"]) })),
                       FormParts.field(t("Längste Buchung (Stunden)", "Longest booking (hours)"), name: "maximum", type: .number, value: v["maximum"] ?? "", problems: model.problems, language),
                       FormParts.field(t("Kontingent: Tage im Monat je Organisation (leer: keins)", "Quota: days a month per organisation (empty: none)"),
                                       name: "quota", type: .number, value: v["quota"] ?? "", required: false, problems: model.problems, language),
                       FormParts.field(t("Buchbar Tage im Voraus", "Bookable days ahead"), name: "ahead", type: .number, value: v["ahead"] ?? "", problems: model.problems, language)),
                  .div(.class("field consent"), .label(FormParts.input(type: .checkbox, name: "active", value: "on", checked: v["active"] == "on", id: "active"),
                                                      .text(t(" buchbar", " bookable")))),
                  .button(.type(.submit), .id("save-resource"), .text(t("Speichern", "Save"))))
        ).render()
    }
}
