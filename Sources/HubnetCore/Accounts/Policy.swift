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
    /// Set how a hub works: its service levels.
    case manageHub(hub: String)
    /// Send scouting requests to hubs and the merged reply to the client: the agency's work.
    case runScouting
    /// A step of the routing desk on a request that `poster` posted from `homeHub`.
    case routingStep(RoutingEvent, poster: UUID, homeHub: String)
    /// Set up and run a call: its texts, jury, assignment, decisions. A hub's calls are its
    /// managers'; the network's calls (hub nil) are the agency's.
    case manageCall(hub: String?)
    /// Apply to a call for an organisation.
    case applyToCall(organisation: UUID)
    /// Review the applications of a call one is a juror of.
    case reviewCall(UUID)
    /// Set up a hub's resources and events, mark no-shows, tick the check-in list, run its
    /// matchmaking days: the hub's managers.
    case runHubPlaces(hub: String)
    /// Book a resource for an organisation, or cancel its booking (who may use the resource
    /// is the resource's own rule, checked by the booking).
    case bookFor(organisation: UUID, hub: String)
    /// Register for an event, take part in a matchmaking day: any member.
    case takePart
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
        case .decideClaim(let hub), .manageHub(let hub):
            return actor.manages(hub: hub)
        case .reviewClaims:
            return actor.managedHubs.map { !$0.isEmpty } ?? true
        case .readAuditLog(let hub):
            if let hub { return actor.manages(hub: hub) }
            // Without a hub: the agency's whole log, or a hub manager's own hubs.
            return actor.managedHubs.map { !$0.isEmpty } ?? true
        case .postOpportunity(let organisation, let hub):
            return actor.actsFor(organisation: organisation) || actor.manages(hub: hub)
        case .runScouting:
            return actor.isNetworkAdmin
        case .assignRole:
            // Memberships of an organisation go through .manageMembers; network roles are the agency's.
            return actor.isNetworkAdmin
        case .routingStep(let event, let poster, let homeHub):
            return allows(event, poster: poster, homeHub: homeHub, actor)
        case .manageCall(let hub):
            return hub.map(actor.manages(hub:)) ?? actor.isNetworkAdmin
        case .applyToCall(let organisation):
            return actor.actsFor(organisation: organisation)
        case .reviewCall(let call):
            return actor.roles.contains(.juryMember(call: call))
        case .runHubPlaces(let hub):
            return actor.manages(hub: hub)
        case .bookFor(let organisation, let hub):
            return actor.actsFor(organisation: organisation) || actor.manages(hub: hub)
        case .takePart:
            return true
        }
    }

    /// The routing desk: the home hub's agency vets, routes and introduces; a referred hub's
    /// managers answer for their hub; recipients answer for themselves; the poster edits,
    /// withdraws and closes; either side of an introduction records its outcome. Expiry is
    /// the background job's alone.
    private static func allows(_ event: RoutingEvent, poster: UUID, homeHub: String, _ actor: Principal) -> Bool {
        switch event {
        case .accept, .askForChanges, .reject, .route, .introduce:
            return actor.manages(hub: homeHub)
        case .resubmit, .withdraw, .close:
            return actor.actsFor(organisation: poster) || actor.manages(hub: homeHub)
        case .forward(let hub, _), .declineReferral(let hub, _):
            return actor.manages(hub: hub)
        case .expressInterest(let organisation, _), .decline(let organisation, _):
            return actor.actsFor(organisation: organisation)
        case .recordOutcome(let organisation, _):
            return actor.actsFor(organisation: poster) || actor.actsFor(organisation: organisation) || actor.manages(hub: homeHub)
        case .expire:
            return false
        }
    }
}
