import Foundation
import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// Scouting requests for hub staff: the agency sends and replies, hubs answer with shortlists.
struct ScoutingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .scouting) { try await list($0, $1) }
        routes.page(.POST, .newScouting) { try await create($0, $1) }
        routes.page(.GET, .scoutingRequest) { try await detail($0, $1) }
        routes.page(.POST, .answerScouting) { try await answer($0, $1) }
        routes.page(.POST, .replyScouting) { try await reply($0, $1) }
    }

    func list(_ request: Request, _ language: SiteLanguage, form: ScoutingView.Form = .init(),
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let actions = try await request.actions()
        let items = try await ScoutingActions(actions).list().map { ScoutingView.ListItem(request: $0.request, pending: $0.pending) }
        let mayCreate = Policy.decide(.runScouting, for: actions.actor) == .allowed
        let page = ScoutingView.list(items, form: mayCreate ? form : nil, csrf: request.csrfToken, try await request.pageContext(language, .scouting))
        return htmlResponse(page, language, status: status)
    }

    struct NewForm: Content {
        var clientName: String
        var clientEmail: String
        var clientLanguage: String?
        var title: String
        var text: String
        var topics: [String]?
        var hubs: [String]?
        var deadline: String
    }

    func create(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let input = try request.content.decode(NewForm.self)
        var form = ScoutingView.Form()
        form.values = ["clientName": input.clientName, "clientEmail": input.clientEmail, "clientLanguage": input.clientLanguage ?? "en",
                       "title": input.title, "text": input.text, "deadline": input.deadline]
        form.topics = input.topics ?? []
        form.hubs = input.hubs ?? []
        do {
            guard let deadline = NetworkCalendar.startOfDay(input.deadline) else {
                throw ValidationFailure([FieldProblem(field: "deadline", message: .init(
                    de: "Die Frist muss ein Tag wie 2027-03-31 sein.", en: "The deadline must be a day like 2027-03-31."))])
            }
            let proposed = ScoutingRequest(title: input.title, text: input.text, topicSlugs: form.topics, clientName: input.clientName,
                                           clientEmail: input.clientEmail, clientLanguage: SiteLanguage(rawValue: input.clientLanguage ?? "") ?? .en,
                                           deadline: deadline, hubs: form.hubs)
            let created = try await ScoutingActions(request.actions()).create(proposed)
            return request.redirect(to: SiteURL.scoutingRequest(id: created.id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            form.problems = failure.problems
            return try await list(request, language, form: form, status: .unprocessableEntity)
        }
    }

    func detail(_ request: Request, _ language: SiteLanguage, notice: String? = nil, problems: [FieldProblem] = [],
                status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = try await request.actions()
        let scouting = ScoutingActions(actions)
        let entry = try await scouting.find(id)
        let organisations = try await scouting.namedOrganisations(entry)
        let answers = entry.hubs.map { hub in
            ScoutingView.Detail.Answer(hub: hub.hub, note: hub.note, answeredAt: hub.answeredAt,
                                       organisations: (entry.shortlists.first { $0.hub == hub.hub }?.organisations ?? []).compactMap { organisations[$0] })
        }
        // Each hub the reader manages and that has not answered gets the engine's suggestions from that hub.
        var toAnswer: [(hub: String, candidates: [PartnerRow])] = []
        if entry.request.repliedAt == nil {
            let service = MatchService(application: request.application, database: request.application.db)
            for hub in entry.pending where actions.actor.manages(hub: hub) {
                var query = MatchQuery(text: entry.request.title + ". " + entry.request.text, topics: entry.request.topicSlugs, limit: 15)
                query.preferredHubs = [hub]
                query.onlyPreferredHubs = true
                let matches = try await service.partners(query).matches
                toAnswer.append((hub, matches.map { PartnerRow(organisation: $0.organisation, score: $0.result.score, reasons: $0.result.reasons) }))
            }
        }
        let merged = try await scouting.mergedReply(entry).map { (organisation: $0.organisation, hubs: $0.entry.hubs) }
        let model = ScoutingView.Detail(request: entry.request, answers: answers, toAnswer: toAnswer, merged: merged,
                                        mayReply: Policy.decide(.runScouting, for: actions.actor) == .allowed, csrf: request.csrfToken,
                                        notice: notice, problems: problems)
        return htmlResponse(ScoutingView.detail(model, try await request.pageContext(language, .scoutingRequest(id: id))), language, status: status)
    }

    struct AnswerForm: Content {
        var hub: String
        var organisations: [String]?
        var note: String?
    }

    func answer(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let form = try request.content.decode(AnswerForm.self)
        do {
            let organisations = try (form.organisations ?? []).map { value in
                guard let organisation = UUID(uuidString: value) else {
                    throw ValidationFailure([FieldProblem(field: "organisations", message: .init(de: "Unbekannte Organisation.", en: "Unknown organisation."))])
                }
                return organisation
            }
            try await ScoutingActions(request.actions()).answer(id, hub: form.hub, organisations: organisations, note: form.note ?? "")
        } catch let failure as ValidationFailure {
            return try await detail(request, language, problems: failure.problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await detail(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
        let hubName = Network.hub(form.hub)?.name[language] ?? form.hub
        return try await detail(request, language, notice: language == .de ? "Die Shortlist von \(hubName) ist übermittelt." : "The shortlist of \(hubName) has been sent.")
    }

    func reply(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            try await ScoutingActions(request.actions()).reply(id)
        } catch DomainError.conflict(let message) {
            return try await detail(request, language, problems: [FieldProblem(field: "", message: message)], status: .conflict)
        }
        return try await detail(request, language, notice: language == .de ? "Die Antwort ist verschickt." : "The reply has been sent.")
    }
}
