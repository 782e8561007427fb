import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// A member's own notifications.
public struct NotificationActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public func list() async throws -> [NotificationStore.Notification] {
        try await NotificationStore(context.database).list(of: try context.memberID())
    }

    /// For the header; nobody signed in has none.
    public func unreadCount() async throws -> Int {
        guard let member = context.actor.memberID else { return 0 }
        return try await NotificationStore(context.database).unreadCount(of: member)
    }

    public func markAllRead() async throws {
        let member = try context.memberID()
        try await context.write { database in
            try await NotificationStore(database).markAllRead(of: member, at: context.now)
        }
    }
}
