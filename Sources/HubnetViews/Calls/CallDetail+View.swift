import Foundation
import HubnetCore
import Plot

/// One call: what it is, its rounds, who may apply and how it is judged; the way to apply; the
/// organisers' and jurors' ways in; and, for a finished call of the past, its results.
public enum CallDetailView {
    public static func render(_ model: CallPages.DetailModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        let call = model.call
        return Layout.page(
            context, title: call.title[language], section: .calls,
            .p(.a(.href(context.link(.calls)), .text("← " + CallWords.title(language)))),
            .h1(.id("call-title"), .text(call.title[language])),
            .p(.class("meta"), .text(call.kind.label[language] + " · " + CallWords.organiser(call, language) + " · "),
               CallWords.phase(call, now: model.now, language)),
            .if(model.manages || model.judges, .p(.class("actions"), .id("call-actions"),
                .if(model.manages, .group(
                    .a(.id("edit-call-link"), .href(context.link(.editCall(id: call.id))), .text(t("Bearbeiten", "Edit"))), .text(" · "),
                    .a(.id("jury-link"), .href(context.link(.callJury(id: call.id))), .text(t("Jury und Zuteilung", "Jury and assignment"))), .text(" · "),
                    .a(.id("ranking-link"), .href(context.link(.callRanking(id: call.id))), .text(t("Rangliste und Entscheidungen", "Ranking and decisions"))))),
                .if(model.manages && model.judges, .text(" · ")),
                .if(model.judges, .a(.id("review-desk-link"), .href(context.link(.callReview(id: call.id))), .text(t("Meine Begutachtungen", "My reviews")))))),
            FormParts.notice(model.problems.map { $0.message[language] }),
            .div(.class("grid"),
                 .section(.class("card"), .id("call-description"), .p(.class("pre"), .text(call.description[language]))),
                 facts(model, context)),
            apply(model, context),
            results(model, context)
        ).render()
    }

    static func facts(_ model: CallPages.DetailModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let definition = model.call.definition
        var eligible: [String] = []
        if !definition.eligibleKinds.isEmpty { eligible.append(definition.eligibleKinds.map { $0.pluralLabel[language] }.joined(separator: ", ")) }
        if !definition.eligibleHubs.isEmpty {
            eligible.append(t("aus den Hubs ", "from the hubs ") + definition.eligibleHubs.compactMap { Network.hub($0)?.name[language] }.joined(separator: ", "))
        }
        if let year = definition.foundedFrom { eligible.append(t("gegründet ab \(year)", "founded in \(year) or later")) }
        return .section(.class("card"), .id("call-facts"),
            .h2(.text(t("Runden", "Rounds"))),
            .ol(.id("call-rounds"), .forEach(model.call.rounds) { round in
                definition.decisionDaysOnly == true
                    ? .li(.text(t("entschieden am ", "decided on ") + CallWords.day(round.closes, language)))
                    : .li(CallWords.moment(round.opens, language), .text(" – "), CallWords.moment(round.closes, language),
                          .unwrap(round.publishedAt) { .text(t(" · Ergebnisse veröffentlicht am ", " · results published on ") + CallWords.day($0, language)) })
            }),
            .h2(.text(t("Wer sich bewerben kann", "Who may apply"))),
            .p(.text(eligible.isEmpty ? t("Alle Organisationen des Netzwerks.", "Every organisation of the network.") : eligible.joined(separator: "; ") + ".")),
            .h2(.text(t("Wie die Jury bewertet", "How the jury scores"))),
            .ul(.id("call-criteria"), .forEach(definition.criteria) { criterion in
                .li(.text("\(criterion.label[language]) · " + t("Gewicht ", "weight ") + criterion.weight.formatted(in: language, places: criterion.weight == criterion.weight.rounded() ? 0 : 1)
                          + " · " + t("Skala ", "scale ") + "\(criterion.lowest)–\(criterion.highest)"))
            }),
            .if(definition.decisionDaysOnly != true, .p(.class("meta"), .text(definition.reviewersPerApplication == 1
                ? t("Ein Gutachten je Bewerbung; Jurymitglieder mit Interessenkonflikt begutachten nicht.",
                    "One review per application; jurors with a conflict of interest do not review.")
                : t("\(definition.reviewersPerApplication) Gutachten je Bewerbung; Jurymitglieder mit Interessenkonflikt begutachten nicht.",
                    "\(definition.reviewersPerApplication) reviews per application; jurors with a conflict of interest do not review.")))))
    }

    static func apply(_ model: CallPages.DetailModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let call = model.call
        let own = model.ownApplications
        let open: Bool = if case .open = call.phase(at: model.now) { true } else { false }
        let applying: Node<HTML.BodyContext>
        if !model.signedIn {
            applying = .p(.text(t("Zum Bewerben bitte ", "To apply, please ")), .a(.href(context.link(.signIn)), .text(t("anmelden", "sign in"))), .text("."))
        } else if model.organisations.isEmpty {
            applying = .p(.text(t("Sie handeln für keine Organisation. Beanspruchen Sie Ihre Organisation im Verzeichnis oder legen Sie sie an.",
                                  "You act for no organisation. Claim yours in the directory or add it.")))
        } else {
            let choices = model.organisations.filter { entry in !own.contains { $0.organisationID == entry.organisation.id } }
            let options: [Node<HTML.SelectContext>] = choices.map { entry in
                let suffix = entry.ineligible == nil ? "" : t(" (nicht zugelassen)", " (not eligible)")
                return .choice(value: entry.organisation.id.lowercased, label: entry.organisation.name + suffix, selected: false)
            }
            let reasons: [Node<HTML.FormContext>] = choices.compactMap { entry in
                entry.ineligible.map { reason in .p(.class("meta"), .text(entry.organisation.name + ": " + reason[language])) }
            }
            let select: Node<HTML.FormContext> = .div(.class("field"), .label(.attribute(named: "for", value: "organisation"), .text(t("Bewerben für", "Apply for"))),
                                                      .select(.named("organisation"), .id("organisation"), .group(options)))
            let form: Node<HTML.BodyContext> = .form(.method(.post), .action(context.link(.applyToCall(id: call.id))), .id("apply-form"),
                                                     FormParts.csrf(model.csrf), select, .group(reasons),
                                                     .button(.type(.submit), .id("start-application"), .text(t("Bewerbung beginnen", "Start an application"))))
            applying = choices.isEmpty ? .empty : form
        }
        return .if(open || !own.isEmpty, .section(.class("card"), .id("call-apply"),
            .h2(.text(t("Bewerben", "Apply"))),
            .if(!own.isEmpty, .ul(.id("own-applications"), .forEach(own) { application in
                .li(.a(.href(context.link(.application(id: application.id))), .text(application.applicantName)),
                    .text(" · " + CallWords.state(application, language)))
            })),
            .if(open, applying)))
    }

    static func results(_ model: CallPages.DetailModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let byRound = Dictionary(grouping: model.publicApplications, by: \.round)
        return .if(!model.publicApplications.isEmpty, .section(.class("card"), .id("call-results"),
            .h2(.text(t("Ergebnisse", "Results"))),
            .forEach(byRound.keys.sorted()) { round in
                .group(
                    .h3(.text(t("Runde \(round)", "Round \(round)") + (model.call.rounds.first { $0.number == round }?.publishedAt.map { " · " + CallWords.day($0, language) } ?? ""))),
                    .ul(.forEach(byRound[round]!) { application in
                        .li(.id(application.hubSlug.map { "hub-\($0)-\(round)" } ?? application.id.lowercased),
                            .a(.href(context.link(.application(id: application.id))), .strong(.text(application.applicantName))),
                            .text(" · " + CallWords.state(application, language)),
                            .unwrap(application.hubSlug.flatMap(Network.hub)) { hub in
                                .group(.text(" · "), .a(.href(context.link(.hub(slug: hub.slug))), .text(t("Hub ", "Hub ") + hub.name[language])))
                            },
                            .if(!HubCompetition.focus(of: application).isEmpty,
                                .span(.class("meta"), .text(" · " + HubCompetition.focus(of: application).map { $0.label[language] }.joined(separator: ", ")))))
                    }))
            }))
    }
}
