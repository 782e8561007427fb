import Foundation

/// Everything a member can try to change; the object's hub travels along, because hub
/// managers act on their hub only.
public enum Action: Hashable, Sendable {
    case createOrganisation(hub: String)
    case editOrganisation(id: UUID, hub: String)
    case deleteOrganisation(id: UUID, hub: String)
    case manageMembers(organisation: UUID, hub: String)
    case claimOrganisation(id: UUID, hub: String)
    case decideClaim(hub: String)
    /// See the pending claims of the hubs one manages.
    case reviewClaims
    case readAuditLog(hub: String?)
    case assignRole(Role)
    case manageOwnAccount
    /// Post, change or withdraw an opportunity for an organisation.
    case postOpportunity(organisation: UUID, hub: String)
}

public enum Decision: Hashable, Sendable {
    case allowed
    /// Nobody is signed in: sign in first (401).
    case signInRequired
    /// Signed in, but this member may not (403).
    case forbidden
}

/// The one place that decides every permission. Routes ask it; nothing else grants rights.
public enum Policy {
    public static func decide(_ action: Action, for actor: Principal) -> Decision {
        guard actor.isSignedIn else { return .signInRequired }
        return allows(action, actor) ? .allowed : .forbidden
    }

    private static func allows(_ action: Action, _ actor: Principal) -> Bool {
        switch action {
        case .manageOwnAccount:
            return true
        case .createOrganisation:
            // Any member may put a new organisation in the directory; it becomes theirs.
            return true
        case .editOrganisation(let id, let hub):
            return actor.actsFor(organisation: id) || actor.manages(hub: hub)
        case .deleteOrganisation(let id, let hub), .manageMembers(let id, let hub):
            return actor.administers(organisation: id) || actor.manages(hub: hub)
        case .claimOrganisation(let id, _):
            return !actor.actsFor(organisation: id)
        case .decideClaim(let hub):
            return actor.manages(hub: hub)
        case .reviewClaims:
            return actor.managedHubs.map { !$0.isEmpty } ?? true
        case .readAuditLog(let hub):
            if let hub { return actor.manages(hub: hub) }
            // Without a hub: the agency's whole log, or a hub manager's own hubs.
            return actor.managedHubs.map { !$0.isEmpty } ?? true
        case .postOpportunity(let organisation, let hub):
            return actor.actsFor(organisation: organisation) || actor.manages(hub: hub)
        case .assignRole:
            // Memberships of an organisation go through .manageMembers; network roles are the agency's.
            return actor.isNetworkAdmin
        }
    }
}
