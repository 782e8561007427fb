import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// Calls through the API: everyone reads calls; members apply for their organisations;
/// jurors score what they were given; organisers read the ranking.
struct CallsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let calls = routes.grouped("api", "v1", "calls")
        calls.get(use: list)
        calls.get(":id", use: find)
        calls.on(.POST, ":id", "applications", body: .collect(maxSize: "256kb"), use: apply)
        calls.get(":id", "ranking", use: ranking)
        let applications = routes.grouped("api", "v1", "applications")
        applications.get(":id", use: application)
        applications.on(.POST, ":id", "withdraw", body: .collect(maxSize: "1kb"), use: withdraw)
        applications.on(.POST, ":id", "review", body: .collect(maxSize: "64kb"), use: review)
    }

    func list(_ request: Request) async throws -> [CallDTO] {
        let context = try await request.actions()
        return try await CallActions(context).list().map { CallDTO($0, now: context.now) }
    }

    func find(_ request: Request) async throws -> CallDTO {
        let context = try await request.actions()
        return CallDTO(try await CallActions(context).find(try request.uuid()), now: context.now)
    }

    struct ApplyInput: Decodable {
        var organisation: UUID
        var answers: [String: String]?
        var submit: Bool?
    }

    /// Starts the organisation's application (or takes the draft it has), saves the answers
    /// and, when asked, submits it.
    func apply(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid()
        let input = try request.strictJSON(ApplyInput.self)
        let actions = ApplicationActions(context)
        var application = try await actions.start(call: id, organisation: input.organisation)
        if application.state == .draft {
            let call = try await CallActions(context).find(id)
            if let key = input.answers?.keys.sorted().first(where: { key in call.definition.fields.contains { $0.key == key && $0.kind == .file } }) {
                throw ValidationFailure([FieldProblem(field: key, message: .init(
                    de: "Dateien werden auf der Seite der Bewerbung hochgeladen.", en: "Files are uploaded on the application's page."))])
            }
            // Files uploaded on the page stay as they are.
            if let answers = input.answers { application = try await actions.save(application.id, answers: answers) }
            if input.submit == true { application = try await actions.submit(application.id) }
        } else if input.answers != nil || input.submit == true {
            throw DomainError.conflict(.init(de: "Diese Organisation hat sich schon beworben (\(application.state.label.de)).",
                                             en: "This organisation has applied already (\(application.state.label.en))."))
        }
        let response = try await ApplicationDTO(application).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/applications/\(application.id.lowercased)")
        return response
    }

    func application(_ request: Request) async throws -> ApplicationDTO {
        ApplicationDTO(try await ApplicationActions(request.actions()).find(try request.uuid()).application)
    }

    func withdraw(_ request: Request) async throws -> ApplicationDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        return ApplicationDTO(try await ApplicationActions(context).withdraw(try request.uuid()))
    }

    struct ReviewInput: Decodable {
        var scores: [String: Int]
        var comment: String?
    }

    func review(_ request: Request) async throws -> HTTPStatus {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid()
        let input = try request.strictJSON(ReviewInput.self)
        try await JuryActions(context).review(application: id, scores: input.scores.mapValues(String.init), comment: input.comment ?? "")
        return .noContent
    }

    func ranking(_ request: Request) async throws -> RankingDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let round = try? request.query.get(Int.self, at: "round")
        let standing = try await DecisionActions(context).standing(call: try request.uuid(), round: round)
        return RankingDTO(standing)
    }
}

struct CallDTO: Content {
    struct Round: Content {
        let number: Int
        let opens: String
        let closes: String
        let publishedAt: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(opens, forKey: .opens)
            try container.encode(closes, forKey: .closes)
            try container.encode(publishedAt, forKey: .publishedAt)
        }
    }

    struct Field: Content {
        let key: String
        let kind: String
        let label: LocalizedText
        let required: Bool
        let choices: [String]
    }

    struct Criterion: Content {
        let key: String
        let label: LocalizedText
        let weight: Double
        let lowest: Int
        let highest: Int
    }

    struct Eligibility: Content {
        let kinds: [String]
        let hubs: [String]
        let foundedFrom: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kinds, forKey: .kinds)
            try container.encode(hubs, forKey: .hubs)
            try container.encode(foundedFrom, forKey: .foundedFrom)
        }
    }

    let id: String
    let title: LocalizedText
    let description: LocalizedText
    let kind: String
    let hub: String?
    /// "open", "upcoming" or "closed", now.
    let phase: String
    let rounds: [Round]
    let form: [Field]
    let criteria: [Criterion]
    let eligibility: Eligibility
    let reviewersPerApplication: Int

    init(_ call: Call, now: Date) {
        id = call.id.lowercased
        title = call.title
        description = call.description
        kind = call.kind.rawValue
        hub = call.hub
        phase = switch call.phase(at: now) {
        case .open: "open"
        case .upcoming: "upcoming"
        case .closed: "closed"
        }
        rounds = call.rounds.map {
            Round(number: $0.number, opens: $0.opens.formatted(.iso8601), closes: $0.closes.formatted(.iso8601), publishedAt: $0.publishedAt?.formatted(.iso8601))
        }
        form = call.definition.fields.map { Field(key: $0.key, kind: $0.kind.rawValue, label: $0.label, required: $0.required, choices: $0.choices) }
        criteria = call.definition.criteria.map { Criterion(key: $0.key, label: $0.label, weight: $0.weight, lowest: $0.lowest, highest: $0.highest) }
        eligibility = Eligibility(kinds: call.definition.eligibleKinds.map(\.rawValue), hubs: call.definition.eligibleHubs,
                                  foundedFrom: call.definition.foundedFrom)
        reviewersPerApplication = call.definition.reviewersPerApplication
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(kind, forKey: .kind)
        try container.encode(hub, forKey: .hub)
        try container.encode(phase, forKey: .phase)
        try container.encode(rounds, forKey: .rounds)
        try container.encode(form, forKey: .form)
        try container.encode(criteria, forKey: .criteria)
        try container.encode(eligibility, forKey: .eligibility)
        try container.encode(reviewersPerApplication, forKey: .reviewersPerApplication)
    }
}

struct ApplicationDTO: Content {
    let id: String
    let call: String
    let round: Int
    let organisation: String?
    let applicant: String
    let hub: String?
    let state: String
    let answers: [String: String]
    /// Null until the round's results are published (for the applicant).
    let decision: String?
    let decisionMessage: String
    let submittedAt: String?

    init(_ application: CallApplication) {
        id = application.id.lowercased
        call = application.callID.lowercased
        round = application.round
        organisation = application.organisationID?.lowercased
        applicant = application.applicantName
        hub = application.hubSlug
        state = application.state.rawValue
        answers = application.answers
        decision = application.decision?.rawValue
        decisionMessage = application.decisionMessage
        submittedAt = application.submittedAt?.formatted(.iso8601)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(call, forKey: .call)
        try container.encode(round, forKey: .round)
        try container.encode(organisation, forKey: .organisation)
        try container.encode(applicant, forKey: .applicant)
        try container.encode(hub, forKey: .hub)
        try container.encode(state, forKey: .state)
        try container.encode(answers, forKey: .answers)
        try container.encode(decision, forKey: .decision)
        try container.encode(decisionMessage, forKey: .decisionMessage)
        try container.encode(submittedAt, forKey: .submittedAt)
    }
}

struct RankingDTO: Content {
    struct Entry: Content {
        let application: String
        let applicant: String
        /// Equal scores share a place (1, 2, 2, 4); null when not reviewed yet.
        let place: Int?
        let tied: Bool
        let score: Double?
        /// The weighted mean of the criteria on 0…1, as the jurors scored.
        let mean: Double?
        let reviews: Int
        let assigned: Int
        let spread: Double?
        let disagreement: Bool
        let decision: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(application, forKey: .application)
            try container.encode(applicant, forKey: .applicant)
            try container.encode(place, forKey: .place)
            try container.encode(tied, forKey: .tied)
            try container.encode(score, forKey: .score)
            try container.encode(mean, forKey: .mean)
            try container.encode(reviews, forKey: .reviews)
            try container.encode(assigned, forKey: .assigned)
            try container.encode(spread, forKey: .spread)
            try container.encode(disagreement, forKey: .disagreement)
            try container.encode(decision, forKey: .decision)
        }
    }

    let call: String
    let round: Int
    let normalised: Bool
    let published: Bool
    let entries: [Entry]

    init(_ standing: DecisionActions.Standing) {
        call = standing.call.id.lowercased
        round = standing.round
        normalised = standing.call.definition.normalisePerReviewer
        published = standing.published
        let ranked = Dictionary(uniqueKeysWithValues: standing.ranking.entries.map { ($0.application, $0) })
        let order = standing.ranking.entries.map(\.application)
            + standing.applications.values.filter { ranked[$0.id] == nil }.sorted { $0.applicantName < $1.applicantName }.map(\.id)
        entries = order.compactMap { id in
            guard let application = standing.applications[id] else { return nil }
            let entry = ranked[id]
            let progress = standing.progress[id] ?? (0, 0)
            return Entry(application: id.lowercased, applicant: application.applicantName, place: entry?.place, tied: entry?.tied ?? false,
                         score: entry?.score, mean: entry?.meanValue, reviews: progress.done, assigned: progress.assigned, spread: entry?.spread,
                         disagreement: entry?.disagreement ?? false, decision: application.decision?.rawValue)
        }
    }
}
