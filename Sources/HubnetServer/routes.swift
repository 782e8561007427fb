import HubnetCore
import HubnetViews
import Vapor

func routes(_ app: Application) throws {
    // The language-neutral entry: the visitor's browser language decides.
    app.get { request in
        request.redirect(to: SiteURL.home.path(.preferred(acceptLanguage: request.headers.first(name: .acceptLanguage))))
    }
    app.get("health") { _ in "ok" }
    try app.register(collection: PageController())
    try app.register(collection: APIController())
}
