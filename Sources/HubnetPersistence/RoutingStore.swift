import FluentKit
import Foundation
import HubnetCore

/// Reads and writes the routing desk's cases. A write appends the new steps of the history
/// with their numbers; as the numbers are unique per request, of two writers that read the
/// same case only the first lands, and nothing of the other (its transaction fails).
public struct RoutingStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func load(_ opportunityID: UUID) async throws -> RoutingCase? {
        try await load([opportunityID])[opportunityID]
    }

    /// The cases of these requests (those that have one), in four queries whatever their number.
    public func load(_ opportunityIDs: [UUID]) async throws -> [UUID: RoutingCase] {
        guard !opportunityIDs.isEmpty else { return [:] }
        var cases: [UUID: RoutingCase] = [:]
        for chunk in stride(from: 0, to: opportunityIDs.count, by: 1_000).map({ Array(opportunityIDs[$0..<min($0 + 1_000, opportunityIDs.count)]) }) {
            let records = try await RoutingCaseRecord.query(on: database).filter(\.$id ~~ chunk).all()
            guard !records.isEmpty else { continue }
            let ids = records.compactMap(\.id)
            let steps = Dictionary(grouping: try await RoutingStepRecord.query(on: database).filter(\.$opportunityID ~~ ids).sort(\.$number).all(),
                                   by: \.opportunityID)
            let recipients = Dictionary(grouping: try await RoutingRecipientRecord.query(on: database).filter(\.$opportunityID ~~ ids).all(),
                                        by: \.opportunityID)
            let referrals = Dictionary(grouping: try await RoutingReferralRecord.query(on: database).filter(\.$opportunityID ~~ ids).all(),
                                       by: \.opportunityID)
            for record in records {
                guard let id = record.id else { continue }
                cases[id] = Self.routingCase(record, steps: steps[id] ?? [], recipients: recipients[id] ?? [], referrals: referrals[id] ?? [])
            }
        }
        return cases
    }

    static func routingCase(_ record: RoutingCaseRecord, steps: [RoutingStepRecord], recipients: [RoutingRecipientRecord],
                            referrals: [RoutingReferralRecord]) -> RoutingCase {
        RoutingCase(
            homeHub: record.homeHub, state: RoutingState(rawValue: record.state) ?? .submitted,
            recipients: Dictionary(uniqueKeysWithValues: recipients.map { ($0.organisationID, RecipientState(rawValue: $0.state) ?? .invited) }),
            outcomes: Dictionary(uniqueKeysWithValues: recipients.compactMap { record in
                record.outcome.flatMap(RoutingOutcome.init(rawValue:)).map { (record.organisationID, $0) } }),
            referrals: Dictionary(uniqueKeysWithValues: referrals.map { ($0.hubSlug, ReferralState(rawValue: $0.state) ?? .pending) }),
            history: steps.map { step in
                RoutingStep(event: step.event, from: RoutingState(rawValue: step.fromState) ?? .submitted,
                            to: RoutingState(rawValue: step.toState) ?? .submitted, actor: step.actorID, at: step.at,
                            note: step.note, subject: step.subject)
            })
    }

    /// Writes `after`, which grew out of `before` (nil: the case is new) by the steps beyond
    /// `before`'s history. Call it inside the transaction that read `before`.
    public func save(_ after: RoutingCase, for opportunityID: UUID, replacing before: RoutingCase?) async throws {
        let known = before?.history.count ?? 0
        let record = try await RoutingCaseRecord.find(opportunityID, on: database) ?? {
            let fresh = RoutingCaseRecord()
            fresh.id = opportunityID
            fresh.homeHub = after.homeHub
            return fresh
        }()
        record.state = after.state.rawValue
        record.steps = after.history.count
        record.updatedAt = after.history.last?.at
        try await record.save(on: database)
        for (number, step) in after.history.enumerated().dropFirst(known) {
            let row = RoutingStepRecord()
            row.opportunityID = opportunityID
            row.number = number
            row.event = step.event
            row.fromState = step.from.rawValue
            row.toState = step.to.rawValue
            row.actorID = step.actor
            row.at = step.at
            row.note = step.note
            row.subject = step.subject
            try await row.create(on: database)
        }
        for (organisation, state) in after.recipients where before?.recipients[organisation] != state || before?.outcomes[organisation] != after.outcomes[organisation] {
            let row = try await RoutingRecipientRecord.query(on: database)
                .filter(\.$opportunityID == opportunityID).filter(\.$organisationID == organisation).first() ?? {
                    let fresh = RoutingRecipientRecord()
                    fresh.opportunityID = opportunityID
                    fresh.organisationID = organisation
                    return fresh
                }()
            row.state = state.rawValue
            row.outcome = after.outcomes[organisation]?.rawValue
            try await row.save(on: database)
        }
        for (hub, state) in after.referrals where before?.referrals[hub] != state {
            let row = try await RoutingReferralRecord.query(on: database)
                .filter(\.$opportunityID == opportunityID).filter(\.$hubSlug == hub).first() ?? {
                    let fresh = RoutingReferralRecord()
                    fresh.opportunityID = opportunityID
                    fresh.hubSlug = hub
                    return fresh
                }()
            row.state = state.rawValue
            try await row.save(on: database)
        }
    }

    /// The requests of these hubs (every hub: nil) in these states (all states when empty),
    /// newest change first.
    public func cases(homeHubs: Set<String>?, states: [RoutingState] = [], limit: Int = 200) async throws -> [(opportunityID: UUID, state: RoutingState)] {
        var query = RoutingCaseRecord.query(on: database)
        if let homeHubs { query = query.filter(\.$homeHub ~~ Array(homeHubs)) }
        if !states.isEmpty { query = query.filter(\.$state ~~ states.map(\.rawValue)) }
        return try await query.sort(\.$updatedAt, .descending).limit(limit).all()
            .compactMap { record in record.id.map { ($0, RoutingState(rawValue: record.state) ?? .submitted) } }
    }

    /// The requests sent to these organisations, with where each organisation stands.
    public func received(by organisations: [UUID]) async throws -> [(opportunityID: UUID, organisation: UUID, state: RecipientState)] {
        guard !organisations.isEmpty else { return [] }
        return try await RoutingRecipientRecord.query(on: database).filter(\.$organisationID ~~ organisations).all()
            .map { ($0.opportunityID, $0.organisationID, RecipientState(rawValue: $0.state) ?? .invited) }
    }

    /// Requests referred to these hubs (every hub: nil) that they have not answered yet.
    public func pendingReferrals(to hubs: Set<String>?) async throws -> [UUID] {
        var query = RoutingReferralRecord.query(on: database).filter(\.$state == ReferralState.pending.rawValue)
        if let hubs { query = query.filter(\.$hubSlug ~~ Array(hubs)) }
        return try await query.all().map(\.opportunityID)
    }

    public func serviceLevels(of hub: String) async throws -> ServiceLevels {
        guard let record = try await ServiceLevelRecord.find(hub, on: database) else { return .standard }
        return ServiceLevels(vetWithin: record.vetWithin, routeWithin: record.routeWithin, answerReferralWithin: record.answerReferralWithin)
    }

    public func setServiceLevels(_ levels: ServiceLevels, of hub: String) async throws {
        let record = try await ServiceLevelRecord.find(hub, on: database) ?? {
            let fresh = ServiceLevelRecord()
            fresh.id = hub
            return fresh
        }()
        record.vetWithin = levels.vetWithin
        record.routeWithin = levels.routeWithin
        record.answerReferralWithin = levels.answerReferralWithin
        try await record.save(on: database)
    }
}
