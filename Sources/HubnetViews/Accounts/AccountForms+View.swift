import HubnetCore
import Plot

/// The small forms of the account flow: sign up, sign in, forgot and reset password, and the
/// message page that answers them.
public enum AccountFormsView {
    public struct FormState: Sendable {
        public var values: [String: String]
        public var problems: [FieldProblem]
        public var notice: [String]

        public init(values: [String: String] = [:], problems: [FieldProblem] = [], notice: [String] = []) {
            self.values = values
            self.problems = problems
            self.notice = notice
        }
    }

    public static func signUp(_ state: FormState, csrf: String, _ context: PageContext) -> String {
        let strings = context.accountStrings
        let language = context.language
        return Layout.page(
            context, title: strings.signUp,
            .h1(.text(strings.signUp)),
            .p(.class("lead"), .text(strings.signUpIntro)),
            FormParts.notice(state.notice),
            .form(
                .class("card"), .method(.post), .action(context.link(.signUp)), .id("sign-up-form"),
                FormParts.csrf(csrf),
                FormParts.field(strings.name, name: "name", value: state.values["name"] ?? "", autocomplete: "name", problems: state.problems, language),
                FormParts.field(strings.email, name: "email", type: .email, value: state.values["email"] ?? "", autocomplete: "email", problems: state.problems, language),
                FormParts.field(strings.newPassword, name: "password", type: .password, autocomplete: "new-password", problems: state.problems, language),
                FormParts.consent(strings.privacyConsent, link: context.link(.privacy), name: "privacy", checked: state.values["privacy"] != nil,
                                  problems: state.problems, language),
                .button(.type(.submit), .text(strings.signUpButton))
            ),
            .p(.a(.href(context.link(.signIn)), .text(strings.signIn)))
        ).render()
    }

    public static func signIn(_ state: FormState, csrf: String, returnTo: String?, _ context: PageContext) -> String {
        let strings = context.accountStrings
        let language = context.language
        return Layout.page(
            context, title: strings.signIn,
            .h1(.text(strings.signIn)),
            FormParts.notice(state.notice),
            .form(
                .class("card"), .method(.post), .action(context.link(.signIn)), .id("sign-in-form"),
                FormParts.csrf(csrf),
                .unwrap(returnTo) { .input(.type(.hidden), .name("return"), .value($0)) },
                FormParts.field(strings.email, name: "email", type: .email, value: state.values["email"] ?? "", autocomplete: "username", problems: state.problems, language),
                FormParts.field(strings.password, name: "password", type: .password, autocomplete: "current-password", problems: state.problems, language),
                .button(.type(.submit), .text(strings.signInButton))
            ),
            .p(.a(.href(context.link(.forgotPassword)), .text(strings.forgotPassword)), .text(" · "),
               .a(.href(context.link(.signUp)), .text(strings.signUp)))
        ).render()
    }

    public static func forgotPassword(_ state: FormState, csrf: String, _ context: PageContext) -> String {
        let strings = context.accountStrings
        return Layout.page(
            context, title: strings.forgotPassword,
            .h1(.text(strings.forgotPassword)),
            .p(.text(strings.forgotIntro)),
            FormParts.notice(state.notice),
            .form(
                .class("card"), .method(.post), .action(context.link(.forgotPassword)),
                FormParts.csrf(csrf),
                FormParts.field(strings.email, name: "email", type: .email, value: state.values["email"] ?? "", autocomplete: "email", problems: state.problems, context.language),
                .button(.type(.submit), .text(strings.sendResetLink))
            )
        ).render()
    }

    public static func resetPassword(token: String, _ state: FormState, csrf: String, _ context: PageContext) -> String {
        let strings = context.accountStrings
        return Layout.page(
            context, title: strings.resetTitle,
            .h1(.text(strings.resetTitle)),
            FormParts.notice(state.notice),
            .form(
                .class("card"), .method(.post), .action(context.link(.resetPassword)),
                FormParts.csrf(csrf),
                .input(.type(.hidden), .name("token"), .value(token)),
                FormParts.field(strings.newPassword, name: "password", type: .password, autocomplete: "new-password", problems: state.problems, context.language),
                .button(.type(.submit), .text(strings.resetButton))
            )
        ).render()
    }

    /// A page that only says something, with an optional next step.
    public static func message(title: String, text: String, next: (label: String, url: SiteURL)?, _ context: PageContext) -> String {
        Layout.page(
            context, title: title,
            .h1(.id("message-title"), .text(title)),
            .p(.class("lead"), .text(text)),
            .unwrap(next) { .p(.a(.href(context.link($0.url)), .text($0.label))) }
        ).render()
    }
}
