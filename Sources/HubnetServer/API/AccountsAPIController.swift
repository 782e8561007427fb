import Crypto
import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// API v1 for accounts: the member's own data and tokens, claims, memberships, roles, audit
/// log, and the one-time bootstrap of the first network admin.
struct AccountsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.post("bootstrap", use: bootstrap)
        api.get("me", use: me)
        api.get("me", "export", use: export)
        api.delete("me", use: erase)
        api.get("me", "tokens", use: tokens)
        api.post("me", "tokens", use: createToken)
        api.delete("me", "tokens", ":tokenID", use: revokeToken)
        api.post("organisations", ":id", "claims", use: claim)
        api.get("claims", use: pendingClaims)
        api.post("claims", ":claimID", "approve", use: approve)
        api.post("claims", ":claimID", "reject", use: reject)
        api.put("organisations", ":id", "members", ":memberID", use: setMembership)
        api.delete("organisations", ":id", "members", ":memberID", use: removeMembership)
        api.post("roles", use: assignRole)
        api.get("audit", use: audit)
    }

    struct BootstrapInput: Content {
        let email: String
    }

    /// With the admin token from the environment, makes an existing, confirmed member the
    /// first network admin. Once there is one, the admin token opens nothing any more.
    func bootstrap(_ request: Request) async throws -> Response {
        guard let expected = request.application.hubnetSettings.adminToken else {
            throw ProblemDetails(.forbidden, status: .forbidden, title: "No bootstrap token",
                                 detail: "Set HUBNET_ADMIN_TOKEN to appoint the first network admin.")
        }
        guard let given = request.headers.bearerAuthorization?.token,
              SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
        else {
            throw ProblemDetails(.unauthorized, status: .unauthorized, title: "Unauthorized", detail: "Send HUBNET_ADMIN_TOKEN as a bearer token.")
        }
        let input = try request.content.decode(BootstrapInput.self)
        return try await request.db.transaction { database in
            guard try await RoleAssignmentRecord.query(on: database).filter(\.$role == "network_admin").count() == 0 else {
                throw ProblemDetails(.forbidden, status: .forbidden, title: "Bootstrap finished",
                                     detail: "A network admin exists; they appoint others with POST /api/v1/roles.")
            }
            guard let member = try await MemberStore(database).record(email: input.email), member.emailConfirmedAt != nil else {
                throw ValidationFailure([FieldProblem(field: "email", message: .init(
                    de: "Kein bestätigtes Konto mit dieser Adresse.", en: "No confirmed account has this address."))])
            }
            try await MemberStore(database).assign(.networkAdmin, to: member.id!)
            try await AuditLog(database).record(actor: nil, action: "role.bootstrap-network-admin", objectType: "member",
                                                objectID: member.id!.uuidString.lowercased(), hub: nil, before: nil, after: "{\"role\":\"network_admin\"}")
            return Response(status: .noContent)
        }
    }

    struct MeDTO: Content {
        let id: UUID
        let email: String
        let name: String
        let language: String
        let roles: [RoleDTO]
    }

    struct RoleDTO: Content, Equatable {
        let role: String
        let scope: String?

        init(_ role: Role) {
            switch role {
            case .networkAdmin: (self.role, scope) = ("network_admin", nil)
            case .hubManager(let hub): (self.role, scope) = ("hub_manager", hub)
            case .organisationAdmin(let id): (self.role, scope) = ("organisation_admin", id.uuidString.lowercased())
            case .organisationMember(let id): (self.role, scope) = ("organisation_member", id.uuidString.lowercased())
            case .juryMember(let id): (self.role, scope) = ("jury_member", id.uuidString.lowercased())
            }
        }
    }

    func me(_ request: Request) async throws -> MeDTO {
        let actor = try await signedIn(request)
        guard let member = try await MemberStore(request.db).record(actor.memberID!) else { throw Abort(.notFound) }
        return MeDTO(id: member.id!, email: member.email, name: member.name, language: member.language,
                     roles: actor.roles.map(RoleDTO.init).sorted { ($0.role, $0.scope ?? "") < ($1.role, $1.scope ?? "") })
    }

    func export(_ request: Request) async throws -> MemberDataService.Export {
        let actor = try await signedIn(request)
        guard let export = try await MemberDataService(database: request.db).export(actor.memberID!) else { throw Abort(.notFound) }
        return export
    }

    func erase(_ request: Request) async throws -> HTTPStatus {
        let actor = try await request.authorize(.manageOwnAccount)
        try await MemberDataService(database: request.db).erase(actor.memberID!)
        return .noContent
    }

    struct TokenDTO: Content {
        let id: UUID
        let name: String
        let scopes: [String]
        let createdAt: Date?
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    func tokens(_ request: Request) async throws -> [TokenDTO] {
        let actor = try await signedIn(request)
        return try await CredentialStore(request.db).apiTokens(of: actor.memberID!).map {
            TokenDTO(id: $0.id!, name: $0.name, scopes: $0.scopes.split(separator: " ").map(String.init),
                     createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
        }
    }

    struct TokenInput: Content {
        let name: String
        let scope: String
    }

    func createToken(_ request: Request) async throws -> Response {
        let actor = try await request.authorize(.manageOwnAccount)
        let input = try request.content.decode(TokenInput.self)
        let token = try await MemberDataService(database: request.db).createToken(for: actor.memberID!, name: input.name, scope: input.scope)
        return try await token.encodeResponse(status: .created, for: request)
    }

    func revokeToken(_ request: Request) async throws -> HTTPStatus {
        let actor = try await request.authorize(.manageOwnAccount)
        let id = try request.uuid("tokenID")
        guard try await MemberDataService(database: request.db).revokeToken(id, of: actor.memberID!) else {
            throw ProblemDetails.notFound("You have no token with id \(id.uuidString.lowercased()).")
        }
        return .noContent
    }

    struct ClaimInput: Content {
        let message: String?
    }

    struct ClaimDTO: Content {
        let id: UUID
        let organisation: UUID
        let member: UUID
        let message: String
        let status: String

        init(_ claim: ClaimRecord) {
            id = claim.id!
            organisation = claim.organisationID
            member = claim.memberID
            message = claim.message
            status = claim.status
        }
    }

    func claim(_ request: Request) async throws -> Response {
        let id = try request.uuid("id")
        let input = (try? request.content.decode(ClaimInput.self)) ?? ClaimInput(message: nil)
        let claim = try await ClaimService(request: request).claim(id, message: input.message ?? "")
        return try await ClaimDTO(claim).encodeResponse(status: .created, for: request)
    }

    func pendingClaims(_ request: Request) async throws -> [ClaimDTO] {
        try await ClaimService(request: request).pending().map { ClaimDTO($0.claim) }
    }

    func approve(_ request: Request) async throws -> ClaimDTO {
        ClaimDTO(try await ClaimService(request: request).decide(try request.uuid("claimID"), approve: true))
    }

    func reject(_ request: Request) async throws -> ClaimDTO {
        ClaimDTO(try await ClaimService(request: request).decide(try request.uuid("claimID"), approve: false))
    }

    struct MembershipInput: Content {
        let level: String
    }

    func setMembership(_ request: Request) async throws -> HTTPStatus {
        let organisation = try await OrganisationService(request: request).existing(try request.uuid("id"))
        let actor = try await request.authorize(.manageMembers(organisation: organisation.id, hub: organisation.hubSlug))
        let memberID = try request.uuid("memberID")
        let input = try request.content.decode(MembershipInput.self)
        guard let level = MembershipRecord.Level(rawValue: input.level) else {
            throw ValidationFailure([FieldProblem(field: "level", message: .init(de: "„admin“ oder „member“.", en: "Use 'admin' or 'member'."))])
        }
        guard let member = try await MemberStore(request.db).record(memberID), member.erasedAt == nil else {
            throw ProblemDetails.notFound("There is no member with id \(memberID.uuidString.lowercased()).")
        }
        try await request.db.transaction { database in
            try await MemberStore(database).setMembership(memberID: memberID, organisationID: organisation.id, level: level)
            try await AuditLog(database).record(actor: actor.memberID, action: "membership.set", objectType: "membership",
                                                objectID: "\(organisation.id.uuidString.lowercased())/\(memberID.uuidString.lowercased())",
                                                hub: organisation.hubSlug, before: nil, after: "{\"level\":\"\(level.rawValue)\"}")
        }
        return .noContent
    }

    func removeMembership(_ request: Request) async throws -> HTTPStatus {
        let organisation = try await OrganisationService(request: request).existing(try request.uuid("id"))
        let actor = try await request.authorize(.manageMembers(organisation: organisation.id, hub: organisation.hubSlug))
        let memberID = try request.uuid("memberID")
        try await request.db.transaction { database in
            try await MembershipRecord.query(on: database).filter(\.$organisationID == organisation.id)
                .filter(\.$memberID == memberID).delete()
            try await AuditLog(database).record(actor: actor.memberID, action: "membership.remove", objectType: "membership",
                                                objectID: "\(organisation.id.uuidString.lowercased())/\(memberID.uuidString.lowercased())",
                                                hub: organisation.hubSlug, before: nil, after: nil)
        }
        return .noContent
    }

    struct RoleInput: Content {
        let email: String
        let role: String
        let scope: String?
    }

    func assignRole(_ request: Request) async throws -> HTTPStatus {
        let input = try request.content.decode(RoleInput.self)
        let role: Role
        switch (input.role, input.scope) {
        case ("network_admin", _): role = .networkAdmin
        case ("hub_manager", let hub?) where Network.hub(hub) != nil: role = .hubManager(hub: hub)
        case ("jury_member", let call?) where UUID(uuidString: call) != nil: role = .juryMember(call: UUID(uuidString: call)!)
        default:
            throw ValidationFailure([FieldProblem(field: "role", message: .init(
                de: "network_admin, hub_manager (scope: Hub) oder jury_member (scope: Call-ID).",
                en: "network_admin, hub_manager (scope: a hub slug) or jury_member (scope: a call id)."))])
        }
        let actor = try await request.authorize(.assignRole(role))
        guard let member = try await MemberStore(request.db).record(email: input.email), member.erasedAt == nil else {
            throw ValidationFailure([FieldProblem(field: "email", message: .init(de: "Kein Konto mit dieser Adresse.", en: "No account has this address."))])
        }
        try await request.db.transaction { database in
            if try await MemberStore(database).roles(of: member.id!).contains(role) { return }
            try await MemberStore(database).assign(role, to: member.id!)
            try await AuditLog(database).record(actor: actor.memberID, action: "role.assign", objectType: "member",
                                                objectID: member.id!.uuidString.lowercased(), hub: input.scope.flatMap { Network.hub($0)?.slug },
                                                before: nil, after: "{\"role\":\"\(input.role)\",\"scope\":\(MemberDataService.json(input.scope ?? ""))}")
        }
        return .noContent
    }

    struct AuditEntryDTO: Content {
        let id: UUID
        let occurredAt: Date
        let actor: UUID?
        let action: String
        let objectType: String
        let objectID: String
        let hub: String?
        let before: String?
        let after: String?
    }

    func audit(_ request: Request) async throws -> [AuditEntryDTO] {
        let hub = request.query[String.self, at: "hub"]
        let actor = try await request.authorize(.readAuditLog(hub: hub), reading: true)
        // A hub manager reads their hubs; the agency reads everything or one hub.
        let hubs: Set<String>? = hub.map { [$0] } ?? actor.managedHubs
        return try await AuditLog(request.db).entries(hubs: hubs).map {
            AuditEntryDTO(id: $0.id!, occurredAt: $0.occurredAt, actor: $0.actorID, action: $0.action, objectType: $0.objectType,
                          objectID: $0.objectID, hub: $0.hubSlug, before: $0.before, after: $0.after)
        }
    }

    private func signedIn(_ request: Request) async throws -> Actor {
        let actor = try await request.actor()
        guard actor.isSignedIn else { return try await request.authorize(.manageOwnAccount, reading: true) }
        return actor
    }
}
