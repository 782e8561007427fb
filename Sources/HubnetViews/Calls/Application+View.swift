import Foundation
import HubnetCore
import Plot

/// One application: the applicant fills it in, submits or withdraws it; a juror reads and
/// scores it; the organisers see every review.
public enum ApplicationView {
    public static func render(_ model: CallPages.ApplicationModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        let application = model.application
        let call = model.call
        return Layout.page(
            context, title: application.applicantName + " · " + call.title[language], section: .calls,
            .p(.a(.href(context.link(.call(id: call.id))), .text("← " + call.title[language]))),
            .h1(.id("application-title"), .text(application.applicantName)),
            .p(.class("meta"), .id("application-state"),
               .text(t("Bewerbung für ", "Application to ") + call.title[language] + " · " + t("Runde ", "round ") + "\(application.round) · "),
               .strong(.text(CallWords.state(application, language))),
               .unwrap(application.submittedAt) { .group(.text(t(" · eingereicht ", " · submitted ")), CallWords.moment($0, language)) }),
            .unwrap(model.notice) { .div(.class("notice"), .id("application-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            FormParts.notice(model.problems.filter { $0.field.isEmpty }.map { $0.message[language] }),
            .unwrap(application.decision) { decision in
                .section(.class("card decision"), .id("application-decision"),
                         .h2(.text(t("Entscheidung: ", "Decision: ") + decision.label[language])),
                         .if(!application.decisionMessage.isEmpty, .p(.class("pre"), .text(application.decisionMessage))))
            },
            model.mayEdit && application.state == .draft ? answerForm(model, context) : answers(model, context),
            .if(model.mayEdit && [.draft, .submitted, .underReview].contains(application.state) && application.decision == nil,
                .form(.class("card danger"), .method(.post), .action(context.link(.withdrawApplication(id: application.id))), .id("withdraw-form"),
                      FormParts.csrf(model.csrf),
                      .p(.text(t("Eine zurückgezogene Bewerbung nimmt nicht mehr teil.", "A withdrawn application takes no further part."))),
                      .button(.type(.submit), .id("withdraw-application"), .text(t("Bewerbung zurückziehen", "Withdraw the application"))))),
            .if(model.isReviewer, reviewForm(model, context)),
            .if(model.manages && !model.reviews.isEmpty, reviews(model, context))
        ).render()
    }

    static func answerForm(_ model: CallPages.ApplicationModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let application = model.application
        return .form(.class("card"), .method(.post), .action(context.link(.application(id: application.id))), .id("application-form"),
            .enctype(.multipartData),
            FormParts.csrf(model.csrf),
            .p(.class("meta"), .text(t("Speichern Sie, so oft Sie möchten; eingereicht wird erst mit „Einreichen“.",
                                       "Save as often as you like; the application is only sent with 'Submit'."))),
            .forEach(model.call.definition.fields) { field in
                let value = model.typed[field.key] ?? application.answers[field.key] ?? ""
                let problem = model.problems.first { $0.field == field.key }?.message[language]
                let label = field.label[language]
                let input: Node<HTML.FormContext> = switch field.kind {
                case .longText:
                    .textarea(.name(field.key), .id(field.key), .attribute(named: "rows", value: "6"), .attribute(named: "maxlength", value: "10000"), .text(value))
                case .choice:
                    .select(.named(field.key), .id(field.key),
                            .choice(value: "", label: t("– bitte wählen –", "– please choose –"), selected: value.isEmpty),
                            .forEach(field.choices) { .choice(value: $0, label: $0, selected: value == $0) })
                case .number:
                    FormParts.input(type: .text, name: field.key, value: value, invalid: problem != nil)
                case .text:
                    FormParts.input(type: .text, name: field.key, value: value, invalid: problem != nil)
                case .organisation:
                    .selfClosedElement(named: "input", attributes: [.type(.text), .name(field.key), .id(field.key), .value(value),
                                                                     .placeholder(t("Adresse des Profils, z. B. …/organisations/…", "Profile address, e.g. …/organisations/…"))])
                case .file:
                    .group(.unwrap(ApplicationAttachment(answer: value)) { attachment in
                               .p(.class("meta"), .a(.href(context.link(.applicationFile(id: application.id, field: field.key))), .text(attachment.name)),
                                  .text(t(" · hochgeladen; eine neue Datei ersetzt sie", " · uploaded; a new file replaces it")))
                           },
                           .selfClosedElement(named: "input", attributes: [.type(.file), .name(field.key), .id(field.key),
                                                                            .attribute(named: "accept", value: "application/pdf,image/png,image/jpeg")]))
                }
                return .div(.class("field"), .label(.attribute(named: "for", value: field.key), .if(field.required, .class("required")), .text(label)),
                            input, .unwrap(problem) { .p(.class("problem"), .text($0)) })
            },
            .div(.class("logo-actions"),
                 .button(.type(.submit), .name("intent"), .value("save"), .class("secondary"), .id("save-application"), .text(t("Speichern", "Save"))),
                 .button(.type(.submit), .name("intent"), .value("submit"), .id("submit-application"), .text(t("Einreichen", "Submit")))))
    }

    static func answers(_ model: CallPages.ApplicationModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let fields = model.call.definition.fields.filter { model.application.answers[$0.key] != nil }
        return .if(!fields.isEmpty, .section(.class("card"), .id("application-answers"),
            .dl(.class("facts"), .forEach(fields) { field in
                let answer = model.application.answers[field.key] ?? ""
                let shown: Node<HTML.BodyContext> = if field.kind == .file, let attachment = ApplicationAttachment(answer: answer) {
                    .a(.class("attachment"), .href(context.link(.applicationFile(id: model.application.id, field: field.key))),
                       .text("\(attachment.name) (\((Double(attachment.size) / 1_048_576).formatted(in: language, places: 1)) MB)"))
                } else if field.kind == .organisation, let id = UUID(uuidString: answer) {
                    .a(.href(context.link(.organisation(id: id))), .text(model.organisationNames[id] ?? answer))
                } else {
                    .text(answer)
                }
                return .group(.dt(.text(field.label[language])), .dd(.class("pre"), shown))
            })))
    }

    static func reviewForm(_ model: CallPages.ApplicationModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let review = model.review
        return .form(.class("card"), .method(.post), .action(context.link(.reviewApplication(id: model.application.id))), .id("review-form"),
            FormParts.csrf(model.csrf),
            .h2(.text(review?.scores.isEmpty == false ? t("Ihre Bewertung (änderbar)", "Your review (you may change it)") : t("Ihre Bewertung", "Your review"))),
            .forEach(model.call.definition.criteria) { criterion in
                let value = model.typed[criterion.key] ?? review?.scores[criterion.key].map(String.init) ?? ""
                let problem = model.problems.first { $0.field == criterion.key }?.message[language]
                return .div(.class("field"),
                    .label(.attribute(named: "for", value: criterion.key), .class("required"),
                           .text("\(criterion.label[language]) (\(criterion.lowest)–\(criterion.highest))")),
                    .selfClosedElement(named: "input", attributes: [
                        .type(.number), .name(criterion.key), .id(criterion.key), .value(value), .required(true),
                        .attribute(named: "min", value: "\(criterion.lowest)"), .attribute(named: "max", value: "\(criterion.highest)"),
                    ] as [Attribute<HTML.InputContext>]),
                    .unwrap(problem) { .p(.class("problem"), .text($0)) })
            },
            FormParts.textArea(t("Kommentar für die Organisatoren", "Comment for the organisers"), name: "comment",
                               value: model.typed["comment"] ?? review?.comment ?? "", problems: model.problems, language),
            .button(.type(.submit), .id("save-review"), .text(t("Bewertung speichern", "Save the review"))))
    }

    static func reviews(_ model: CallPages.ApplicationModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = CallWords.t(language)
        let criteria = model.call.definition.criteria
        return .section(.class("card"), .id("application-reviews"),
            .h2(.text(t("Bewertungen der Jury", "The jury's reviews"))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t("Jurymitglied", "Juror"))), .forEach(criteria) { .th(.text($0.label[language])) }, .th(.text(t("Kommentar", "Comment"))))),
                .tbody(.forEach(model.reviews) { review in
                    .tr(.td(.text(review.juror)), .forEach(criteria) { criterion in .td(.text(review.scores[criterion.key].map(String.init) ?? "–")) },
                        .td(.class("comment"), .text(review.comment)))
                }))))
    }
}
