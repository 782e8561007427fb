import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// A member claims an existing profile; a manager of its home hub decides.
public struct ClaimActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public static let messageLimit = 1_000

    public func claim(_ organisationID: UUID, message: String) async throws -> Claim {
        let memberID = try context.memberID()
        let organisation = try await OrganisationActions(context).existing(organisationID)
        try context.authorize(.claimOrganisation(id: organisationID, hub: organisation.hubSlug))
        let text = try TextRules.checked(message, field: "message", limit: Self.messageLimit, multiline: true)
        let record = ClaimRecord(memberID: memberID, organisationID: organisationID, message: text)
        try await context.write { database in
            if try await ClaimRecord.query(on: database).filter(\.$memberID == memberID)
                .filter(\.$organisationID == organisationID).first() != nil {
                throw DomainError.conflict(.init(de: "Sie haben diese Organisation bereits beansprucht.",
                                                 en: "You have claimed this organisation before."))
            }
            try await record.create(on: database)
            try await context.audit("claim.create", "claim", record.id!.lowercased, hub: organisation.hubSlug,
                                    after: AuditJSON.encode(["organisation": organisationID.lowercased, "name": organisation.name]),
                                    on: database)
            // The hub's staff hear of it at once, each in their language.
            let claimant = try await MemberStore(database).record(memberID)
            for manager in try await MemberStore(database).staff(of: organisation.hubSlug) {
                let language = SiteLanguage(rawValue: manager.language) ?? .de
                let mail = AccountMails.claimArrived(name: manager.name, claimant: claimant?.name ?? "–", organisation: organisation.name,
                                                     message: text, link: context.link("claims", language), language)
                try await Outbox(database).enqueue(key: "claim-arrived-\(record.id!.lowercased)-\(manager.id!.lowercased)",
                                                   to: manager.email, subject: mail.subject, body: mail.body)
            }
        }
        return Claim(record)
    }

    /// Approving makes the claimant an organisation admin if it has none yet, else a member.
    public func decide(_ claimID: UUID, approve: Bool) async throws -> Claim {
        _ = try context.memberID()
        guard let claim = try await ClaimRecord.find(claimID, on: context.database) else {
            throw DomainError.notFound(.init(de: "Ein Anspruch", en: "claim"), id: claimID.lowercased)
        }
        let organisation = try await OrganisationActions(context).existing(claim.organisationID)
        try context.authorize(.decideClaim(hub: organisation.hubSlug))
        let status: Claim.Status = approve ? .approved : .rejected
        let decidedBy = context.actor.memberID
        let now = context.now
        let decided = try await context.write { database -> ClaimRecord in
            // Decided inside the transaction: of two managers deciding at once, one wins.
            guard let claim = try await ClaimRecord.find(claimID, on: database), claim.status == Claim.Status.pending.rawValue else {
                throw DomainError.conflict(.init(de: "Über diesen Anspruch wurde bereits entschieden.", en: "This claim was decided already."))
            }
            claim.status = status.rawValue
            claim.decidedAt = now
            claim.decidedBy = decidedBy
            try await claim.update(on: database)
            let members = MemberStore(database)
            if approve {
                let hasAdmin = try await members.memberships(ofOrganisation: organisation.id).contains { $0.level == "admin" }
                try await members.setMembership(memberID: claim.memberID, organisationID: organisation.id, level: hasAdmin ? .member : .admin)
            }
            if let claimant = try await members.record(claim.memberID), claimant.erasedAt == nil {
                let language = SiteLanguage(rawValue: claimant.language) ?? .de
                let mail = AccountMails.claimDecided(name: claimant.name, organisation: organisation.name, approved: approve,
                                                     link: context.link("organisations/\(organisation.id.lowercased)", language), language)
                try await Outbox(database).enqueue(key: "claim-\(claimID.lowercased)", to: claimant.email,
                                                   subject: mail.subject, body: mail.body)
            }
            try await context.audit(approve ? "claim.approve" : "claim.reject", "claim", claimID.lowercased, hub: organisation.hubSlug,
                                    before: AuditJSON.encode(["status": "pending", "name": organisation.name]),
                                    after: AuditJSON.encode(["status": status.rawValue, "name": organisation.name]),
                                    on: database)
            return claim
        }
        return Claim(decided)
    }

    /// Pending claims in the hubs the actor manages, oldest first.
    public func pending() async throws -> [PendingClaim] {
        let (visible, organisations) = try await pendingInManagedHubs()
        let members = try await MemberRecord.query(on: context.database).filter(\.$id ~~ visible.map(\.memberID)).all()
        let claimants = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0) })
        return visible.map { claim in
            let claimant = claimants[claim.memberID].flatMap { $0.erasedAt == nil ? (name: $0.name, email: $0.email) : nil }
            return PendingClaim(claim: Claim(claim), organisation: organisations[claim.organisationID]!, claimant: claimant)
        }
    }

    /// The pending claims the actor may decide, with their organisations; no claimant is read.
    private func pendingInManagedHubs() async throws -> (claims: [ClaimRecord], organisations: [UUID: Organisation]) {
        let actor = try context.authorize(.reviewClaims, reading: true)
        let claims = try await ClaimRecord.query(on: context.database).filter(\.$status == "pending").sort(\.$createdAt).all()
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(Set(claims.map(\.organisationID)))).map { ($0.id, $0) })
        return (claims.filter { organisations[$0.organisationID].map { actor.manages(hub: $0.hubSlug) } ?? false }, organisations)
    }

    /// Claims decided in the hubs the actor manages, newest first: the hub's history.
    public func decided(limit: Int = 20) async throws -> [DecidedClaim] {
        let actor = try context.authorize(.reviewClaims, reading: true)
        let claims = try await ClaimRecord.query(on: context.database).filter(\.$status != "pending")
            .sort(\.$decidedAt, .descending).limit(limit * 4).all()
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(Set(claims.map(\.organisationID)))).map { ($0.id, $0) })
        let visible = claims.filter { organisations[$0.organisationID].map { actor.manages(hub: $0.hubSlug) } ?? false }.prefix(limit)
        let people = Set(visible.map(\.memberID) + visible.compactMap(\.decidedBy))
        let names = Dictionary(uniqueKeysWithValues: try await MemberRecord.query(on: context.database).filter(\.$id ~~ Array(people)).all()
            .filter { $0.erasedAt == nil }.map { ($0.id!, $0.name) })
        return visible.map { claim in
            DecidedClaim(claim: Claim(claim), organisation: organisations[claim.organisationID]!, claimant: names[claim.memberID],
                         decidedBy: claim.decidedBy.flatMap { names[$0] }, decidedAt: claim.decidedAt)
        }
    }

    /// How much waits for the actor's decision, claims and new organisations together: the
    /// number beside "Staff" in the header, on every page a staff member opens, so the
    /// claimants are not read. Zero for anyone who decides nothing.
    public func waiting() async throws -> (claims: Int, organisations: Int) {
        guard Policy.decide(.reviewClaims, for: context.actor) == .allowed else { return (0, 0) }
        return (try await pendingInManagedHubs().claims.count, try await OrganisationActions(context).pending().count)
    }

    /// The actor's own claims, newest first, with the organisations they are for.
    public func mine() async throws -> [(claim: Claim, organisation: Organisation)] {
        guard let memberID = context.actor.memberID else { return [] }
        let claims = try await ClaimRecord.query(on: context.database).filter(\.$memberID == memberID).sort(\.$createdAt, .descending).all()
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(claims.map(\.organisationID)).map { ($0.id, $0) })
        return claims.compactMap { claim in organisations[claim.organisationID].map { (Claim(claim), $0) } }
    }

    /// The actor's own claim on an organisation, if any.
    public func own(on organisationID: UUID) async throws -> Claim? {
        guard let memberID = context.actor.memberID else { return nil }
        return try await ClaimRecord.query(on: context.database).filter(\.$memberID == memberID)
            .filter(\.$organisationID == organisationID).first().map(Claim.init)
    }
}

extension Claim {
    init(_ record: ClaimRecord) {
        self.init(id: record.id!, organisationID: record.organisationID, memberID: record.memberID, message: record.message,
                  status: Status(rawValue: record.status) ?? .pending, createdAt: record.createdAt)
    }
}
