import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// The routing desk's steps on a request. Each one: the Policy says who, the request's
/// state machine says when, and the step lands with its history entry and audit entry in one
/// transaction — or, when another step on the same request landed first, not at all.
public struct RoutingActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    /// Puts a posted opportunity into its home hub's vetting queue.
    public func submit(_ opportunityID: UUID) async throws -> RoutingCase {
        let (opportunity, homeHub) = try await request(opportunityID)
        try context.authorize(.postOpportunity(organisation: opportunity.organisationID, hub: homeHub))
        let actor = context.actor.memberID
        return try await context.write { database in
            let store = RoutingStore(database)
            if try await store.load(opportunityID) != nil {
                throw DomainError.conflict(.init(de: "Diese Anfrage ist bereits eingereicht.", en: "This request has been submitted already."))
            }
            let submitted = RoutingCase.submitted(homeHub: homeHub, by: actor, at: context.now)
            try await store.save(submitted, for: opportunityID, replacing: nil)
            try await context.audit("routing.submit", "opportunity", opportunityID.lowercased, hub: homeHub, on: database)
            return submitted
        }
    }

    /// Takes one step on a request; returns the request as it is now.
    public func apply(_ event: RoutingEvent, to opportunityID: UUID) async throws -> RoutingCase {
        _ = try context.memberID()
        let (opportunity, homeHub) = try await request(opportunityID)
        try context.authorize(.routingStep(event, poster: opportunity.organisationID, homeHub: homeHub))
        let actor = context.actor.memberID
        do {
            return try await context.write { database in
                let store = RoutingStore(database)
                guard let current = try await store.load(opportunityID) else {
                    throw DomainError.conflict(.init(de: "Diese Anfrage ist nicht im Verteilzentrum.", en: "This request is not with the routing desk."))
                }
                let next = try current.applying(event, by: actor, at: context.now)
                try await store.save(next, for: opportunityID, replacing: current)
                let step = next.history.last!
                try await context.audit("routing.\(event.name)", "opportunity", opportunityID.lowercased, hub: homeHub,
                                        before: AuditJSON.encode(["state": current.state.rawValue]),
                                        after: AuditJSON.encode(["state": step.to.rawValue, "note": step.note, "subject": step.subject ?? ""]),
                                        on: database)
                return next
            }
        } catch let error as DatabaseError where error.isConstraintFailure {
            // Another step on this request landed between our read and our write.
            throw DomainError.conflict(.init(de: "Die Anfrage wurde gerade von jemand anderem geändert. Bitte laden Sie die Seite neu.",
                                             en: "Someone else changed the request just now. Please reload the page."))
        }
    }

    /// The request and the hub that owns its vetting: the poster's home hub.
    private func request(_ opportunityID: UUID) async throws -> (Opportunity, String) {
        guard let opportunity = try await OpportunityStore(context.database).find(opportunityID) else {
            throw OpportunityActions.notFound(opportunityID)
        }
        guard let poster = try await OrganisationStore(context.database).find(opportunity.organisationID) else {
            throw OrganisationActions.notFound(opportunity.organisationID)
        }
        return (opportunity, poster.hubSlug)
    }
}
