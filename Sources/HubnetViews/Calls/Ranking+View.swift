import Foundation
import HubnetCore
import Plot

/// The organisers' ranking of a round: places (shared when scores tie), scores, review
/// progress and disagreement; decisions chosen per row and confirmed in a second step; then
/// publication, which tells every applicant.
public enum RankingView {
    public static func render(_ model: CallPages.RankingModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        let call = model.call
        return Layout.page(
            context, title: t("Rangliste", "Ranking") + " · " + call.title[language], section: .calls,
            .p(.a(.href(context.link(.call(id: call.id))), .text("← " + call.title[language]))),
            .h1(.text(t("Rangliste und Entscheidungen", "Ranking and decisions"))),
            .p(.class("filters"), .forEach(call.rounds) { round in
                round.number == model.round ? .strong(.text(t("Runde \(round.number)", "Round \(round.number)")))
                    : .a(.href(context.link(.callRanking(id: call.id, round: round.number))), .text(t("Runde \(round.number)", "Round \(round.number)")))
            }, .a(.id("ranking-csv"), .href(context.link(.callRankingCSV(id: call.id, round: model.round))), .text("CSV"))),
            .unwrap(model.notice) { .div(.class("notice"), .id("ranking-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            FormParts.notice(model.problems.map { $0.message[language] }),
            .p(.class("meta"), .text(model.normalised
                ? t("Wert: mittlerer z-Wert je Jurymitglied (0 = Durchschnitt dieses Mitglieds); dahinter der gewichtete Mittelwert auf 0–100 %.",
                    "Score: mean z-score per juror (0 = that juror's average); next to it the weighted mean on 0–100 %.")
                : t("Wert: gewichteter Mittelwert der Kriterien, jedes auf seiner Skala, als 0–100 %.",
                    "Score: the weighted mean of the criteria, each on its own scale, as 0–100 %."))),
            model.pending.map { confirmation(model, $0, context) } ?? table(model, context),
            .if(!model.published && model.pending == nil, publish(model, context))
        ).render()
    }

    static func score(_ entry: CallRanking.Entry, normalised: Bool, _ language: SiteLanguage) -> String {
        let mean = (entry.meanValue * 100).formatted(in: language, places: 0) + " %"
        return normalised ? entry.score.formatted(in: language, places: 2) + " · " + mean : mean
    }

    static func table(_ model: CallPages.RankingModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let rows: [Node<HTML.TableContext>] = model.rows.map { row in
            let entry = row.entry
            let place = entry.map { ($0.tied ? "=" : "") + "\($0.place)" } ?? "–"
            let decision = row.application.decision
            let select: Node<HTML.BodyContext> = model.published ? .text(decision?.label[language] ?? "–") :
                .element(named: "select", nodes: [
                    .attribute(named: "name", value: "decision-\(row.application.id.lowercased)"),
                    // The table stands outside the form; the attribute ties the choice to it.
                    .attribute(named: "form", value: "decisions-form"),
                    .attribute(named: "aria-label", value: t("Entscheidung für ", "Decision for ") + row.application.applicantName),
                    .element(named: "option", nodes: [.attribute(named: "value", value: "none", ignoreIfValueIsEmpty: false), .if(decision == nil, .attribute(named: "selected", value: "selected")), .text(t("offen", "open"))]),
                    .forEach(ApplicationDecision.allCases) { option in
                        .element(named: "option", nodes: [.attribute(named: "value", value: option.rawValue), .if(decision == option, .attribute(named: "selected", value: "selected")), .text(option.label[language])])
                    },
                ])
            return .tr(.attribute(named: "data-application", value: row.application.id.lowercased),
                       .td(.text(place)),
                       .td(.a(.href(context.link(.application(id: row.application.id))), .text(row.application.applicantName))),
                       .td(.text(entry.map { score($0, normalised: model.normalised, language) } ?? t("noch ohne Bewertung", "not reviewed yet"))),
                       .td(.text("\(row.done)/\(row.assigned)")),
                       .td(.text(entry.map { ($0.spread * 100).formatted(in: language, places: 0) + " %" } ?? "–"),
                           .if(entry?.disagreement == true, .span(.class("overdue"), .text(t(" · uneinig", " · disagree"))))),
                       .td(select))
        }
        let tableNode: Node<HTML.BodyContext> = .div(.class("table-wrap"), .table(.id("ranking-table"),
            .thead(.tr(.th(.text(t("Platz", "Place"))), .th(.text(t("Bewerbung", "Application"))), .th(.text(t("Wert", "Score"))),
                       .th(.text(t("Gutachten", "Reviews"))), .th(.text(t("Spannweite", "Spread"))), .th(.text(t("Entscheidung", "Decision"))))),
            .tbody(.group(rows))))
        guard !model.published, !model.rows.isEmpty else { return tableNode }
        return .group(tableNode, .form(.method(.post), .action(context.link(.decideCall(id: model.call.id))), .id("decisions-form"),
            FormParts.csrf(model.csrf), .input(.type(.hidden), .name("round"), .value("\(model.round)")),
            .div(.class("field"), .label(.attribute(named: "for", value: "message"), .text(t("Nachricht an die Entschiedenen (optional)", "Message to those decided (optional)"))),
                 .textarea(.name("message"), .id("message"), .attribute(named: "rows", value: "2"), .text(model.message))),
            .button(.type(.submit), .id("review-decisions"), .text(t("Entscheidungen prüfen", "Review the decisions")))))
    }

    static func confirmation(_ model: CallPages.RankingModel, _ pending: [UUID: ApplicationDecision?], _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let changes = model.rows.filter { pending[$0.application.id] != nil && pending[$0.application.id]! != $0.application.decision }
        return .form(.class("card"), .method(.post), .action(context.link(.decideCall(id: model.call.id))), .id("confirm-decisions"),
            FormParts.csrf(model.csrf), .input(.type(.hidden), .name("round"), .value("\(model.round)")),
            .input(.type(.hidden), .name("confirmed"), .value("1")),
            .input(.type(.hidden), .name("message"), .value(model.message)),
            .h2(.text(t("Diese \(changes.count) Entscheidungen speichern?", "Save these \(changes.count) decisions?"))),
            .ul(.forEach(changes) { row in
                let decision = pending[row.application.id]!
                return .li(.strong(.text(row.application.applicantName)), .text(": " + (decision?.label[language] ?? t("offen", "open"))))
            }),
            .forEach(Array(pending.keys)) { id in
                .input(.type(.hidden), .name("decision-\(id.lowercased)"), .value(pending[id]!.map(\.rawValue) ?? "none"))
            },
            .p(.class("meta"), .text(t("Noch erfährt niemand davon: Die Bewerber werden erst mit der Veröffentlichung der Runde benachrichtigt.",
                                       "Nobody is told yet: applicants hear only when the round is published."))),
            .div(.class("logo-actions"),
                 .button(.type(.submit), .id("confirm-decisions-button"), .text(t("Ja, speichern", "Yes, save"))),
                 .a(.href(context.link(.callRanking(id: model.call.id, round: model.round))), .text(t("Zurück", "Back")))))
    }

    static func publish(_ model: CallPages.RankingModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let decided = model.rows.filter { $0.application.decision != nil }.count
        return .form(.class("card"), .method(.post), .action(context.link(.publishCall(id: model.call.id))), .id("publish-form"),
            FormParts.csrf(model.csrf), .input(.type(.hidden), .name("round"), .value("\(model.round)")),
            .h2(.text(t("Runde \(model.round) veröffentlichen", "Publish round \(model.round)"))),
            .p(.text(t("\(decided) von \(model.rows.count) Bewerbungen sind entschieden. Mit der Veröffentlichung erhält jede Bewerberin und jeder Bewerber das Ergebnis per E-Mail in der eigenen Sprache; danach ändert sich nichts mehr.",
                       "\(decided) of \(model.rows.count) applications are decided. Publishing sends every applicant the result by e-mail in their language; after that nothing changes."))),
            .label(.class("choice"), .input(.type(.checkbox), .name("confirm"), .value("yes"), .required(true), .id("publish-confirm")),
                   .text(t(" Ja, die Ergebnisse dieser Runde sind endgültig", " Yes, this round's results are final"))),
            .p(.button(.type(.submit), .id("publish-round"), .text(t("Ergebnisse veröffentlichen", "Publish the results")))))
    }
}
