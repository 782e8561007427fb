import Foundation
import HubnetCore
import Testing

/// The policy as a table: every action against every kind of actor.
@Suite struct PolicyTests {
    static let organisation = UUID()
    static let other = UUID()
    static let actors: [(String, Actor)] = [
        ("anonymous", .anonymous),
        ("member of another organisation", Actor(memberID: UUID(), roles: [.organisationAdmin(organisation: other)])),
        ("member", Actor(memberID: UUID(), roles: [.organisationMember(organisation: organisation)])),
        ("organisation admin", Actor(memberID: UUID(), roles: [.organisationAdmin(organisation: organisation)])),
        ("hub manager of another hub", Actor(memberID: UUID(), roles: [.hubManager(hub: "berlin")])),
        ("hub manager", Actor(memberID: UUID(), roles: [.hubManager(hub: "hamburg")])),
        ("network admin", Actor(memberID: UUID(), roles: [.networkAdmin])),
    ]

    static let A = Decision.allowed, U = Decision.signInRequired, F = Decision.forbidden
    static let table: [(Action, [Decision])] = [
        (.createOrganisation(hub: "hamburg"), [U, A, A, A, A, A, A]),
        (.editOrganisation(id: organisation, hub: "hamburg"), [U, F, A, A, F, A, A]),
        (.deleteOrganisation(id: organisation, hub: "hamburg"), [U, F, F, A, F, A, A]),
        (.manageMembers(organisation: organisation, hub: "hamburg"), [U, F, F, A, F, A, A]),
        (.claimOrganisation(id: organisation, hub: "hamburg"), [U, A, F, F, A, A, A]),
        (.decideClaim(hub: "hamburg"), [U, F, F, F, F, A, A]),
        (.reviewClaims, [U, F, F, F, A, A, A]),
        (.readAuditLog(hub: "hamburg"), [U, F, F, F, F, A, A]),
        (.readAuditLog(hub: nil), [U, F, F, F, A, A, A]),
        (.assignRole(.hubManager(hub: "hamburg")), [U, F, F, F, F, F, A]),
        (.manageOwnAccount, [U, A, A, A, A, A, A]),
    ]

    @Test(arguments: table.indices)
    func everyActorGetsTheDecisionTheTableNames(row: Int) {
        let (action, expected) = Self.table[row]
        for ((name, actor), decision) in zip(Self.actors, expected) {
            #expect(Policy.decide(action, for: actor) == decision, "\(action) for \(name)")
        }
    }

    @Test func anAnonymousActorHasNoRolesEvenIfGivenSome() {
        #expect(Actor(memberID: nil, roles: [.networkAdmin]).roles.isEmpty)
    }
}
