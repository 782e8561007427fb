import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Sign-up, sign-in, password reset and the account page, under each language.
struct AccountPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .signUp) { try await signUpForm($0, $1) }
        routes.page(.POST, .signUp) { try await signUp($0, $1) }
        routes.page(.GET, .signIn) { try await signInForm($0, $1) }
        routes.page(.POST, .signIn) { try await signIn($0, $1) }
        routes.page(.POST, .signOut) { try await signOut($0, $1) }
        routes.page(.GET, .confirm) { try await confirm($0, $1) }
        routes.page(.GET, .forgotPassword) { try await forgotForm($0, $1) }
        routes.page(.POST, .forgotPassword) { try await forgot($0, $1) }
        routes.page(.GET, .resetPassword) { try await resetForm($0, $1) }
        routes.page(.POST, .resetPassword) { try await reset($0, $1) }
        routes.page(.GET, .account) { try await account($0, $1) }
        routes.page(.POST, .accountPassword) { try await changePassword($0, $1) }
        routes.page(.POST, .accountEmail) { try await changeEmail($0, $1) }
        routes.page(.GET, .confirmEmailChange) { try await confirmEmailChange($0, $1) }
        routes.page(.POST, .accountTokens) { try await createToken($0, $1) }
        routes.page(.POST, .revokeToken) { try await revokeToken($0, $1) }
        routes.page(.GET, .accountExport) { try await export($0, $1) }
        routes.page(.POST, .accountDelete) { try await delete($0, $1) }
    }

    typealias FormState = AccountFormsView.FormState

    // MARK: Sign-up

    func signUpForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.pageContext(language, .signUp)
        return htmlResponse(AccountFormsView.signUp(FormState(), csrf: request.csrfToken, context), language)
    }

    struct SignUpForm: Content {
        let name: String
        let email: String
        let password: String
        /// The checkbox sends "on" when ticked and nothing otherwise.
        let privacy: String?
    }

    func signUp(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(SignUpForm.self)
        do {
            try await AccountActions(request.actions()).signUp(SignUp(email: form.email, name: form.name, password: form.password, language: language,
                                                                     acceptsPrivacyNotice: form.privacy != nil))
        } catch let failure as ValidationFailure {
            var values = ["name": form.name, "email": form.email]
            if form.privacy != nil { values["privacy"] = "on" }
            let state = FormState(values: values, problems: failure.problems)
            let context = try await request.pageContext(language, .signUp)
            return htmlResponse(AccountFormsView.signUp(state, csrf: request.csrfToken, context), language, status: .unprocessableEntity)
        }
        let strings = AccountStrings.for(language)
        return try await message(request, language, strings.checkMailboxTitle, strings.checkMailboxText, next: nil)
    }

    func confirm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let strings = AccountStrings.for(language)
        let token = request.query[String.self, at: "token"] ?? ""
        guard try await AccountActions(request.actions()).confirm(token: token) else {
            return try await message(request, language, strings.linkInvalidTitle, strings.linkInvalidText, next: (strings.signIn, .signIn), status: .badRequest)
        }
        return try await message(request, language, strings.confirmedTitle, strings.confirmedText, next: (strings.signIn, .signIn))
    }

    // MARK: Sign-in and sign-out

    func signInForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.pageContext(language, .signIn)
        let notice = request.query[String.self, at: "return"] != nil ? [AccountStrings.for(language).signInRequired] : []
        return htmlResponse(AccountFormsView.signIn(FormState(notice: notice), csrf: request.csrfToken,
                                                    returnTo: request.safeReturn(request.query[String.self, at: "return"]), context), language)
    }

    struct SignInForm: Content {
        let email: String
        let password: String
        let `return`: String?
    }

    func signIn(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(SignInForm.self)
        let strings = AccountStrings.for(language)
        let notice: String
        switch try await AccountActions(request.actions()).signIn(email: form.email, password: form.password,
                                                                from: request.remoteAddress?.ipAddress ?? "unknown") {
        case .signedIn(let memberID):
            // A new session id on sign-in, so a planted session cookie is worth nothing.
            if let old = request.session.id {
                try await DatabaseSessionDriver().deleteSession(old, for: request)
                request.session.id = nil
            }
            request.session.data["member"] = memberID.uuidString
            request.session.data["csrf"] = SecretToken.randomID()
            return request.redirect(to: request.safeReturn(form.return) ?? SiteURL.account.path(language), redirectType: .normal)
        case .refused: notice = strings.refused
        case .unconfirmed: notice = strings.unconfirmed
        case .throttled(let minutes): notice = strings.throttled(minutes)
        }
        let context = try await request.pageContext(language, .signIn)
        let state = FormState(values: ["email": form.email], notice: [notice])
        return htmlResponse(AccountFormsView.signIn(state, csrf: request.csrfToken, returnTo: request.safeReturn(form.return), context),
                            language, status: .unauthorized)
    }

    func signOut(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        request.session.destroy()
        return request.redirect(to: SiteURL.home.path(language), redirectType: .normal)
    }

    // MARK: Password reset

    func forgotForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.pageContext(language, .forgotPassword)
        return htmlResponse(AccountFormsView.forgotPassword(FormState(), csrf: request.csrfToken, context), language)
    }

    struct EmailForm: Content {
        let email: String
    }

    func forgot(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(EmailForm.self)
        try await AccountActions(request.actions()).requestPasswordReset(email: form.email)
        let strings = AccountStrings.for(language)
        return try await message(request, language, strings.checkMailboxTitle, strings.resetSentText, next: nil)
    }

    func resetForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.pageContext(language, .resetPassword)
        let token = request.query[String.self, at: "token"] ?? ""
        return htmlResponse(AccountFormsView.resetPassword(token: token, FormState(), csrf: request.csrfToken, context), language)
    }

    struct ResetForm: Content {
        let token: String
        let password: String
    }

    func reset(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(ResetForm.self)
        let strings = AccountStrings.for(language)
        do {
            guard try await AccountActions(request.actions()).resetPassword(token: form.token, to: form.password) else {
                return try await message(request, language, strings.linkInvalidTitle, strings.linkInvalidText,
                                         next: (strings.forgotPassword, .forgotPassword), status: .badRequest)
            }
        } catch let failure as ValidationFailure {
            let context = try await request.pageContext(language, .resetPassword)
            return htmlResponse(AccountFormsView.resetPassword(token: form.token, FormState(problems: failure.problems),
                                                               csrf: request.csrfToken, context), language, status: .unprocessableEntity)
        }
        request.session.destroy()
        return try await message(request, language, strings.resetTitle, strings.passwordChangedText, next: (strings.signIn, .signIn))
    }

    // MARK: Account

    struct PasswordForm: Content {
        let current: String
        let password: String
    }

    func changePassword(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(PasswordForm.self)
        return try await accountForm(request, language, notice: AccountStrings.for(language).passwordChanged) { actions in
            try await actions.changePassword(current: form.current, to: form.password, keepingSession: request.session.id?.string)
        }
    }

    /// A form of the account page: its action, then the page again with the confirmation, or
    /// with the problems the form should show.
    private func accountForm(_ request: Request, _ language: SiteLanguage, notice: String,
                             _ action: (AccountActions) async throws -> Void) async throws -> Response {
        do {
            try await action(AccountActions(request.actions()))
        } catch let failure as ValidationFailure {
            return try await account(request, language, problems: failure.problems)
        }
        return try await account(request, language, notice: notice)
    }

    struct NewAddressForm: Content {
        let new_email: String
        let email_password: String
    }

    func changeEmail(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(NewAddressForm.self)
        let notice = AccountStrings.for(language).emailChangeSent(SignUp.normalise(email: form.new_email))
        return try await accountForm(request, language, notice: notice) { actions in
            try await actions.requestEmailChange(to: form.new_email, password: form.email_password)
        }
    }

    func confirmEmailChange(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let strings = AccountStrings.for(language)
        let token = request.query[String.self, at: "token"] ?? ""
        guard try await AccountActions(request.actions()).confirmEmailChange(token: token) else {
            return try await message(request, language, strings.linkInvalidTitle, strings.linkInvalidText, next: (strings.signIn, .signIn), status: .badRequest)
        }
        return try await message(request, language, strings.emailChangedTitle, strings.emailChangedText, next: (strings.accountTitle, .account))
    }

    func account(_ request: Request, _ language: SiteLanguage, newToken: String? = nil,
                 problems: [FieldProblem] = [], notice: String? = nil) async throws -> Response {
        let overview = try await MemberDataActions(request.actions()).overview()
        let claims = try await ClaimActions(request.actions()).mine()
            .filter { entry in entry.claim.status != .approved || !overview.organisations.contains { $0.organisation.id == entry.organisation.id } }
        var model = AccountModel(
            name: overview.name, email: overview.email,
            organisations: overview.organisations.map { ($0.organisation, $0.administers) },
            roles: overview.roles.filter { if case .organisationAdmin = $0 { false } else if case .organisationMember = $0 { false } else { true } }
                .sorted { $0.label.en < $1.label.en },
            tokens: overview.tokens.map {
                AccountModel.Token(id: $0.id, name: $0.name, writes: $0.scopes.contains("write"), lastUsed: $0.lastUsedAt,
                                   revoked: $0.revokedAt != nil || ($0.expiresAt.map { $0 <= Date() } ?? false))
            },
            newToken: newToken, problems: problems, csrf: request.csrfToken,
            claims: claims.map { ($0.organisation, $0.claim.status.rawValue) }, notice: notice, pendingEmail: overview.pendingEmail)
        let inbox = try await RoutingActions(request.actions()).inbox()
        let line = { (entry: RoutingActions.InboxEntry) in
            AccountModel.RequestLine(id: entry.opportunity.id, title: entry.opportunity.title, state: entry.state,
                                     organisation: entry.organisation.name, answer: entry.answer)
        }
        model.received = inbox.received.map(line)
        model.posted = inbox.posted.map(line)
        let context = try await request.pageContext(language, .account)
        return htmlResponse(AccountView.render(model, context), language, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    struct TokenForm: Content {
        let name: String
        let scope: String
        let expiresInDays: String?
    }

    func createToken(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(TokenForm.self)
        do {
            let made = try await MemberDataActions(request.actions()).createToken(name: form.name, scope: form.scope,
                                                                                  expiresInDays: form.expiresInDays.flatMap { Int($0) })
            return try await account(request, language, newToken: made.secret)
        } catch let failure as ValidationFailure {
            return try await account(request, language, problems: failure.problems)
        }
    }

    func revokeToken(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        try await MemberDataActions(request.actions()).revokeToken(id)
        return request.redirect(to: SiteURL.account.path(language) + "#tokens", redirectType: .normal)
    }

    func export(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let response = try jsonResponse(try await MemberDataActions(request.actions()).export())
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"hubnet-data.json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    struct DeleteForm: Content {
        let confirm: String?
    }

    func delete(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.actions()
        try context.authorize(.manageOwnAccount)
        guard (try? request.content.decode(DeleteForm.self))?.confirm == "yes" else {
            return try await account(request, language, problems: [FieldProblem(field: "confirm", message: .init(
                de: "Bitte bestätigen Sie das Löschen mit dem Häkchen.", en: "Please tick the box to confirm."))])
        }
        try await MemberDataActions(context).erase()
        request.session.destroy()
        let strings = AccountStrings.for(language)
        return htmlResponse(AccountFormsView.message(title: strings.deleteAccount, text: strings.deletedText, next: nil,
                                                     PageContext(language: language, page: .home)), language)
    }

    private func message(_ request: Request, _ language: SiteLanguage, _ title: String, _ text: String,
                         next: (String, SiteURL)?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = try await request.pageContext(language, .home)
        return htmlResponse(AccountFormsView.message(title: title, text: text, next: next.map { (label: $0.0, url: $0.1) }, context),
                            language, status: status)
    }
}
