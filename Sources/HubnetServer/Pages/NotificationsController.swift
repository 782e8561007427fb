import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// A member's notifications.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .notifications) { try await list($0, $1) }
        routes.page(.POST, .markNotificationsRead) { try await markRead($0, $1) }
    }

    func list(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let member = try await request.actions().memberID()
        let items = try await NotificationStore(request.db).list(of: member).map {
            NotificationsView.Item(text: $0.text, path: $0.path, createdAt: $0.createdAt, read: $0.read)
        }
        return htmlResponse(NotificationsView.render(items, csrf: request.csrfToken, try await request.pageContext(language, .notifications)), language)
    }

    func markRead(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let member = try await request.actions().memberID()
        try await request.db.serialisedWrite { database in
            try await NotificationStore(database).markAllRead(of: member, at: Date())
        }
        return request.redirect(to: SiteURL.notifications.path(language), redirectType: .normal)
    }
}
