import Foundation
import HubnetCore
import Plot

/// A juror's page for one call: their expertise (what the assignment matches against), the
/// applications to review, and every application with a way to declare a conflict.
public enum JuryDeskView {
    public static func render(_ model: CallPages.DeskModel, _ context: PageContext) -> String {
        let language = context.language
        let t = CallWords.t(language)
        let call = model.call
        let mine = model.applications.filter { model.assigned.contains($0.id) }
        let others = model.applications.filter { !model.assigned.contains($0.id) }
        return Layout.page(
            context, title: t("Begutachtung", "Reviewing") + " · " + call.title[language], section: .calls,
            .p(.a(.href(context.link(.call(id: call.id))), .text("← " + call.title[language]))),
            .h1(.text(t("Meine Begutachtungen", "My reviews"))),
            .unwrap(model.notice) { .div(.class("notice"), .id("desk-notice"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            FormParts.notice(model.problems.map { $0.message[language] }),
            .section(.class("card"), .id("to-review"),
                .h2(.text(t("Mir zugeteilt", "Assigned to me") + " (\(mine.count))")),
                mine.isEmpty ? .p(.text(t("Noch nichts zugeteilt. Sie erhalten eine Mitteilung, sobald die Organisatoren die Zuteilung bestätigen.",
                                          "Nothing assigned yet. You will be notified once the organisers confirm the assignment."))) :
                    .ul(.class("plain"), .forEach(mine) { application in
                        .li(.attribute(named: "data-application", value: application.id.lowercased),
                            .a(.href(context.link(.application(id: application.id))), .text(application.applicantName)),
                            .text(" · " + (model.reviewed.contains(application.id) ? t("bewertet", "reviewed") : t("offen", "to do"))))
                    })),
            .form(.class("card"), .method(.post), .action(context.link(.jurorExpertise(id: call.id))), .id("expertise-form"),
                  FormParts.csrf(model.csrf),
                  .h2(.text(t("Meine Expertise", "My expertise"))),
                  .p(.class("meta"), .text(t("Mit den Profilen Ihrer Organisationen entscheidet sie, welche Bewerbungen zu Ihnen passen.",
                                             "With the profiles of your organisations, it decides which applications fit you."))),
                  FormParts.textArea(t("Themen, Branchen, Methoden", "Topics, industries, methods"), name: "expertise", value: model.expertise,
                                     problems: model.problems, language),
                  .button(.type(.submit), .class("secondary"), .text(t("Speichern", "Save")))),
            .section(.class("card"), .id("declare-conflicts"),
                .h2(.text(t("Interessenkonflikte erklären", "Declare conflicts of interest"))),
                .p(.class("meta"), .text(t("Kennen Sie eine Bewerbung zu gut (Arbeitgeber, Beteiligung, Familie, Wettbewerber), erklären Sie es hier; Sie begutachten sie dann nicht.",
                                           "If you know an application too well (employer, stake, family, competitor), declare it here; you will then not review it."))),
                .ul(.class("plain"), .forEach(mine + others) { application in
                    .li(.attribute(named: "data-conflict", value: application.id.lowercased),
                        .strong(.text(application.applicantName)),
                        model.declared.contains(application.id) ? .text(t(" · Konflikt erklärt", " · conflict declared")) :
                            .form(.class("inline-form"), .method(.post), .action(context.link(.declareConflict(id: call.id))),
                                  FormParts.csrf(model.csrf), .input(.type(.hidden), .name("application"), .value(application.id.lowercased)),
                                  .input(.type(.text), .name("reason"), .attribute(named: "aria-label", value: t("Grund", "Reason")),
                                         .placeholder(t("Grund", "Reason")), .attribute(named: "maxlength", value: "500")),
                                  .button(.type(.submit), .class("secondary"), .text(t("Konflikt erklären", "Declare a conflict")))))
                }))
        ).render()
    }
}
