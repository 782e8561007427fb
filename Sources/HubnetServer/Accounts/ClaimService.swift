import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// A member claims an existing profile; the hub manager of its home hub decides.
struct ClaimService {
    let request: Request

    func claim(_ organisationID: UUID, message: String) async throws -> ClaimRecord {
        let organisation = try await OrganisationService(request: request).existing(organisationID)
        let actor = try await request.authorize(.claimOrganisation(id: organisationID, hub: organisation.hubSlug))
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 1_000 else {
            throw ValidationFailure([FieldProblem(field: "message", message: .init(de: "Höchstens 1000 Zeichen.", en: "At most 1000 characters."))])
        }
        let claim = ClaimRecord(memberID: actor.memberID!, organisationID: organisationID, message: text)
        try await request.db.transaction { database in
            if try await ClaimRecord.query(on: database).filter(\.$memberID == actor.memberID!)
                .filter(\.$organisationID == organisationID).first() != nil {
                throw ProblemDetails(.conflict, status: .conflict, title: "Already claimed",
                                     detail: "You have claimed this organisation before.")
            }
            try await claim.create(on: database)
            try await AuditLog(database).record(actor: actor.memberID, action: "claim.create", objectType: "claim",
                                                objectID: claim.id!.uuidString.lowercased(), hub: organisation.hubSlug,
                                                before: nil, after: "{\"organisation\":\"\(organisationID.uuidString.lowercased())\"}")
        }
        return claim
    }

    /// Approving makes the claimant an organisation admin if it has none yet, else a member.
    func decide(_ claimID: UUID, approve: Bool) async throws -> ClaimRecord {
        guard let claim = try await ClaimRecord.find(claimID, on: request.db) else {
            throw ProblemDetails.notFound("There is no claim with id \(claimID.uuidString.lowercased()).")
        }
        let organisation = try await OrganisationService(request: request).existing(claim.organisationID)
        let actor = try await request.authorize(.decideClaim(hub: organisation.hubSlug))
        guard claim.status == ClaimRecord.Status.pending.rawValue else {
            throw ProblemDetails(.conflict, status: .conflict, title: "Already decided", detail: "This claim was \(claim.status).")
        }
        try await request.db.transaction { database in
            claim.status = (approve ? ClaimRecord.Status.approved : .rejected).rawValue
            claim.decidedAt = Date()
            claim.decidedBy = actor.memberID
            try await claim.update(on: database)
            let members = MemberStore(database)
            if approve {
                let hasAdmin = try await members.memberships(ofOrganisation: organisation.id).contains { $0.level == "admin" }
                try await members.setMembership(memberID: claim.memberID, organisationID: organisation.id, level: hasAdmin ? .member : .admin)
            }
            if let claimant = try await members.record(claim.memberID), claimant.erasedAt == nil {
                let mail = AccountMails.claimDecided(name: claimant.name, organisation: organisation.name, approved: approve,
                                                     HubnetCore.Language(rawValue: claimant.language) ?? .de)
                try await Outbox(database).enqueue(key: "claim-\(claimID.uuidString.lowercased())", to: claimant.email,
                                                   subject: mail.subject, body: mail.body)
            }
            try await AuditLog(database).record(actor: actor.memberID, action: approve ? "claim.approve" : "claim.reject",
                                                objectType: "claim", objectID: claimID.uuidString.lowercased(),
                                                hub: organisation.hubSlug, before: "{\"status\":\"pending\"}",
                                                after: "{\"status\":\"\(claim.status)\"}")
        }
        return claim
    }

    /// Pending claims in the hubs the actor manages.
    func pending() async throws -> [(claim: ClaimRecord, organisation: Organisation, claimant: MemberRecord?)] {
        let actor = try await request.authorize(.reviewClaims, reading: true)
        let claims = try await ClaimRecord.query(on: request.db).filter(\.$status == "pending").sort(\.$createdAt).all()
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(request.db)
            .find(Array(Set(claims.map(\.organisationID)))).map { ($0.id, $0) })
        var result: [(ClaimRecord, Organisation, MemberRecord?)] = []
        for claim in claims {
            guard let organisation = organisations[claim.organisationID], actor.manages(hub: organisation.hubSlug) else { continue }
            result.append((claim, organisation, try await MemberRecord.find(claim.memberID, on: request.db)))
        }
        return result
    }
}
