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
        try context.authorize(.assignRole(role))
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

/// A role as the API and the audit log name it: `hub_manager` with the scope `hamburg`.
public struct RoleName: Codable, Hashable, Sendable {
    public let role: String
    public let scope: String?

    public init(_ role: Role) {
        switch role {
        case .networkAdmin: (self.role, scope) = ("network_admin", nil)
        case .hubManager(let hub): (self.role, scope) = ("hub_manager", hub)
        case .organisationAdmin(let id): (self.role, scope) = ("organisation_admin", id.lowercased)
        case .organisationMember(let id): (self.role, scope) = ("organisation_member", id.lowercased)
        case .juryMember(let id): (self.role, scope) = ("jury_member", id.lowercased)
        }
    }

    /// The network role these words name, or the field that is wrong.
    public static func networkRole(role: String, scope: String?) throws(ValidationFailure) -> Role {
        switch role {
        case "network_admin": return .networkAdmin
        case "hub_manager":
            guard let scope, Network.hub(scope) != nil else {
                throw ValidationFailure([FieldProblem(field: "scope", message: .init(
                    de: "Ein Hub-Management braucht einen Hub als Geltungsbereich, z. B. „hamburg“.",
                    en: "A hub manager needs a hub slug as scope, e.g. 'hamburg'."))])
            }
            return .hubManager(hub: scope)
        case "jury_member":
            guard let call = scope.flatMap(UUID.init(uuidString:)) else {
                throw ValidationFailure([FieldProblem(field: "scope", message: .init(
                    de: "Eine Jury-Rolle braucht die Kennung eines Calls als Geltungsbereich.", en: "A jury member needs a call id as scope."))])
            }
            return .juryMember(call: call)
        default:
            throw ValidationFailure([FieldProblem(field: "role", message: .init(
                de: "Rolle „network_admin“, „hub_manager“ oder „jury_member“.",
                en: "Role must be 'network_admin', 'hub_manager' or 'jury_member'."))])
        }
    }
}

extension Role {
    /// The hub a role is scoped to, for the audit log's hub filter.
    var hub: String? {
        if case .hubManager(let hub) = self { hub } else { nil }
    }
}
