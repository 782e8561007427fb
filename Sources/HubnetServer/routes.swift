import HubnetCore
import HubnetViews
import Vapor

func routes(_ app: Application) throws {
    // The language-neutral entry: the visitor's browser language decides.
    app.get { request in
        request.redirect(to: SiteURL.home.path(.preferred(acceptLanguage: request.headers.first(name: .acceptLanguage))))
    }
    app.get("health") { _ in "ok" }
    // Pages know members by session and check every form post for its CSRF token.
    let pages = app.grouped(app.sessions.middleware, CSRFMiddleware())
    try pages.register(collection: PageController())
    try pages.register(collection: AccountPageController())
    try pages.register(collection: MemberPageController())
    try pages.register(collection: MatchPageController())
    try pages.register(collection: MailboxController())
    // The API knows members by personal token only, so no cookie can be abused across sites.
    let api = app.grouped(APITokenAuthenticator())
    try api.register(collection: APIController())
    try api.register(collection: AccountsAPIController())
    try api.register(collection: MatchesAPIController())
}
