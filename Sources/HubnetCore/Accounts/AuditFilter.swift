import Foundation

/// What the audit log is narrowed to: a hub, an actor, a kind of action, a span of time; and
/// which page of the newest-first list.
public struct AuditFilter: Sendable, Hashable {
    public var hub: String?
    public var actor: UUID?
    /// An action ("claim.approve") or its area ("claim").
    public var action: String?
    /// From this moment on (inclusive).
    public var from: Date?
    /// Before this moment (exclusive).
    public var until: Date?
    public var page: Int

    public static let perPage = 50

    public init(hub: String? = nil, actor: UUID? = nil, action: String? = nil, from: Date? = nil, until: Date? = nil, page: Int = 1) {
        self.hub = hub
        self.actor = actor
        self.action = action
        self.from = from
        self.until = until
        self.page = page
    }

    public var isEmpty: Bool { hub == nil && actor == nil && action == nil && from == nil && until == nil }
}
