import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// One entry of the audit log, with the acting member's name as it may be shown.
public struct AuditEntry: Sendable {
    public let id: UUID
    public let occurredAt: Date
    public let actorID: UUID?
    /// Nil for the command line or the system; "Deleted member" after erasure.
    public let actorName: LocalizedText?
    public let action: String
    public let objectType: String
    public let objectID: String
    public let hub: String?
    public let before: String?
    public let after: String?
}

/// Reads the audit log: hub managers their hubs, the agency everything or one hub.
public struct AuditTrail: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    /// A page of entries, newest first, and whether older ones follow.
    public func entries(_ filter: AuditFilter = AuditFilter(), perPage: Int = AuditFilter.perPage) async throws -> (entries: [AuditEntry], more: Bool) {
        _ = try context.memberID()
        let actor = try context.authorize(.readAuditLog(hub: filter.hub), reading: true)
        let hubs: Set<String>? = filter.hub.map { [$0] } ?? actor.managedHubs
        var records = try await AuditLog(context.database).entries(filter, hubs: hubs, offset: (max(filter.page, 1) - 1) * perPage,
                                                                   limit: perPage + 1)
        let more = records.count > perPage
        records = Array(records.prefix(perPage))
        let members = try await MemberRecord.query(on: context.database).filter(\.$id ~~ Array(Set(records.compactMap(\.actorID)))).all()
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0.erasedAt == nil ? LocalizedText($0.name) : Member.erasedName) })
        let entries = records.map {
            AuditEntry(id: $0.id!, occurredAt: $0.occurredAt, actorID: $0.actorID, actorName: $0.actorID.flatMap { names[$0] },
                       action: $0.action, objectType: $0.objectType, objectID: $0.objectID, hub: $0.hubSlug, before: $0.before, after: $0.after)
        }
        return (entries, more)
    }
}
