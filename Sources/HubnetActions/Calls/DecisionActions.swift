import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// From reviews to results: the ranking of a round, the managers' decisions, and their
/// publication, which tells every applicant by mail in their language.
public struct DecisionActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public struct Standing: Sendable {
        public let call: Call
        public let round: Int
        public let ranking: CallRanking
        /// The round's applications in the competition or decided, by id.
        public let applications: [UUID: CallApplication]
        /// Reviews per application: done and assigned.
        public let progress: [UUID: (done: Int, assigned: Int)]
        public let published: Bool
    }

    /// The round's ranking (the latest round with applications when none is named).
    public func standing(call callID: UUID, round: Int? = nil) async throws -> Standing {
        let call = try await JuryActions(context).managed(callID)
        let store = CallStore(context.database)
        let all = try await store.applications(call: callID).filter { $0.state.isInCompetition || $0.state == .decided }
        let round = round ?? all.map(\.round).max() ?? 1
        let applications = all.filter { $0.round == round }
        let ids = Set(applications.map(\.id))
        let confirmed = try await store.assignments(call: callID).filter { $0.state == .confirmed && ids.contains($0.application) }
        let reviews = try await store.reviews(call: callID).filter { ids.contains($0.application) }
            .filter { review in confirmed.contains { $0.application == review.application && $0.juror == review.juror } }
        let definition = call.definition
        let ranking = CallRanking(applications: applications.map(\.id),
                                  reviews: reviews.map { ReviewScores(reviewer: $0.juror, application: $0.application, scores: $0.scores) },
                                  criteria: definition.scoring, normalisePerReviewer: definition.normalisePerReviewer,
                                  disagreementAbove: definition.disagreementThreshold)
        var progress: [UUID: (done: Int, assigned: Int)] = [:]
        for application in applications {
            let assigned = confirmed.filter { $0.application == application.id }.count
            let done = reviews.filter { $0.application == application.id && CallRanking.value(of: .init(reviewer: $0.juror, application: $0.application, scores: $0.scores), criteria: definition.scoring) != nil }.count
            progress[application.id] = (done, assigned)
        }
        return Standing(call: call, round: round, ranking: ranking, applications: Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0) }),
                        progress: progress, published: call.rounds.first { $0.number == round }?.publishedAt != nil)
    }

    /// Records decisions (not yet told to anyone) for applications of an unpublished round.
    /// Nil takes a decision back.
    public func decide(call callID: UUID, _ decisions: [UUID: ApplicationDecision?], message rawMessage: String) async throws -> Int {
        let call = try await JuryActions(context).managed(callID)
        let message = rawMessage.trimmingCharacters(in: .whitespacesAndNewlines)
        guard message.count <= 2_000, TextRules.isClean(message, multiline: true) else {
            throw ValidationFailure([FieldProblem(field: "message", message: .init(de: "Die Nachricht hat höchstens 2.000 Zeichen.", en: "The message has at most 2,000 characters."))])
        }
        let given = decisions
        return try await context.write { database in
            let store = CallStore(database)
            var changed: [CallApplication] = []
            for (id, decision) in given {
                guard var application = try await store.application(id), application.callID == callID else {
                    throw DomainError.notFound(ApplicationActions.thing, id: id.lowercased)
                }
                guard application.state.isInCompetition, call.rounds.first(where: { $0.number == application.round })?.publishedAt == nil else {
                    throw DomainError.conflict(.init(de: "„\(application.applicantName)“ ist nicht mehr im Wettbewerb oder schon veröffentlicht.",
                                                     en: "'\(application.applicantName)' is no longer in the competition or already published."))
                }
                guard application.decision != decision || (!message.isEmpty && application.decisionMessage != message) else { continue }
                application.decision = decision
                if !message.isEmpty || decision == nil { application.decisionMessage = decision == nil ? "" : message }
                application.updatedAt = context.now
                changed.append(application)
            }
            for application in changed {
                try await store.save(application)
                try await context.audit("application.decide", "application", application.id.lowercased, hub: call.hub,
                                        after: AuditJSON.encode(["decision": application.decision?.rawValue ?? "none"]), on: database)
            }
            return changed.count
        }
    }

    /// Publishes a round: every application in it must be decided; each applicant is told.
    public func publish(call callID: UUID, round: Int) async throws -> Int {
        let call = try await JuryActions(context).managed(callID)
        guard let target = call.rounds.first(where: { $0.number == round }) else {
            throw DomainError.notFound(.init(de: "Eine Runde", en: "round"), id: "\(round)")
        }
        guard target.publishedAt == nil else {
            throw DomainError.conflict(.init(de: "Runde \(round) ist schon veröffentlicht.", en: "Round \(round) is published already."))
        }
        guard context.now >= target.closes else {
            throw DomainError.conflict(.init(de: "Runde \(round) läuft noch; Ergebnisse erst nach dem Ende der Runde.",
                                             en: "Round \(round) is still open; results only after it closes."))
        }
        let applications = try await CallStore(context.database).applications(call: callID).filter { $0.round == round && $0.state.isInCompetition }
        let undecided = applications.filter { $0.decision == nil }
        guard undecided.isEmpty else {
            throw DomainError.conflict(.init(
                de: "Noch ohne Entscheidung: \(undecided.map(\.applicantName).joined(separator: ", ")).",
                en: "Not decided yet: \(undecided.map(\.applicantName).joined(separator: ", "))."))
        }
        let now = context.now
        try await context.write { database in
            let store = CallStore(database)
            // Two managers pressing at once: the second finds the round published.
            guard try await store.find(callID)?.rounds.first(where: { $0.number == round })?.publishedAt == nil else {
                throw DomainError.conflict(.init(de: "Runde \(round) ist schon veröffentlicht.", en: "Round \(round) is published already."))
            }
            try await store.markPublished(call: callID, round: round, at: now)
            for application in applications {
                var decided = application
                decided.state = .decided
                decided.updatedAt = now
                try await store.save(decided)
                guard let decision = decided.decision, let memberID = decided.applicantMemberID,
                      let member = try await MemberRecord.find(memberID, on: database) else { continue }
                let message = decided.decisionMessage.isEmpty ? "" : "\n\n" + decided.decisionMessage
                let verdict: LocalizedText = switch decision {
                case .accepted: .init(de: "wurde angenommen. Herzlichen Glückwunsch!", en: "has been accepted. Congratulations!")
                case .waitlisted: .init(de: "steht auf der Warteliste. Wir melden uns, sobald ein Platz frei wird.",
                                        en: "is on the waiting list. We will be in touch as soon as a place comes free.")
                case .rejected: .init(de: "wurde diesmal leider nicht ausgewählt. Danke für Ihre Bewerbung.",
                                      en: "was not selected this time. Thank you for applying.")
                }
                // Every applicant hears the result, an organiser who applied too.
                try await Notice(context: context.acting(as: .anonymous), database: database, text: .init(
                    de: "Ihre Bewerbung „\(decided.applicantName)“ für „\(call.title.de)“ \(verdict.de)\(message)",
                    en: "Your application '\(decided.applicantName)' to '\(call.title.en)' \(verdict.en)\(message)"),
                                 path: "applications/\(decided.id.lowercased)",
                                 subject: .init(de: "Ergebnis: \(call.title.de)", en: "Result: \(call.title.en)"), opportunity: nil)
                    .send(to: [member], key: "application-decided-\(decided.id.lowercased)")
            }
            try await context.audit("call.publish", "call", callID.lowercased, hub: call.hub,
                                    after: AuditJSON.encode(["round": "\(round)", "applications": "\(applications.count)"]), on: database)
        }
        return applications.count
    }
}
