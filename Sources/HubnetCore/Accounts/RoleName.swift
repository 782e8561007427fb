import Foundation

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
