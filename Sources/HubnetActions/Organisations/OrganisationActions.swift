import Algorithms
import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Directory writes: create, edit, delete, approve and import organisations. Each asks the
/// policy, writes with its audit entry in one transaction, then brings this instance's
/// directory index up to date.
public struct OrganisationActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let thing = LocalizedText(de: "Eine Organisation", en: "organisation")

    public static func notFound(_ id: UUID) -> DomainError { .notFound(thing, id: id.lowercased) }

    /// The organisation, or not found.
    public func existing(_ id: UUID) async throws -> Organisation {
        guard let organisation = try await OrganisationStore(context.database).find(id) else { throw Self.notFound(id) }
        return organisation
    }

    /// Adds an organisation; the member who adds it administers it. It counts as a member of
    /// its hub once a manager of that hub approves it, unless that manager added it.
    public func create(_ proposed: Organisation) async throws -> Organisation {
        let actor = try context.authorize(.createOrganisation(hub: proposed.hubSlug))
        let organisation = try proposed.validated()
        try await context.write { database in
            try await OrganisationStore(database).create(organisation)
            if let memberID = actor.memberID {
                try await MemberStore(database).setMembership(memberID: memberID, organisationID: organisation.id, level: .admin)
                if !actor.manages(hub: organisation.hubSlug) {
                    try await PendingOrganisationRecord(organisationID: organisation.id, createdBy: memberID).create(on: database)
                }
            }
            try await context.audit("organisation.create", "organisation", organisation.id.lowercased, hub: organisation.hubSlug,
                                    after: AuditJSON.encode(organisation), on: database)
        }
        try await context.services.directoryChanged(context.database)
        return organisation
    }

    /// Changes an organisation with `change`, which gets the current state.
    public func update(_ id: UUID, _ change: @Sendable (Organisation) throws -> Organisation) async throws -> Organisation {
        _ = try context.memberID()
        let current = try await existing(id)
        try context.authorize(.editOrganisation(id: id, hub: current.hubSlug))
        let changed = try change(current).validated()
        if changed.hubSlug != current.hubSlug {
            // Moving to another hub needs the right in that hub too.
            try context.authorize(.editOrganisation(id: id, hub: changed.hubSlug))
        }
        try await context.write { database in
            guard try await OrganisationStore(database).update(changed) else { throw Self.notFound(id) }
            try await context.audit("organisation.update", "organisation", id.lowercased, hub: changed.hubSlug,
                                    before: AuditJSON.encode(current), after: AuditJSON.encode(changed), on: database)
        }
        try await context.services.directoryChanged(context.database)
        return changed
    }

    public func delete(_ id: UUID) async throws {
        _ = try context.memberID()
        let current = try await existing(id)
        try context.authorize(.deleteOrganisation(id: id, hub: current.hubSlug))
        try await context.write { database in
            guard try await OrganisationStore(database).delete(id) else { throw Self.notFound(id) }
            try await context.audit("organisation.delete", "organisation", id.lowercased, hub: current.hubSlug,
                                    before: AuditJSON.encode(current), on: database)
        }
        try await context.services.directoryChanged(context.database)
    }

    /// Organisations added by members that wait for approval in the hubs the actor manages.
    public func pending() async throws -> [(organisation: Organisation, since: Date?)] {
        let actor = try context.authorize(.reviewClaims, reading: true)
        let records = try await PendingOrganisationRecord.query(on: context.database).sort(\.$createdAt).all()
        let organisations = try await OrganisationStore(context.database).find(records.compactMap(\.id))
        let since = Dictionary(uniqueKeysWithValues: records.map { ($0.id!, $0.createdAt) })
        return organisations.filter { actor.manages(hub: $0.hubSlug) }.map { ($0, since[$0.id] ?? nil) }
    }

    /// A hub manager confirms that a member-added organisation belongs to the hub.
    public func approve(_ id: UUID) async throws {
        _ = try context.memberID()
        let organisation = try await existing(id)
        try context.authorize(.decideClaim(hub: organisation.hubSlug))
        try await context.write { database in
            guard let pending = try await PendingOrganisationRecord.find(id, on: database) else {
                throw DomainError.conflict(.init(de: "Diese Organisation ist bereits bestätigt.", en: "This organisation is approved already."))
            }
            try await pending.delete(on: database)
            try await context.audit("organisation.approve", "organisation", id.lowercased, hub: organisation.hubSlug, on: database)
        }
    }

    /// Writes checked organisations in one transaction (all land, or none): new ids are
    /// created, known ids updated. One audit entry for the run. Only the command line calls
    /// it: whoever runs it holds the database already, so no policy stands in between.
    public func importChecked(_ organisations: [Organisation], progress: @escaping @Sendable (Int) -> Void = { _ in })
        async throws -> (created: Int, updated: Int)
    {
        let result = try await context.write { database in
            let store = OrganisationStore(database)
            let existing = Set(try await store.find(organisations.map(\.id)).map(\.id))
            let fresh = organisations.filter { !existing.contains($0.id) }
            var done = 0
            for batch in fresh.chunks(ofCount: 2_000) {
                try await store.insert(batch: Array(batch))
                done += batch.count
                progress(done)
            }
            for organisation in organisations where existing.contains(organisation.id) {
                try await store.update(organisation)
                done += 1
                progress(done)
            }
            try await context.audit("organisation.import", "organisation", "\(organisations.count)", hub: nil,
                                    after: "{\"created\":\(fresh.count),\"updated\":\(existing.count)}", on: database)
            return (created: fresh.count, updated: existing.count)
        }
        try await context.services.directoryChanged(context.database)
        return result
    }
}
