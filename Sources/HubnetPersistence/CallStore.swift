import FluentKit
import Foundation
import HubnetCore

/// Calls with their rounds, applications, jury, declared conflicts, assignments and reviews.
public struct CallStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    // MARK: Calls

    public func create(_ call: Call, by member: UUID?) async throws {
        let record = CallRecord()
        record.id = call.id
        record.createdBy = member
        record.createdAt = call.created
        try await save(call, into: record)
    }

    /// The call's texts, form and rules; its rounds by number (a round that has published
    /// results keeps its publication).
    public func update(_ call: Call) async throws {
        guard let record = try await CallRecord.find(call.id, on: database) else { return }
        try await save(call, into: record)
    }

    private func save(_ call: Call, into record: CallRecord) async throws {
        record.titleDe = call.title.de
        record.titleEn = call.title.en
        record.descriptionDe = call.description.de
        record.descriptionEn = call.description.en
        record.kind = call.kind.rawValue
        record.hubSlug = call.hub
        record.definition = JSONColumn.encode(call.definition)
        try await record.save(on: database)
        let existing = try await CallRoundRecord.query(on: database).filter(\.$callID == call.id).all()
        for round in call.rounds {
            let row = existing.first { $0.number == round.number } ?? CallRoundRecord()
            row.callID = call.id
            row.number = round.number
            row.opensAt = round.opens
            row.closesAt = round.closes
            row.publishedAt = round.publishedAt ?? row.publishedAt
            try await row.save(on: database)
        }
        for row in existing where !call.rounds.contains(where: { $0.number == row.number }) { try await row.delete(on: database) }
    }

    public func find(_ id: UUID) async throws -> Call? {
        guard let record = try await CallRecord.find(id, on: database) else { return nil }
        return try await calls([record]).first
    }

    /// Every call, the most recently created first.
    public func list() async throws -> [Call] {
        try await calls(CallRecord.query(on: database).sort(\.$createdAt, .descending).all())
    }

    public func markPublished(call: UUID, round: Int, at date: Date) async throws {
        try await CallRoundRecord.query(on: database).filter(\.$callID == call).filter(\.$number == round)
            .set(\.$publishedAt, to: date).update()
    }

    private func calls(_ records: [CallRecord]) async throws -> [Call] {
        let ids = records.compactMap(\.id)
        let rounds = Dictionary(grouping: try await CallRoundRecord.query(on: database).filter(\.$callID ~~ ids).all(), by: \.callID)
        return records.map { record in
            Call(id: record.id!, title: .init(de: record.titleDe, en: record.titleEn),
                 description: .init(de: record.descriptionDe, en: record.descriptionEn),
                 kind: CallKind(rawValue: record.kind) ?? .programme, hub: record.hubSlug,
                 rounds: (rounds[record.id!] ?? []).sorted { $0.number < $1.number }.map {
                     CallRound(number: $0.number, opens: $0.opensAt, closes: $0.closesAt, publishedAt: $0.publishedAt)
                 },
                 definition: JSONColumn.decode(CallDefinition.self, record.definition) ?? CallDefinition(), created: record.createdAt)
        }
    }

    // MARK: Applications

    public func save(_ application: CallApplication) async throws {
        let record = try await CallApplicationRecord.find(application.id, on: database) ?? CallApplicationRecord()
        record.id = application.id
        record.callID = application.callID
        record.round = application.round
        record.organisationID = application.organisationID
        record.applicantName = application.applicantName
        record.hubSlug = application.hubSlug
        record.applicantID = application.applicantMemberID
        record.state = application.state.rawValue
        record.answers = JSONColumn.encode(application.answers)
        record.decision = application.decision?.rawValue
        record.decisionMessage = application.decisionMessage
        record.submittedAt = application.submittedAt
        record.updatedAt = application.updatedAt
        try await record.save(on: database)
    }

    public func application(_ id: UUID) async throws -> CallApplication? {
        try await CallApplicationRecord.find(id, on: database).map(Self.application)
    }

    public func applications(call: UUID) async throws -> [CallApplication] {
        try await CallApplicationRecord.query(on: database).filter(\.$callID == call)
            .sort(\.$round).sort(\.$applicantName).all().map(Self.application)
    }

    /// The applications these organisations or this member made, to every call.
    public func applications(organisations: [UUID], member: UUID?) async throws -> [CallApplication] {
        try await CallApplicationRecord.query(on: database).group(.or) { group in
            group.filter(\.$organisationID ~~ organisations)
            if let member { group.filter(\.$applicantID == member) }
        }.sort(\.$updatedAt, .descending).all().map(Self.application)
    }

    /// The historic applications of one hub (how it was chosen).
    public func applications(hub: String) async throws -> [CallApplication] {
        try await CallApplicationRecord.query(on: database).filter(\.$hubSlug == hub).filter(\.$organisationID == nil).all().map(Self.application)
    }

    static func application(_ record: CallApplicationRecord) -> CallApplication {
        CallApplication(id: record.id!, callID: record.callID, round: record.round, organisationID: record.organisationID,
                        applicantName: record.applicantName, hubSlug: record.hubSlug, applicantMemberID: record.applicantID,
                        state: ApplicationState(rawValue: record.state) ?? .draft,
                        answers: JSONColumn.decode([String: String].self, record.answers) ?? [:],
                        decision: record.decision.flatMap(ApplicationDecision.init(rawValue:)), decisionMessage: record.decisionMessage,
                        submittedAt: record.submittedAt, updatedAt: record.updatedAt)
    }

    // MARK: Jury

    public struct Juror: Sendable, Hashable {
        public let member: UUID
        public let expertise: String
    }

    public func jurors(call: UUID) async throws -> [Juror] {
        try await CallJurorRecord.query(on: database).filter(\.$callID == call).sort(\.$invitedAt).all()
            .map { Juror(member: $0.memberID, expertise: $0.expertise) }
    }

    /// Adds a juror; false when they were on the jury already.
    public func addJuror(_ member: UUID, call: UUID, expertise: String, at date: Date) async throws -> Bool {
        if try await CallJurorRecord.query(on: database).filter(\.$callID == call).filter(\.$memberID == member).first() != nil { return false }
        let record = CallJurorRecord()
        record.callID = call
        record.memberID = member
        record.expertise = expertise
        record.invitedAt = date
        try await record.create(on: database)
        return true
    }

    public func setExpertise(_ expertise: String, member: UUID, call: UUID) async throws {
        try await CallJurorRecord.query(on: database).filter(\.$callID == call).filter(\.$memberID == member)
            .set(\.$expertise, to: expertise).update()
    }

    public func removeJuror(_ member: UUID, call: UUID) async throws {
        try await CallJurorRecord.query(on: database).filter(\.$callID == call).filter(\.$memberID == member).delete()
        try await CallAssignmentRecord.query(on: database).filter(\.$callID == call).filter(\.$memberID == member).delete()
    }

    public func declaredConflicts(call: UUID) async throws -> [JuryConflict] {
        try await CallConflictRecord.query(on: database).filter(\.$callID == call).all().map {
            JuryConflict(juror: $0.memberID, application: $0.applicationID, source: .declared, reason: .init($0.reason))
        }
    }

    public func declareConflict(call: UUID, member: UUID, application: UUID, reason: String, at date: Date) async throws {
        if try await CallConflictRecord.query(on: database).filter(\.$memberID == member).filter(\.$applicationID == application).first() != nil { return }
        let record = CallConflictRecord()
        record.callID = call
        record.memberID = member
        record.applicationID = application
        record.reason = reason
        record.declaredAt = date
        try await record.create(on: database)
        // A declared conflict ends any assignment of the pair.
        try await CallAssignmentRecord.query(on: database).filter(\.$memberID == member).filter(\.$applicationID == application).delete()
    }

    // MARK: Assignments

    public struct Assignment: Sendable, Hashable {
        public enum State: String, Sendable { case proposed, confirmed, forbidden }
        public let application: UUID
        public let juror: UUID
        public let state: State
        public let pinned: Bool
        public let affinity: Double

        public init(application: UUID, juror: UUID, state: State, pinned: Bool, affinity: Double) {
            self.application = application
            self.juror = juror
            self.state = state
            self.pinned = pinned
            self.affinity = affinity
        }
    }

    public func assignments(call: UUID) async throws -> [Assignment] {
        try await CallAssignmentRecord.query(on: database).filter(\.$callID == call).all().map {
            Assignment(application: $0.applicationID, juror: $0.memberID, state: Assignment.State(rawValue: $0.state) ?? .proposed,
                       pinned: $0.pinned, affinity: $0.affinity)
        }
    }

    public func assignments(member: UUID) async throws -> [Assignment] {
        try await CallAssignmentRecord.query(on: database).filter(\.$memberID == member).filter(\.$state == "confirmed").all().map {
            Assignment(application: $0.applicationID, juror: $0.memberID, state: .confirmed, pinned: $0.pinned, affinity: $0.affinity)
        }
    }

    /// Sets one pair; a pair not listed yet is added.
    public func setAssignment(call: UUID, _ assignment: Assignment) async throws {
        let record = try await CallAssignmentRecord.query(on: database).filter(\.$applicationID == assignment.application)
            .filter(\.$memberID == assignment.juror).first() ?? CallAssignmentRecord()
        record.callID = call
        record.applicationID = assignment.application
        record.memberID = assignment.juror
        record.state = assignment.state.rawValue
        record.pinned = assignment.pinned
        record.affinity = assignment.affinity
        try await record.save(on: database)
    }

    /// Drops the solver's unconfirmed, unpinned proposals before it runs again.
    public func dropProposals(call: UUID) async throws {
        try await CallAssignmentRecord.query(on: database).filter(\.$callID == call).filter(\.$state == "proposed")
            .filter(\.$pinned == false).delete()
    }

    public func removeAssignment(application: UUID, juror: UUID) async throws {
        try await CallAssignmentRecord.query(on: database).filter(\.$applicationID == application).filter(\.$memberID == juror).delete()
    }

    // MARK: Reviews

    public struct Review: Sendable, Hashable {
        public let application: UUID
        public let juror: UUID
        public let scores: [String: Int]
        public let comment: String
        public let updatedAt: Date

        public init(application: UUID, juror: UUID, scores: [String: Int], comment: String, updatedAt: Date) {
            self.application = application
            self.juror = juror
            self.scores = scores
            self.comment = comment
            self.updatedAt = updatedAt
        }
    }

    public func reviews(call: UUID) async throws -> [Review] {
        try await CallReviewRecord.query(on: database).filter(\.$callID == call).all().map(Self.review)
    }

    public func review(application: UUID, juror: UUID) async throws -> Review? {
        try await CallReviewRecord.query(on: database).filter(\.$applicationID == application).filter(\.$memberID == juror).first().map(Self.review)
    }

    public func saveReview(call: UUID, _ review: Review) async throws {
        let record = try await CallReviewRecord.query(on: database).filter(\.$applicationID == review.application)
            .filter(\.$memberID == review.juror).first() ?? CallReviewRecord()
        record.callID = call
        record.applicationID = review.application
        record.memberID = review.juror
        record.scores = JSONColumn.encode(review.scores)
        record.comment = review.comment
        record.updatedAt = review.updatedAt
        try await record.save(on: database)
    }

    static func review(_ record: CallReviewRecord) -> Review {
        Review(application: record.applicationID, juror: record.memberID, scores: JSONColumn.decode([String: Int].self, record.scores) ?? [:],
               comment: record.comment, updatedAt: record.updatedAt)
    }

    // MARK: The network's ties, for conflicts

    /// Investments touching these organisations (as investor or company), and introductions
    /// made on the routing desk between a poster and a recipient, either of them among these.
    public func ties(of organisations: [UUID]) async throws -> (investments: [(investor: UUID, company: UUID)], introductions: [(UUID, UUID)]) {
        guard !organisations.isEmpty else { return ([], []) }
        let funded = try await InvestmentRecord.query(on: database).filter(\.$companyID ~~ organisations).all()
        // Investors of these companies, and what else those investors funded among these.
        let investors = Array(Set(funded.map(\.investorID)).union(organisations))
        let portfolio = try await InvestmentRecord.query(on: database).filter(\.$investorID ~~ investors).filter(\.$companyID ~~ organisations).all()
        let investments = Set((funded + portfolio).map { [$0.investorID, $0.companyID] }).map { (investor: $0[0], company: $0[1]) }
        let recipients = try await RoutingRecipientRecord.query(on: database)
            .filter(\.$state ~~ [RecipientState.introduced.rawValue, RecipientState.concluded.rawValue]).all()
        let posters = Dictionary(uniqueKeysWithValues: try await OpportunityRecord.query(on: database)
            .filter(\.$id ~~ Array(Set(recipients.map(\.opportunityID)))).all().map { ($0.id!, $0.organisationID) })
        let wanted = Set(organisations)
        let introductions = recipients.compactMap { recipient -> (UUID, UUID)? in
            guard let poster = posters[recipient.opportunityID], wanted.contains(poster) || wanted.contains(recipient.organisationID) else { return nil }
            return (poster, recipient.organisationID)
        }
        return (investments, introductions)
    }
}
