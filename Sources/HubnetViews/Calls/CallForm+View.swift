import Foundation
import HubnetCore
import Plot

/// The organisers' form: texts in both languages, rounds, the application form, who may apply,
/// the criteria and the jury's rules. Rows left empty are ignored.
public enum CallFormView {
    public static func render(_ model: CallPages.FormModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        let title = model.existing == nil ? t("Neuer Call", "New call") : t("Call bearbeiten", "Edit call")
        let action = model.existing.map { context.link(.editCall(id: $0)) } ?? context.link(.newCall)
        return Layout.page(
            context, title: title, section: .calls,
            .p(.a(.href(model.existing.map { context.link(.call(id: $0)) } ?? context.link(.calls)), .text("← " + CallWords.title(language)))),
            .h1(.text(title)),
            FormParts.notice(model.problems.map { $0.message[language] }),
            .form(.class("card call-form"), .method(.post), .action(action), .id("call-form"),
                  FormParts.csrf(model.csrf),
                  texts(model, language),
                  rounds(model, language),
                  fields(model, language),
                  criteria(model, language),
                  eligibility(model, language),
                  jury(model, language),
                  .button(.type(.submit), .id("save-call"), .text(model.existing == nil ? t("Call anlegen", "Create the call") : t("Speichern", "Save"))))
        ).render()
    }

    static func value(_ model: CallPages.FormModel, _ name: String) -> String { model.values[name] ?? "" }

    static func input(_ model: CallPages.FormModel, _ label: String, _ name: String, type: HTMLInputType = .text,
                      required: Bool = false, _ language: SiteLanguage, extra: [Attribute<HTML.InputContext>] = []) -> Node<HTML.FormContext> {
        let problem = model.problems.first { $0.field == name }?.message[language]
        var attributes: [Attribute<HTML.InputContext>] = [.type(type), .name(name), .id(name), .value(value(model, name))] + extra
        if required { attributes.append(.required(true)) }
        if problem != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        return .div(.class("field"),
                    .label(.attribute(named: "for", value: name), .if(required, .class("required")), .text(label)),
                    .selfClosedElement(named: "input", attributes: attributes),
                    .unwrap(problem) { .p(.class("problem"), .text($0)) })
    }

    static func texts(_ model: CallPages.FormModel, _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let t = CallWords.t(language)
        let organisers: [(value: String, label: String)] = (model.network ? [("", t("Hub-Agentur (Netzwerk)", "Hub agency (network)"))] : [])
            + model.organisableHubs.map { ($0, "Hub " + (Network.hub($0)?.name[language] ?? $0)) }
        return .fieldset(.element(named: "legend", text: t("Der Call", "The call")),
            .div(.class("two"),
                 input(model, t("Titel (Deutsch)", "Title (German)"), "titleDe", required: true, language),
                 input(model, t("Titel (Englisch)", "Title (English)"), "titleEn", required: true, language)),
            .div(.class("two"),
                 FormParts.textArea(t("Beschreibung (Deutsch)", "Description (German)"), name: "descriptionDe", value: value(model, "descriptionDe"), problems: model.problems, language),
                 FormParts.textArea(t("Beschreibung (Englisch)", "Description (English)"), name: "descriptionEn", value: value(model, "descriptionEn"), problems: model.problems, language)),
            .div(.class("two"),
                 .div(.class("field"), .label(.attribute(named: "for", value: "kind"), .text(t("Art", "Kind"))),
                      .select(.named("kind"), .id("kind"), .forEach(CallKind.allCases) { kind in
                          .choice(value: kind.rawValue, label: kind.label[language], selected: value(model, "kind") == kind.rawValue)
                      })),
                 .if(model.existing == nil, .div(.class("field"), .label(.attribute(named: "for", value: "hub"), .text(t("Veranstalter", "Organiser"))),
                      .select(.named("hub"), .id("hub"), .forEach(organisers) { organiser in
                          .choice(value: organiser.value, label: organiser.label, selected: value(model, "hub") == organiser.value)
                      })))))
    }

    static func rounds(_ model: CallPages.FormModel, _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let t = CallWords.t(language)
        return .fieldset(.element(named: "legend", text: t("Runden (Uhrzeit in Berlin)", "Rounds (time in Berlin)")),
            .p(.class("meta"), .text(t("Eine Runde braucht Beginn und Ende; weitere Runden folgen auf die erste.",
                                       "A round needs a start and an end; further rounds follow the first."))),
            .forEach(1...CallPages.FormModel.roundRows) { row in
                .div(.class("two"), .attribute(named: "data-round", value: "\(row)"),
                     input(model, t("Runde \(row): Beginn", "Round \(row): opens"), "opens\(row)", type: .datetimeLocal, required: row == 1, language),
                     input(model, t("Runde \(row): Ende", "Round \(row): closes"), "closes\(row)", type: .datetimeLocal, required: row == 1, language))
            },
            .unwrap(model.problems.first { $0.field.hasPrefix("round") || $0.field == "rounds" }) { .p(.class("problem"), .text($0.message[language])) })
    }

    static func fields(_ model: CallPages.FormModel, _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let t = CallWords.t(language)
        return .fieldset(.element(named: "legend", text: t("Bewerbungsformular", "Application form")),
            .p(.class("meta"), .text(t("Fragen an die Bewerber; bei einer Auswahl die Antworten mit „;“ getrennt.",
                                       "Questions for applicants; for a choice, the answers separated by ';'."))),
            .forEach(1...CallPages.FormModel.fieldRows) { row in
                .div(.class("row"), .attribute(named: "data-field", value: "\(row)"),
                     input(model, t("Frage \(row) (Deutsch)", "Question \(row) (German)"), "field\(row)De", language),
                     input(model, t("Frage \(row) (Englisch)", "Question \(row) (English)"), "field\(row)En", language),
                     .div(.class("field"), .label(.attribute(named: "for", value: "field\(row)Kind"), .text(t("Art", "Kind"))),
                          .select(.named("field\(row)Kind"), .id("field\(row)Kind"), .forEach(ApplicationField.Kind.allCases) { kind in
                              .choice(value: kind.rawValue, label: kind.label[language], selected: value(model, "field\(row)Kind") == kind.rawValue)
                          })),
                     input(model, t("Antworten (Auswahl)", "Answers (choice)"), "field\(row)Choices", language),
                     .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "field\(row)Required", value: "on",
                                                                   checked: value(model, "field\(row)Required") == "on" || (model.values["field\(row)De"] == nil && model.existing == nil)),
                            .text(t(" Pflichtfeld", " Required"))),
                     .unwrap(model.problems.first { $0.field == "f\(row)" }) { .p(.class("problem"), .text($0.message[language])) })
            })
    }

    static func criteria(_ model: CallPages.FormModel, _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let t = CallWords.t(language)
        return .fieldset(.element(named: "legend", text: t("Kriterien der Jury", "The jury's criteria")),
            .forEach(1...CallPages.FormModel.criterionRows) { row in
                .div(.class("row"), .attribute(named: "data-criterion", value: "\(row)"),
                     input(model, t("Kriterium \(row) (Deutsch)", "Criterion \(row) (German)"), "criterion\(row)De", language),
                     input(model, t("Kriterium \(row) (Englisch)", "Criterion \(row) (English)"), "criterion\(row)En", language),
                     input(model, t("Gewicht", "Weight"), "criterion\(row)Weight", type: .number, language, extra: [.attribute(named: "step", value: "any"), .attribute(named: "min", value: "0")]),
                     input(model, t("Skala von", "Scale from"), "criterion\(row)Lowest", type: .number, language),
                     input(model, t("bis", "to"), "criterion\(row)Highest", type: .number, language),
                     .unwrap(model.problems.first { $0.field == "c\(row)" }) { .p(.class("problem"), .text($0.message[language])) })
            },
            .unwrap(model.problems.first { $0.field == "criteria" }) { .p(.class("problem"), .text($0.message[language])) })
    }

    static func eligibility(_ model: CallPages.FormModel, _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let t = CallWords.t(language)
        return .fieldset(.element(named: "legend", text: t("Wer sich bewerben kann (leer: alle)", "Who may apply (none ticked: everyone)")),
            .div(.forEach(OrganisationKind.allCases) { kind in
                .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "kinds[]", value: kind.rawValue, checked: model.kinds.contains(kind.rawValue)),
                       .text(" " + kind.pluralLabel[language]))
            }),
            .div(.forEach(Network.hubs) { hub in
                .label(.class("topic-choice"), FormParts.input(type: .checkbox, name: "hubs[]", value: hub.slug, checked: model.hubs.contains(hub.slug)),
                       .text(" " + hub.name[language]))
            }),
            input(model, t("Gegründet ab (Jahr)", "Founded in or after (year)"), "foundedFrom", type: .number, language))
    }

    static func jury(_ model: CallPages.FormModel, _ language: SiteLanguage) -> Node<HTML.FormContext> {
        let t = CallWords.t(language)
        return .fieldset(.element(named: "legend", text: t("Jury", "Jury")),
            .div(.class("two"),
                 input(model, t("Gutachten je Bewerbung", "Reviews per application"), "reviewersPerApplication", type: .number, required: true, language),
                 input(model, t("Höchstens Bewerbungen je Jurymitglied", "At most applications per juror"), "jurorLoad", type: .number, required: true, language)),
            input(model, t("Uneinigkeit ab Spannweite (0–1)", "Disagreement from a spread of (0–1)"), "disagreement", type: .number, required: true, language,
                  extra: [.attribute(named: "step", value: "0.05"), .attribute(named: "min", value: "0.05"), .attribute(named: "max", value: "1")]),
            input(model, t("Mindestpassung je Bewerbung (Summe der Jury, leer: keine)", "Minimum fit per application (the jury's sum; empty: none)"),
                  "affinityFloor", type: .number, language,
                  extra: [.attribute(named: "step", value: "0.05"), .attribute(named: "min", value: "0"), .attribute(named: "max", value: "10")]),
            .label(.class("choice"), FormParts.input(type: .checkbox, name: "sameHubIsConflict", value: "on", checked: value(model, "sameHubIsConflict") == "on"),
                   .text(t(" Jurymitglieder aus dem Hub der Bewerbung gelten als befangen", " Jurors from the applicant's hub count as conflicted"))),
            .label(.class("choice"), FormParts.input(type: .checkbox, name: "normalise", value: "on", checked: value(model, "normalise") == "on"),
                   .text(t(" Rangliste nach z-Werten je Jurymitglied (strenge und milde Jurys gleichen sich aus)",
                           " Rank by z-scores per juror (strict and lenient jurors even out)"))))
    }
}
