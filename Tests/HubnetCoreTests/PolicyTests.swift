import Foundation
import HubnetCore
import Testing

/// The policy as a table: every action against every kind of actor.
@Suite struct PolicyTests {
    static let organisation = UUID()
    static let other = UUID()
    static let actors: [(String, Principal)] = [
        ("anonymous", .anonymous),
        ("member of another organisation", Principal(memberID: UUID(), roles: [.organisationAdmin(organisation: other)])),
        ("member", Principal(memberID: UUID(), roles: [.organisationMember(organisation: organisation)])),
        ("organisation admin", Principal(memberID: UUID(), roles: [.organisationAdmin(organisation: organisation)])),
        ("hub manager of another hub", Principal(memberID: UUID(), roles: [.hubManager(hub: "berlin")])),
        ("hub manager", Principal(memberID: UUID(), roles: [.hubManager(hub: "hamburg")])),
        ("network admin", Principal(memberID: UUID(), roles: [.networkAdmin])),
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
        #expect(Principal(memberID: nil, roles: [.networkAdmin]).roles.isEmpty)
    }
}
