import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// Directory writes on behalf of an actor: asks the policy, writes with the audit entry in
/// one transaction, then brings this instance's index up to date.
struct OrganisationService {
    let request: Request

    func create(_ organisation: Organisation) async throws {
        let actor = try await request.authorize(.createOrganisation(hub: organisation.hubSlug))
        try await request.db.transaction { database in
            try await OrganisationStore(database).create(organisation)
            // The member who adds an organisation administers it.
            if let memberID = actor.memberID {
                try await MemberStore(database).setMembership(memberID: memberID, organisationID: organisation.id, level: .admin)
            }
            try await audit("organisation.create", organisation.id, hub: organisation.hubSlug, before: nil, after: organisation, actor, database)
        }
        try await request.application.directory.synchronize(on: request.db)
    }

    func update(_ id: UUID, _ change: (Organisation) throws -> Organisation) async throws -> Organisation {
        let current = try await existing(id)
        let actor = try await request.authorize(.editOrganisation(id: id, hub: current.hubSlug))
        let changed = try change(current)
        if changed.hubSlug != current.hubSlug {
            // Moving to another hub needs the right in that hub too.
            _ = try await request.authorize(.editOrganisation(id: id, hub: changed.hubSlug))
        }
        try await request.db.transaction { database in
            guard try await OrganisationStore(database).update(changed) else { throw Self.notFound(id) }
            try await audit("organisation.update", id, hub: changed.hubSlug, before: current, after: changed, actor, database)
        }
        try await request.application.directory.synchronize(on: request.db)
        return changed
    }

    func delete(_ id: UUID) async throws {
        let current = try await existing(id)
        let actor = try await request.authorize(.deleteOrganisation(id: id, hub: current.hubSlug))
        try await request.db.transaction { database in
            guard try await OrganisationStore(database).delete(id) else { throw Self.notFound(id) }
            try await audit("organisation.delete", id, hub: current.hubSlug, before: current, after: nil, actor, database)
        }
        try await request.application.directory.synchronize(on: request.db)
    }

    func existing(_ id: UUID) async throws -> Organisation {
        guard let organisation = try await OrganisationStore(request.db).find(id) else { throw Self.notFound(id) }
        return organisation
    }

    static func notFound(_ id: UUID) -> ProblemDetails {
        .notFound("There is no organisation with id \(id.uuidString.lowercased()).")
    }

    private func audit(_ action: String, _ id: UUID, hub: String, before: Organisation?, after: Organisation?,
                       _ actor: Actor, _ database: any Database) async throws {
        try await AuditLog(database).record(
            actor: actor.memberID, action: action, objectType: "organisation", objectID: id.uuidString.lowercased(),
            hub: hub, before: before.map(Self.json), after: after.map(Self.json))
    }

    static func json(_ organisation: Organisation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(OrganisationDTO(organisation))) ?? Data(), as: UTF8.self)
    }
}
