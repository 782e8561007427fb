import Foundation
import HubnetCore
import Plot

/// The organisers' jury page: invite jurors, see every conflict and why, run the assignment,
/// pin or forbid pairs, and confirm, which sends each juror their applications.
public enum JuryView {
    public static func render(_ model: CallPages.JuryModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        let call = model.call
        return Layout.page(
            context, title: t("Jury", "Jury") + " · " + call.title[language], section: .calls,
            .p(.a(.href(context.link(.call(id: call.id))), .text("← " + call.title[language]))),
            .h1(.text(t("Jury und Zuteilung", "Jury and assignment"))),
            .unwrap(model.notice) { .div(.class("notice"), .id("jury-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            FormParts.notice(model.problems.map { $0.message[language] }),
            .div(.class("grid"), jurors(model, context), invite(model, context)),
            assignment(model, context),
            conflicts(model, context)
        ).render()
    }

    static func invite(_ model: CallPages.JuryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        return .form(.class("card"), .method(.post), .action(context.link(.inviteJuror(id: model.call.id))), .id("invite-juror"),
            FormParts.csrf(model.csrf),
            .h2(.text(t("Jurymitglied einladen", "Invite a juror"))),
            .p(.class("meta"), .text(t("Ein vorhandenes Konto erhält die Jury-Rolle; für eine neue Adresse wird ein Konto angelegt und ein Link zum Passwort verschickt.",
                                       "An existing account gets the jury role; for a new address an account is created and a link to set the password is sent."))),
            FormParts.field(t("E-Mail-Adresse", "E-mail address"), name: "email", type: .email, problems: model.problems, language),
            FormParts.field(t("Name (für eine neue Adresse)", "Name (for a new address)"), name: "name", required: false, problems: model.problems, language),
            FormParts.textArea(t("Expertise (Themen, Branchen, Methoden)", "Expertise (topics, industries, methods)"), name: "expertise", value: "",
                               problems: model.problems, language),
            .button(.type(.submit), .id("send-invitation"), .text(t("Einladen", "Invite"))))
    }

    static func jurors(_ model: CallPages.JuryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        return .section(.class("card"), .id("jurors"),
            .h2(.text(t("Jury", "Jury") + " (\(model.jurors.count))")),
            model.jurors.isEmpty ? .p(.text(t("Noch niemand eingeladen.", "Nobody invited yet."))) :
                .ul(.class("plain"), .forEach(model.jurors) { juror in
                    .li(.attribute(named: "data-juror", value: juror.id.lowercased),
                        .strong(.text(juror.name)), .text(" · " + juror.email),
                        .if(!juror.organisations.isEmpty, .span(.class("meta"), .text(" · " + juror.organisations.joined(separator: ", ")))),
                        .if(!juror.expertise.isEmpty, .p(.class("meta"), .text(juror.expertise))),
                        .form(.class("inline"), .method(.post), .action(context.link(.removeJuror(id: model.call.id))),
                              FormParts.csrf(model.csrf), .input(.type(.hidden), .name("juror"), .value(juror.id.lowercased)),
                              .button(.type(.submit), .class("link"), .text(t("aus der Jury nehmen", "remove from the jury")))))
                }))
    }

    static func assignment(_ model: CallPages.JuryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let names = Dictionary(uniqueKeysWithValues: model.jurors.map { ($0.id, $0.name) })
        let perApplication = model.call.definition.reviewersPerApplication
        let proposed = model.pairs.values.flatMap { $0 }.filter { $0.state == "proposed" }.count
        return .section(.class("card"), .id("assignment"),
            .h2(.text(t("Zuteilung", "Assignment"))),
            .p(.class("meta"), .text(t("Jede Bewerbung erhält \(perApplication) Gutachten, niemand mehr als \(model.call.definition.jurorLoad); nie ein Paar mit Konflikt. Die Summe der Passung wird maximal (exakt, als Min-Cost-Flow). Bestätigte und angeheftete Paare bleiben beim erneuten Zuteilen.",
                                       "Each application gets \(perApplication) reviews, nobody more than \(model.call.definition.jurorLoad); never a conflicted pair. The total fit is as high as it can be (exact, as a min-cost flow). Confirmed and pinned pairs stay when you assign again."))),
            .div(.class("logo-actions"),
                 .form(.class("inline"), .method(.post), .action(context.link(.assignJury(id: model.call.id))), FormParts.csrf(model.csrf),
                       .button(.type(.submit), .id("run-assignment"), .text(t("Zuteilen", "Assign")))),
                 .if(proposed > 0, .form(.class("inline"), .method(.post), .action(context.link(.confirmJury(id: model.call.id))), FormParts.csrf(model.csrf),
                       .button(.type(.submit), .id("confirm-assignment"), .class("secondary"),
                               .text(t("\(proposed) vorgeschlagene Paare bestätigen und Jury benachrichtigen", "Confirm \(proposed) proposed pairs and notify the jury")))))),
            model.applications.isEmpty ? .p(.text(t("Noch keine eingereichten Bewerbungen.", "No submitted applications yet."))) :
                .div(.class("table-wrap"), .table(.id("assignment-table"),
                    .thead(.tr(.th(.text(t("Bewerbung", "Application"))), .th(.text(t("Jury", "Jurors"))))),
                    .tbody(.forEach(model.applications) { application in
                        let pairs = (model.pairs[application.id] ?? []).filter { $0.state != "forbidden" }.sorted { $0.affinity > $1.affinity }
                        let missing = max(0, perApplication - pairs.count)
                        return .tr(.attribute(named: "data-application", value: application.id.lowercased),
                            .td(.a(.href(context.link(.application(id: application.id))), .text(application.applicantName)),
                                .if(missing > 0, .span(.class("overdue"), .text(t(" · es fehlen \(missing)", " · \(missing) missing"))))),
                            .td(.class("pairs"), .forEach(pairs) { pair in
                                pairCell(model, application: application.id, pair: pair, name: names[pair.juror] ?? "?", context)
                            }))
                    }))))
    }

    static func pairCell(_ model: CallPages.JuryModel, application: UUID, pair: CallPages.JuryModel.Pair, name: String,
                         _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let state = pair.state == "confirmed" ? (pair.reviewed ? t("bewertet", "reviewed") : t("bestätigt", "confirmed")) : t("vorgeschlagen", "proposed")
        func change(_ value: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(.class("inline"), .method(.post), .action(context.link(.changeJuryPair(id: model.call.id))), FormParts.csrf(model.csrf),
                  .input(.type(.hidden), .name("application"), .value(application.lowercased)),
                  .input(.type(.hidden), .name("juror"), .value(pair.juror.lowercased)),
                  .input(.type(.hidden), .name("change"), .value(value)),
                  .button(.type(.submit), .class("link"), .text(label)))
        }
        return .div(.class("pair"), .attribute(named: "data-juror", value: pair.juror.lowercased), .attribute(named: "data-state", value: pair.state),
            .strong(.text(name)), .text(" · \(state) · " + t("Passung ", "fit ") + pair.affinity.formatted(in: language, places: 2)),
            .if(pair.pinned, .text(t(" · angeheftet", " · pinned"))),
            .if(pair.state != "confirmed", .group(.text(" "), pair.pinned ? change("release", t("lösen", "release")) : change("pin", t("anheften", "pin")),
                                                  .text(" "), change("forbid", t("ausschließen", "forbid")))))
    }

    static func conflicts(_ model: CallPages.JuryModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let names = Dictionary(uniqueKeysWithValues: model.jurors.map { ($0.id, $0.name) })
        let applicants = Dictionary(uniqueKeysWithValues: model.applications.map { ($0.id, $0.applicantName) })
        let forbidden = model.pairs.flatMap { application, pairs in pairs.filter { $0.state == "forbidden" }.map { (application, $0.juror) } }
        return .section(.class("card"), .id("conflicts"),
            .h2(.text(t("Interessenkonflikte", "Conflicts of interest") + " (\(model.conflicts.count + forbidden.count))")),
            .p(.class("meta"), .text(t("Erklärt von den Jurymitgliedern oder gefunden in den Daten des Netzwerks: dieselbe Organisation, Investition oder gemeinsamer Investor, Partner über Hubnet, derselbe Hub (wenn der Call es verlangt).",
                                       "Declared by jurors or found in the network's data: same organisation, an investment or a shared investor, partners through Hubnet, the same hub (when the call asks for it)."))),
            .if(model.conflicts.isEmpty && forbidden.isEmpty, .p(.text(t("Keine.", "None.")))),
            .ul(.forEach(model.conflicts) { conflict in
                .li(.strong(.text(names[conflict.juror] ?? "?")), .text(" – " + (applicants[conflict.application] ?? "?") + ": "),
                    .text(conflict.reason[language]),
                    .span(.class("meta"), .text(conflict.source == .declared ? t(" (erklärt)", " (declared)") : t(" (gefunden)", " (found)"))))
            }, .forEach(forbidden) { application, juror in
                .li(.strong(.text(names[juror] ?? "?")), .text(" – " + (applicants[application] ?? "?") + ": "),
                    .text(t("von den Organisatoren ausgeschlossen", "forbidden by the organisers")))
            }))
    }
}
