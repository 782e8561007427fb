import Foundation
import HubnetCore
import Plot

public enum AccountView {
    public static func render(_ model: AccountModel, _ context: PageContext) -> String {
        let strings = context.accountStrings
        let language = context.language
        return Layout.page(
            context, title: strings.accountTitle,
            .h1(.text(strings.accountTitle)),
            .p(.class("lead"), .text("\(model.name) · \(model.email)")),
            .unwrap(model.notice) { .p(.class("notice"), .id("saved"), .attribute(named: "role", value: "status"), .text($0)) },
            .if(!model.roles.isEmpty, .ul(.class("tags"), .forEach(model.roles) { .li(.text($0.label[language])) })),
            .if(model.isNew, .section(
                .class("card"), .id("next-steps"),
                .h2(.text(strings.nextStepsTitle)),
                .ol(
                    .li(.a(.href(context.link(.directory())), .text(strings.nextSteps.claim)), .text(" – "),
                        .a(.href(context.link(.newOrganisation)), .text(strings.nextSteps.add))),
                    .li(.a(.href(context.link(.newOpportunity)), .text(strings.nextSteps.post))),
                    .li(.a(.href(context.link(.findPartners())), .text(strings.nextSteps.find)))))),
            .div(
                .class("grid"),
                .section(
                    .class("card"), .id("organisations"),
                    .h2(.text(strings.yourOrganisations)),
                    .if(model.organisations.isEmpty, .p(.text(strings.noOrganisations))),
                    .p(.a(.id("new-organisation"), .href(context.link(.newOrganisation)), .text(strings.newOrganisation))),
                    .ul(.forEach(model.organisations) { entry in
                        .li(.a(.href(context.link(.organisation(id: entry.organisation.id))), .text(entry.organisation.name)),
                            .text(" · "),
                            .a(.class("edit-organisation"), .href(context.link(.editOrganisation(id: entry.organisation.id))), .text(strings.edit)))
                    }),
                    .if(!model.claims.isEmpty, .group(
                        .h3(.text(strings.myClaimsTitle)),
                        .ul(.id("my-claims"), .forEach(model.claims) { entry in
                            .li(.a(.href(context.link(.organisation(id: entry.organisation.id))), .text(entry.organisation.name)),
                                .text(" · " + strings.claimStatus(entry.status)))
                        })))
                ),
                .if(!model.received.isEmpty || !model.posted.isEmpty, requests(model, context)),
                .section(
                    .class("card"), .id("password"),
                    .h2(.text(strings.passwordTitle)),
                    .form(
                        .method(.post), .action(context.link(.accountPassword)), .id("password-form"),
                        FormParts.csrf(model.csrf),
                        FormParts.field(strings.currentPassword, name: "current", type: .password, autocomplete: "current-password",
                                        problems: model.problems, language),
                        FormParts.field(strings.newPassword, name: "password", type: .password, autocomplete: "new-password",
                                        problems: model.problems, language),
                        .button(.type(.submit), .text(strings.changePassword))),
                    .h2(.text(strings.emailTitle)),
                    .unwrap(model.pendingEmail) { .p(.class("meta"), .id("pending-email"), .text(strings.emailPending($0))) },
                    .form(
                        .method(.post), .action(context.link(.accountEmail)), .id("email-form"),
                        FormParts.csrf(model.csrf),
                        FormParts.field(strings.newEmail, name: "new_email", type: .email, autocomplete: "email", problems: model.problems, language),
                        FormParts.field(strings.passwordToConfirm, name: "email_password", type: .password, autocomplete: "current-password",
                                        problems: model.problems, language),
                        .button(.type(.submit), .text(strings.changeEmail))))
            ),
            // Tokens are for developers: folded away unless one was just made or has a problem.
            // (Plot's `.details` takes no section, so the element is spelled out.)
            .element(named: "details", nodes: [
                .attribute(named: "id", value: "advanced"),
                .if(model.newToken != nil || model.problems.contains { $0.field == "name" || $0.field == "scope" },
                    .attribute(named: "open", value: "open")),
                .element(named: "summary", text: strings.advancedTitle),
                tokens(model, context).convertToNode(),
            ]),
            .section(
                .class("card"), .id("your-data"),
                .h2(.text(strings.yourData)),
                .p(.a(.href(context.link(.accountExport)), .attribute(named: "download", value: "hubnet-data.json"), .text(strings.exportData))),
                .h3(.text(strings.deleteAccount)),
                .p(.text(strings.deleteExplain)),
                .form(
                    .class("danger"), .method(.post), .action(context.link(.accountDelete)),
                    FormParts.csrf(model.csrf),
                    .label(.input(.type(.checkbox), .name("confirm"), .value("yes"), .required(true)), .text(" " + strings.deleteConfirm)),
                    .p(.button(.type(.submit), .text(strings.deleteButton)))
                )
            )
        ).render()
    }

    private static func tokens(_ model: AccountModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.accountStrings
        let language = context.language
        return .section(
            .class("card"), .id("tokens"),
            .h2(.text(strings.apiTokens)),
            .unwrap(model.newToken) { token in
                .group(.p(.text(strings.newTokenOnce)), .p(.class("secret"), .id("new-token"), .text(token)))
            },
            .if(!model.tokens.isEmpty, .ul(.forEach(model.tokens) { token in
                .li(
                    .strong(.text(token.name)),
                    .text(" · " + (token.writes ? strings.scopeWrite : strings.scopeRead)),
                    .text(" · \(strings.lastUsed): " + (token.lastUsed.map { $0.formatted(date: .abbreviated, time: .shortened) } ?? strings.never)),
                    token.revoked
                        ? .text(" · " + strings.revoked)
                        : .form(.class("inline"), .method(.post), .action(context.link(.revokeToken(id: token.id))),
                                FormParts.csrf(model.csrf), .text(" · "),
                                .button(.type(.submit), .class("link"), .text(strings.revoke)))
                )
            })),
            .form(
                .method(.post), .action(context.link(.accountTokens)),
                FormParts.csrf(model.csrf),
                FormParts.field(strings.tokenName, name: "name", problems: model.problems, language),
                .div(.class("field"), .label(.attribute(named: "for", value: "scope"), .text(strings.tokenScope)),
                     .select(.named("scope"), .id("scope"),
                             .choice(value: "read", label: strings.scopeRead, selected: true),
                             .choice(value: "write", label: strings.scopeWrite, selected: false))),
                .button(.type(.submit), .text(strings.createToken))
            )
        )
    }

    /// The member's inbox of routed requests, and their own requests with where each stands.
    static func requests(_ model: AccountModel, _ context: PageContext) -> Node<HTML.BodyContext> {
        let language = context.language
        let t = { (de: String, en: String) in language == .de ? de : en }
        func line(_ request: AccountModel.RequestLine) -> Node<HTML.ListContext> {
            .li(.attribute(named: "data-state", value: request.state.rawValue),
                .a(.href(context.link(.opportunity(id: request.id))), .text(request.title)),
                .text(" · " + request.organisation + " · " + request.state.label[language]),
                .unwrap(request.answer) { answer in .text(" · " + RoutingWords.recipientState(answer)[language]) })
        }
        return .section(
            .class("card"), .id("requests"),
            .h2(.text(t("Anfragen", "Requests"))),
            .if(!model.received.isEmpty, .group(
                .h3(.text(t("An Ihre Organisationen", "Sent to your organisations"))),
                .ul(.id("received-requests"), .forEach(model.received, line)))),
            .if(!model.posted.isEmpty, .group(
                .h3(.text(t("Von Ihren Organisationen", "Posted by your organisations"))),
                .ul(.id("posted-requests"), .forEach(model.posted, line)))))
    }
}