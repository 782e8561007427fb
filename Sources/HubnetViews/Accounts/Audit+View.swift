import Foundation
import HubnetCore
import Plot

/// The audit log for staff: filters, then one card per entry with a readable before → after
/// per field; dates in the page's language and the network's time zone. Cards instead of a
/// wide table, so that it reads on a phone.
public enum AuditView {
    public static func render(_ model: AuditModel, _ context: PageContext) -> String {
        let strings = context.accountStrings
        let language = context.language
        func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
        let filter = model.filter
        return Layout.page(
            context, title: strings.auditTitle,
            .h1(.text(strings.auditTitle)),
            .p(.class("lead"), .text(t("Jede Änderung im Netzwerk, wer sie wann gemacht hat und was vorher und nachher galt.",
                                       "Every change in the network: who made it, when, and what held before and after."))),
            filterForm(model, context),
            .if(!model.problems.isEmpty, .div(
                .class("notice"), .attribute(named: "role", value: "alert"),
                .ul(.forEach(model.problems) { .li(.text($0.message[language])) }))),
            .unwrap(model.actorName) { name in
                .p(.id("actor-filter"), .text(t("Nur Einträge von ", "Only entries by ") + name + " · "),
                   .a(.href(context.link(.audit(with(filter) { $0.actor = nil; $0.page = 1 }))), .text(t("alle zeigen", "show everyone"))))
            },
            .if(model.rows.isEmpty, .p(.id("no-entries"), .text(t("Keine Einträge für diese Auswahl.", "No entries for this choice.")))),
            .ol(.class("results audit"), .id("audit-log"), .forEach(model.rows) { entry(row: $0, filter: filter, context) }),
            .nav(
                .class("pagination"), .attribute(named: "aria-label", value: t("Seiten", "Pages")),
                .if(filter.page > 1, .a(.rel(.prev), .href(context.link(.audit(with(filter) { $0.page -= 1 }))),
                                        .text("← " + t("Neuere", "Newer")))),
                .if(filter.page > 1 || model.more, .span(.text(t("Seite ", "Page ") + filter.page.formatted(in: language)))),
                .if(model.more, .a(.rel(.next), .id("older"), .href(context.link(.audit(with(filter) { $0.page += 1 }))),
                                   .text(t("Ältere", "Older") + " →"))))
        ).render()
    }

    private static func filterForm(_ model: AuditModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
        let filter = model.filter
        return .form(
            .class("search"), .id("audit-filter"), .method(.get), .action(context.link(.audit())),
            .if(model.hubs.count > 1, .label(.text("Hub"), .select(
                .named("hub"), .id("filter-hub"),
                .choice(value: "", label: t("Alle Hubs", "All hubs"), selected: filter.hub == nil),
                .forEach(model.hubs) { slug in
                    .choice(value: slug, label: Network.hub(slug)?.name[language] ?? slug, selected: filter.hub == slug)
                }))),
            .label(.text(t("Bereich", "Area")), .select(
                .named("action"), .id("filter-action"),
                .choice(value: "", label: t("Alle Bereiche", "All areas"), selected: filter.action == nil),
                .forEach(AuditFilter.areas) { area in
                    .choice(value: area, label: AuditModel.label(area: area)[language], selected: filter.action == area)
                },
                .unwrap(filter.action.flatMap { AuditFilter.areas.contains($0) ? nil : $0 }) { action in
                    .choice(value: action, label: AuditModel.label(action: action)[language], selected: true)
                })),
            .label(.text(t("Von", "From")), FormParts.input(type: .date, name: "from", value: filter.from.map(NetworkCalendar.day(of:)) ?? "",
                                                            id: "filter-from")),
            .label(.text(t("Bis", "Until")), FormParts.input(
                type: .date, name: "until", value: filter.until.map { NetworkCalendar.day(of: NetworkCalendar.previousDay(before: $0)) } ?? "",
                id: "filter-until")),
            .unwrap(filter.actor) { .input(.type(.hidden), .name("actor"), .value($0.uuidString.lowercased())) },
            .button(.type(.submit), .text(t("Anzeigen", "Show"))),
            .if(!filter.isEmpty, .a(.href(context.link(.audit())), .text(t("Filter zurücksetzen", "Clear filters"))))
        )
    }

    private static func entry(row: AuditModel.Row, filter: AuditFilter, _ context: PageContext) -> Node<HTML.ListContext> {
        let language = context.language
        func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
        let object = AuditModel.label(objectType: row.objectType)[language] + (row.objectName.map { " „\($0)“" } ?? " " + row.objectID.prefix(8))
        let hub = row.hub.map { Network.hub($0)?.name[language] ?? $0 }
        return .li(
            .class("card audit-entry"), .data(named: "action", value: row.action),
            .p(.class("meta"),
               .element(named: "time", nodes: [.attribute(named: "datetime", value: row.occurredAt.formatted(.iso8601)),
                                                .text(when(row.occurredAt, language))]),
               .text(" · "),
               .unwrap(row.actorID, { id in
                   .a(.class("actor"), .href(context.link(.audit(with(filter) { $0.actor = id; $0.page = 1 }))), .text(row.actor))
               }, else: .text(row.actor))),
            .h3(.text(AuditModel.label(action: row.action)[language])),
            .p(.text(object + (hub.map { " · Digital Hub " + $0 } ?? ""))),
            .if(!row.changes.isEmpty, .div(.class("table-wrap"), .table(
                .class("changes"),
                .thead(.tr(.th(.text(t("Feld", "Field"))), .th(.text(t("vorher", "before"))), .th(.text(t("nachher", "after"))))),
                .tbody(.forEach(row.changes) { change in
                    .tr(.td(.text(change.field.isEmpty ? t("Wert", "Value") : AuditModel.label(field: change.field)[language])),
                        .td(.class("before"), .text(shown(change.before))),
                        .td(.class("after"), .text(shown(change.after))))
                })
            )))
        )
    }

    /// "27. Nov. 2026, 14:03" on German pages, "27 Nov 2026, 14:03" on English ones; Berlin time.
    static func when(_ date: Date, _ language: SiteLanguage) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened)
        style.locale = Locale(identifier: language == .de ? "de_DE" : "en_GB")
        style.timeZone = NetworkCalendar.timeZone
        return date.formatted(style)
    }

    /// A value as shown: nothing and an empty text both as a dash.
    private static func shown(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "–" }
        return value
    }

    private static func with(_ filter: AuditFilter, _ change: (inout AuditFilter) -> Void) -> AuditFilter {
        var changed = filter
        change(&changed)
        return changed
    }
}
