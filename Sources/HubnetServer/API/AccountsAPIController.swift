import Crypto
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// API v1 for accounts: the member's own data and tokens, claims, memberships, roles, the
/// audit log, and the one-time bootstrap of the first network admin. Each route decodes,
/// calls one action and encodes.
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
        api.post("organisations", ":id", "approve", use: approveOrganisation)
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
    func bootstrap(_ request: Request) async throws -> HTTPStatus {
        guard let expected = request.application.hubnetSettings.adminToken else {
            throw DomainError.forbidden(.init(de: "Setzen Sie HUBNET_ADMIN_TOKEN, um die erste Netzwerk-Administration zu ernennen.",
                                              en: "Set HUBNET_ADMIN_TOKEN to appoint the first network admin."))
        }
        guard let given = request.headers.bearerAuthorization?.token,
              SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
        else { throw DomainError.signInRequired }
        let input = try request.strictJSON(BootstrapInput.self)
        try await RoleActions(request.application.commandActions).bootstrapNetworkAdmin(email: input.email)
        return .noContent
    }

    struct MeDTO: Content {
        let id: String
        let email: String
        let name: String
        let language: String
        let roles: [RoleName]
    }

    func me(_ request: Request) async throws -> MeDTO {
        let overview = try await MemberDataActions(request.actions()).overview()
        return MeDTO(id: overview.id.lowercased, email: overview.email, name: overview.name, language: overview.language.rawValue,
                     roles: overview.roles.map(RoleName.init).sorted { ($0.role, $0.scope ?? "") < ($1.role, $1.scope ?? "") })
    }

    func export(_ request: Request) async throws -> Response {
        try jsonResponse(try await MemberDataActions(request.actions()).export())
    }

    func erase(_ request: Request) async throws -> HTTPStatus {
        try await MemberDataActions(request.actions()).erase()
        return .noContent
    }

    func tokens(_ request: Request) async throws -> Response {
        try await MemberDataActions(request.actions()).tokens().map { TokenDTO($0) }.encodeResponse(for: request)
    }

    struct TokenDTO: Content {
        let id: String
        let name: String
        let scopes: [String]
        let createdAt: Date?
        let lastUsedAt: Date?
        let revokedAt: Date?
        let expiresAt: Date?
        /// Only in the answer that creates it.
        let token: String?

        init(_ token: APIToken, secret: String? = nil) {
            id = token.id.lowercased
            name = token.name
            scopes = token.scopes
            createdAt = token.createdAt
            lastUsedAt = token.lastUsedAt
            revokedAt = token.revokedAt
            expiresAt = token.expiresAt
            self.token = secret
        }
    }

    struct TokenInput: Content {
        let name: String
        let scope: String
        let expiresInDays: Int?
    }

    func createToken(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(TokenInput.self)
        let made = try await MemberDataActions(context).createToken(name: input.name, scope: input.scope, expiresInDays: input.expiresInDays)
        return try await TokenDTO(made.token, secret: made.secret).encodeResponse(status: .created, for: request)
    }

    func revokeToken(_ request: Request) async throws -> HTTPStatus {
        let context = try await request.actions()
        _ = try context.memberID()
        try await MemberDataActions(context).revokeToken(try request.uuid("tokenID"))
        return .noContent
    }

    struct ClaimInput: Content {
        let message: String?
    }

    struct ClaimDTO: Content {
        let id: String
        let organisation: String
        let member: String
        let message: String
        let status: String

        init(_ claim: Claim) {
            id = claim.id.lowercased
            organisation = claim.organisationID.lowercased
            member = claim.memberID.lowercased
            message = claim.message
            status = claim.status.rawValue
        }
    }

    func claim(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid("id")
        // No body is a claim without a message; a body must be a JSON object.
        let input = request.body.data?.readableBytes ?? 0 > 0 ? try request.strictJSON(ClaimInput.self) : ClaimInput(message: nil)
        let claim = try await ClaimActions(context).claim(id, message: input.message ?? "")
        return try await ClaimDTO(claim).encodeResponse(status: .created, for: request)
    }

    func approveOrganisation(_ request: Request) async throws -> HTTPStatus {
        try await OrganisationActions(request.actions()).approve(try request.uuid("id"))
        return .noContent
    }

    func pendingClaims(_ request: Request) async throws -> [ClaimDTO] {
        try await ClaimActions(request.actions()).pending().map { ClaimDTO($0.claim) }
    }

    func approve(_ request: Request) async throws -> ClaimDTO {
        ClaimDTO(try await ClaimActions(request.actions()).decide(try request.uuid("claimID"), approve: true))
    }

    func reject(_ request: Request) async throws -> ClaimDTO {
        ClaimDTO(try await ClaimActions(request.actions()).decide(try request.uuid("claimID"), approve: false))
    }

    struct MembershipInput: Content {
        let level: String
    }

    func setMembership(_ request: Request) async throws -> HTTPStatus {
        let context = try await request.actions()
        _ = try context.memberID()
        let (organisation, member) = (try request.uuid("id"), try request.uuid("memberID"))
        let input = try request.strictJSON(MembershipInput.self)
        guard let level = MembershipRecord.Level(rawValue: input.level) else {
            throw ValidationFailure([FieldProblem(field: "level", message: .init(de: "„admin“ oder „member“.", en: "Use 'admin' or 'member'."))])
        }
        try await RoleActions(context).setMembership(organisation: organisation, member: member, level: level)
        return .noContent
    }

    func removeMembership(_ request: Request) async throws -> HTTPStatus {
        try await RoleActions(request.actions()).removeMembership(organisation: try request.uuid("id"), member: try request.uuid("memberID"))
        return .noContent
    }

    struct RoleInput: Content {
        let email: String
        let role: String
        let scope: String?
    }

    func assignRole(_ request: Request) async throws -> HTTPStatus {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(RoleInput.self)
        let role = try RoleName.networkRole(role: input.role, scope: input.scope)
        try await RoleActions(context).assign(role, toMemberWithEmail: input.email)
        return .noContent
    }

    struct AuditEntryDTO: Content {
        let id: String
        let occurredAt: Date
        let actor: String?
        let action: String
        let objectType: String
        let objectID: String
        let hub: String?
        let before: String?
        let after: String?
    }

    func audit(_ request: Request) async throws -> [AuditEntryDTO] {
        let hub = request.query[String.self, at: "hub"]
        return try await AuditTrail(request.actions()).entries(AuditFilter(hub: hub), perPage: 200).entries.map {
            AuditEntryDTO(id: $0.id.lowercased, occurredAt: $0.occurredAt, actor: $0.actorID?.lowercased, action: $0.action,
                          objectType: $0.objectType, objectID: $0.objectID, hub: $0.hub, before: $0.before, after: $0.after)
        }
    }
}
