import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Roles in the network and memberships of organisations.
public struct RoleActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let noConfirmedAccount = ValidationFailure([FieldProblem(field: "email", message: .init(
        de: "Kein bestätigtes Konto mit dieser Adresse.", en: "No confirmed account has this address."))])

    /// Makes an existing, confirmed member the first network admin. The edge has checked the
    /// bootstrap token; once a network admin exists this opens nothing any more.
    public func bootstrapNetworkAdmin(email: String) async throws {
        try await context.write { database in
            guard try await RoleAssignmentRecord.query(on: database).filter(\.$role == "network_admin").count() == 0 else {
                throw DomainError.forbidden(.init(
                    de: "Es gibt bereits eine Netzwerk-Administration; sie ernennt weitere mit POST /api/v1/roles.",
                    en: "A network admin exists; they appoint others with POST /api/v1/roles."))
            }
            guard let member = try await MemberStore(database).record(email: email), member.emailConfirmedAt != nil,
                  member.erasedAt == nil else { throw Self.noConfirmedAccount }
            try await MemberStore(database).assign(.networkAdmin, to: member.id!)
            try await context.audit("role.bootstrap-network-admin", "member", member.id!.lowercased, hub: nil,
                                    after: AuditJSON.encode(["role": "network_admin"]), on: database)
        }
    }

    /// Gives the member with this address a network role (network admin, hub manager, jury).
    public func assign(_ role: Role, toMemberWithEmail email: String) async throws {
        _ = try context.memberID()
        _ = try context.authorize(.assignRole(role))
        guard let member = try await MemberStore(context.database).record(email: email), member.erasedAt == nil else {
            throw ValidationFailure([FieldProblem(field: "email", message: .init(de: "Kein Konto mit dieser Adresse.", en: "No account has this address."))])
        }
        let memberID = member.id!
        try await context.write { database in
            if try await MemberStore(database).roles(of: memberID).contains(role) { return }
            try await MemberStore(database).assign(role, to: memberID)
            try await context.audit("role.assign", "member", memberID.lowercased, hub: role.hub,
                                    after: AuditJSON.encode(RoleName(role)), on: database)
        }
    }

    /// Takes a network role away. The last network admin stays: without one nobody could
    /// appoint anyone again.
    public func remove(_ role: Role, fromMember memberID: UUID) async throws {
        _ = try context.memberID()
        _ = try context.authorize(.assignRole(role))
        try await context.write { database in
            if role == .networkAdmin,
               try await RoleAssignmentRecord.query(on: database).filter(\.$role == "network_admin").count() <= 1 {
                throw DomainError.conflict(.init(de: "Die letzte Netzwerk-Administration bleibt: ernennen Sie zuerst eine weitere.",
                                                 en: "The last network admin stays: appoint another one first."))
            }
            guard try await MemberStore(database).unassign(role, from: memberID) else { return }
            try await context.audit("role.remove", "member", memberID.lowercased, hub: role.hub,
                                    before: AuditJSON.encode(RoleName(role)), on: database)
        }
    }

    /// Who runs the network: network admins first, then hub managers by hub, each by name.
    public func staff() async throws -> [StaffMember] {
        _ = try context.authorize(.assignRole(.networkAdmin), reading: true)
        let hubOrder = Dictionary(uniqueKeysWithValues: Network.hubs.enumerated().map { ($1.slug, $0) })
        return try await MemberStore(context.database).staff().map {
            StaffMember(id: $0.member.id!, name: $0.member.name, email: $0.member.email, role: $0.role)
        }.sorted {
            func rank(_ role: Role) -> Int { if case .hubManager(let hub) = role { 1 + (hubOrder[hub] ?? 99) } else { 0 } }
            return (rank($0.role), $0.name.lowercased(), $0.email) < (rank($1.role), $1.name.lowercased(), $1.email)
        }
    }

    /// Adds a member to an organisation or changes their level.
    public func setMembership(organisation organisationID: UUID, member memberID: UUID, level: MembershipRecord.Level) async throws {
        _ = try context.memberID()
        let organisation = try await OrganisationActions(context).existing(organisationID)
        try context.authorize(.manageMembers(organisation: organisation.id, hub: organisation.hubSlug))
        guard let member = try await MemberStore(context.database).record(memberID), member.erasedAt == nil else {
            throw DomainError.notFound(.init(de: "Ein Mitglied", en: "member"), id: memberID.lowercased)
        }
        try await context.write { database in
            try await MemberStore(database).setMembership(memberID: memberID, organisationID: organisation.id, level: level)
            try await context.audit("membership.set", "membership", "\(organisation.id.lowercased)/\(memberID.lowercased)",
                                    hub: organisation.hubSlug, after: AuditJSON.encode(["level": level.rawValue]), on: database)
        }
    }

    public func removeMembership(organisation organisationID: UUID, member memberID: UUID) async throws {
        _ = try context.memberID()
        let organisation = try await OrganisationActions(context).existing(organisationID)
        try context.authorize(.manageMembers(organisation: organisation.id, hub: organisation.hubSlug))
        try await context.write { database in
            try await MembershipRecord.query(on: database).filter(\.$organisationID == organisation.id)
                .filter(\.$memberID == memberID).delete()
            try await context.audit("membership.remove", "membership", "\(organisation.id.lowercased)/\(memberID.lowercased)",
                                    hub: organisation.hubSlug, on: database)
        }
    }
}

extension Role {
    /// The hub a role is scoped to, for the audit log's hub filter.
    var hub: String? {
        if case .hubManager(let hub) = self { hub } else { nil }
    }
}

/// A member of the network's staff and the role they hold.
public struct StaffMember: Sendable, Hashable {
    public let id: UUID
    public let name: String
    public let email: String
    public let role: Role
}
