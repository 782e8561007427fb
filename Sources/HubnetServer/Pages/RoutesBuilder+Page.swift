import HubnetCore
import HubnetViews
import Vapor

extension RoutesBuilder {
    /// Registers a page under each language from its typed route, so every path the site
    /// serves is one that `SiteURL` prints.
    func page(_ method: HTTPMethod, _ route: SiteURL.Route,
              _ handler: @escaping @Sendable (Request, SiteLanguage) async throws -> Response) {
        for language in SiteLanguage.allCases {
            let path = [PathComponent(stringLiteral: language.rawValue)] + route.pattern.map { PathComponent(stringLiteral: $0) }
            on(method, path) { request in try await handler(request, language) }
        }
    }
}
