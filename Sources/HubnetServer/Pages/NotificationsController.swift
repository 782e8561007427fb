import Foundation
import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// A member's notifications.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .notifications) { try await list($0, $1) }
        routes.page(.POST, .markNotificationsRead) { try await markRead($0, $1) }
    }

    func list(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let items = try await NotificationActions(request.actions()).list().map {
            NotificationsView.Item(text: $0.text, path: $0.path, createdAt: $0.createdAt, read: $0.read)
        }
        return htmlResponse(NotificationsView.render(items, csrf: request.csrfToken, try await request.pageContext(language, .notifications)), language)
    }

    func markRead(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        try await NotificationActions(request.actions()).markAllRead()
        return request.redirect(to: SiteURL.notifications.path(language), redirectType: .normal)
    }
}
