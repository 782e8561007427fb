import FluentKit
import FluentSQL
import Foundation
import HubnetCore

/// Members, their roles and memberships.
public struct MemberStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func record(_ id: UUID) async throws -> MemberRecord? {
        try await MemberRecord.find(id, on: database)
    }

    public func record(email: String) async throws -> MemberRecord? {
        try await MemberRecord.query(on: database).filter(\.$email == SignUp.normalise(email: email)).first()
    }

    /// Every role of the member: network roles plus one per organisation membership.
    public func roles(of memberID: UUID) async throws -> Set<Role> {
        var roles: Set<Role> = []
        for assignment in try await RoleAssignmentRecord.query(on: database).filter(\.$memberID == memberID).all() {
            switch assignment.role {
            case "network_admin": roles.insert(.networkAdmin)
            case "hub_manager": roles.insert(.hubManager(hub: assignment.scope))
            case "jury_member": if let call = UUID(uuidString: assignment.scope) { roles.insert(.juryMember(call: call)) }
            default: continue
            }
        }
        for membership in try await MembershipRecord.query(on: database).filter(\.$memberID == memberID).all() {
            roles.insert(membership.level == MembershipRecord.Level.admin.rawValue
                ? .organisationAdmin(organisation: membership.organisationID)
                : .organisationMember(organisation: membership.organisationID))
        }
        return roles
    }

    /// Who looks after a hub: its managers, or the network admins while it has none. Erased
    /// accounts are left out.
    public func staff(of hub: String) async throws -> [MemberRecord] {
        var assignments = try await RoleAssignmentRecord.query(on: database)
            .filter(\.$role == "hub_manager").filter(\.$scope == hub).all()
        if assignments.isEmpty {
            assignments = try await RoleAssignmentRecord.query(on: database).filter(\.$role == "network_admin").all()
        }
        let ids = Array(Set(assignments.map(\.memberID)))
        return try await MemberRecord.query(on: database).filter(\.$id ~~ ids).filter(\.$erasedAt == nil).sort(\.$email).all()
    }

    /// The hub agency: every network admin.
    public func networkAdmins() async throws -> [MemberRecord] {
        let ids = Array(Set(try await RoleAssignmentRecord.query(on: database).filter(\.$role == "network_admin").all().map(\.memberID)))
        return try await MemberRecord.query(on: database).filter(\.$id ~~ ids).filter(\.$erasedAt == nil).sort(\.$email).all()
    }

    public func actor(_ memberID: UUID) async throws -> Principal {
        guard let member = try await record(memberID), member.erasedAt == nil else { return .anonymous }
        return Principal(memberID: memberID, roles: try await roles(of: memberID))
    }

    public func assign(_ role: Role, to memberID: UUID) async throws {
        switch role {
        case .organisationAdmin(let organisation):
            try await setMembership(memberID: memberID, organisationID: organisation, level: .admin)
        case .organisationMember(let organisation):
            try await setMembership(memberID: memberID, organisationID: organisation, level: .member)
        case .networkAdmin, .hubManager, .juryMember:
            let name = RoleName(role)
            try await RoleAssignmentRecord(memberID: memberID, role: name.role, scope: name.scope ?? "").create(on: database)
        }
    }

    /// Takes a network role away; false when the member did not have it.
    public func unassign(_ role: Role, from memberID: UUID) async throws -> Bool {
        if case .organisationAdmin = role { return false }
        if case .organisationMember = role { return false }
        let name = RoleName(role)
        let query = RoleAssignmentRecord.query(on: database).filter(\.$memberID == memberID)
            .filter(\.$role == name.role).filter(\.$scope == name.scope ?? "")
        guard try await query.count() > 0 else { return false }
        try await query.delete()
        return true
    }

    /// The network's staff: every network admin and hub manager, with their accounts.
    public func staff() async throws -> [(member: MemberRecord, role: Role)] {
        let assignments = try await RoleAssignmentRecord.query(on: database).filter(\.$role ~~ ["network_admin", "hub_manager"]).all()
        let members = Dictionary(uniqueKeysWithValues: try await MemberRecord.query(on: database)
            .filter(\.$id ~~ Array(Set(assignments.map(\.memberID)))).all().map { ($0.id!, $0) })
        return assignments.compactMap { assignment in
            guard let member = members[assignment.memberID], member.erasedAt == nil else { return nil }
            return (member, assignment.role == "network_admin" ? .networkAdmin : .hubManager(hub: assignment.scope))
        }
    }

    /// Adds the membership or changes its level.
    public func setMembership(memberID: UUID, organisationID: UUID, level: MembershipRecord.Level) async throws {
        if let existing = try await MembershipRecord.query(on: database)
            .filter(\.$memberID == memberID).filter(\.$organisationID == organisationID).first() {
            existing.level = level.rawValue
            try await existing.update(on: database)
        } else {
            try await MembershipRecord(memberID: memberID, organisationID: organisationID, level: level).create(on: database)
        }
    }

    public func memberships(of memberID: UUID) async throws -> [MembershipRecord] {
        try await MembershipRecord.query(on: database).filter(\.$memberID == memberID).all()
    }

    public func memberships(ofOrganisation organisationID: UUID) async throws -> [MembershipRecord] {
        try await MembershipRecord.query(on: database).filter(\.$organisationID == organisationID).all()
    }
}
