import HubnetCore
import HubnetViews
import Vapor

func routes(_ app: Application) throws {
    // The language-neutral entry: the visitor's browser language decides.
    app.get { request in
        request.redirect(to: SiteURL.home.path(.preferred(acceptLanguage: request.headers.first(name: .acceptLanguage))))
    }
    app.get("health") { _ in "ok" }
    app.get("assets", "hubnet.css") { _ in
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        // The link carries the content's hash, so a new stylesheet has a new address.
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
    app.get("assets", "hubnet.js") { _ in
        let response = Response(status: .ok, body: .init(string: Script.source))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
    // Browsers ask for /favicon.ico whatever the page says; both answer with the SVG.
    for path in ["favicon.svg", "favicon.ico"] {
        app.get(PathComponent(stringLiteral: path)) { _ in
            let response = Response(status: .ok, body: .init(string: Favicon.svg))
            response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
            return response
        }
    }
    try app.register(collection: LogoController())
    try app.register(collection: CalendarFeedController())
    // Pages know members by session and check every form post for its CSRF token.
    let pages = app.grouped(app.sessions.middleware, CSRFMiddleware())
    try pages.register(collection: PageController())
    try pages.register(collection: AccountPageController())
    try pages.register(collection: MemberPageController())
    try pages.register(collection: StaffPageController())
    try pages.register(collection: RoutingQueueController())
    try pages.register(collection: NotificationsController())
    try pages.register(collection: ScoutingController())
    try pages.register(collection: CallPageController())
    try pages.register(collection: MatchPageController())
    try pages.register(collection: PlacePageController())
    try pages.register(collection: EventPageController())
    try pages.register(collection: MatchmakingPageController())
    try pages.register(collection: MailboxController())
    // The API knows members by personal token only, so no cookie can be abused across sites.
    let api = app.grouped(APITokenAuthenticator(), APIWriteGuard())
    try api.register(collection: APIController())
    try api.register(collection: AccountsAPIController())
    try api.register(collection: MatchesAPIController())
    try api.register(collection: ScoutingAPIController())
    try api.register(collection: CallsAPIController())
    try api.register(collection: PlacesAPIController())
    try api.register(collection: EventsAPIController())
    try api.register(collection: MatchmakingAPIController())
}
