import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Find partners, investors for a startup, and the network's opportunities.
struct MatchPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .findPartners) { try await findPartners($0, $1) }
        routes.page(.GET, .organisationMatches) { try await organisationMatches($0, $1) }
        routes.page(.GET, .organisationInvestors) { try await investors($0, $1) }
        routes.page(.GET, .opportunities) { try await opportunities($0, $1) }
        routes.page(.GET, .newOpportunity) { try await newOpportunityForm($0, $1) }
        routes.page(.POST, .newOpportunity) { try await createOpportunity($0, $1) }
        routes.page(.GET, .opportunity) { try await opportunity($0, $1) }
        routes.page(.POST, .deleteOpportunity) { try await withdraw($0, $1) }
        routes.page(.POST, .routingStep) { try await step($0, $1) }
    }

    func findPartners(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let parameters = request.queryParameters.filter { !$0.value.isEmpty }
        var model = FindPartnersModel()
        model.text = parameters.first { $0.name == "q" }?.value ?? ""
        model.topic = parameters.first { $0.name == "topic" }?.value
        model.kind = parameters.first { $0.name == "kind" }.flatMap { OrganisationKind(rawValue: $0.value) }
        model.hub = parameters.first { $0.name == "hub" }?.value
        model.onlyHub = parameters.contains { $0.name == "only-hubs" }
        var status = HTTPResponseStatus.ok
        // The empty form first; words or a topic make a search.
        if parameters.contains(where: { ["q", "topic"].contains($0.name) }) {
            do {
                let query = try MatchRequest(parameters: parameters).query()
                let list = try await MatchService(request: request).partners(query)
                model.rows = list.matches.map(Self.row)
                model.topics = list.topics
                model.suggestedHubs = list.suggestedHubs
            } catch let failure as ValidationFailure {
                model.problems = failure.problems
                status = .badRequest
            }
        }
        let context = try await request.pageContext(language, .findPartners(text: model.text, topic: model.topic))
        return htmlResponse(FindPartnersView.render(model, context), language, status: status)
    }

    func organisationMatches(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let service = try await MatchService(request: request)
        let organisation = try await OrganisationActions(request.actions()).existing(try Self.id(request))
        let list = try await service.partners(for: organisation, limit: 20)
        let posts = try await OpportunityActions(request.actions()).visible(openOnly: true)
        let fitting = service.opportunities(for: organisation, among: posts, limit: 10)
        let model = OrganisationMatchesModel(
            organisation: organisation, rows: list.matches.map(Self.row), suggestedHubs: list.suggestedHubs,
            opportunities: fitting.map { (Self.row($0.0), $0.1.reasons) })
        let context = try await request.pageContext(language, .organisationMatches(id: organisation.id))
        return htmlResponse(OrganisationMatchesView.render(model, context), language)
    }

    func investors(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let company = try await OrganisationActions(request.actions()).existing(try Self.id(request))
        let investors = try await MatchService(request: request).investors(for: company, limit: 10)
        let model = InvestorsModel(company: company, rows: investors.map { InvestorRow(investor: $0.investor, factors: $0.recommendation.factors) })
        let context = try await request.pageContext(language, .organisationInvestors(id: company.id))
        return htmlResponse(InvestorsView.render(model, context), language)
    }

    func opportunities(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let kind = request.query[String.self, at: "kind"].flatMap(OpportunityKind.init(rawValue:))
        let rows = try await OpportunityActions(request.actions()).visible(kinds: kind.map { [$0] } ?? []).map(Self.row)
        let model = OpportunityListModel(rows: rows, kind: kind, canPost: try await request.actor().isSignedIn)
        return htmlResponse(OpportunityListView.render(model, try await request.pageContext(language, .opportunities)), language)
    }

    func opportunity(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        // After a step, the page says which one was taken.
        let notice = request.query[String.self, at: "step"].flatMap { name -> String? in
            let label = RoutingEvent.label(name)
            return label.en == name ? nil : (language == .de ? "Erledigt: " : "Done: ") + label[language]
        }
        return try await opportunityPage(request, language, id: try Self.id(request), notice: notice)
    }

    func opportunityPage(_ request: Request, _ language: SiteLanguage, id: UUID, notice: String? = nil, problem: String? = nil,
                         status: HTTPResponseStatus = .ok) async throws -> Response {
        let post = try await OpportunityActions(request.actions()).find(id)
        let service = try await MatchService(request: request)
        let list = try await service.partners(for: post.opportunity, posterHub: post.posterHub, limit: 20)
        let actor = try await request.actor()
        let mayWithdraw = Policy.decide(.postOpportunity(organisation: post.opportunity.organisationID, hub: post.posterHub), for: actor) == .allowed
        // The agency routes on the poster's behalf: its suggestions leave out only the poster
        // (not the organisations the reader acts for). A referred hub forwards to its own
        // members, so it needs suggestions beyond the network's top 20.
        let answersReferral = post.routing?.referrals.contains { $0.value == .pending && actor.manages(hub: $0.key) } ?? false
        let mayRoute = Policy.decide(.routingStep(.route(recipients: [], hubs: []), poster: post.opportunity.organisationID, homeHub: post.posterHub),
                                     for: actor) == .allowed
        var candidates = list.matches
        if post.routing != nil, mayRoute || answersReferral {
            let desk = MatchService(application: request.application, database: request.application.db, own: [post.opportunity.organisationID])
            candidates = try await desk.partners(for: post.opportunity, posterHub: post.posterHub, limit: answersReferral ? 300 : 20).matches
        }
        let routing = try await RoutingPanel.model(for: post, partners: candidates.map(Self.row), suggestedHubs: list.suggestedHubs, request: request)
        let model = OpportunityModel(row: Self.row(post), partners: list.matches.map(Self.row), suggestedHubs: list.suggestedHubs,
                                     csrf: mayWithdraw ? request.csrfToken : nil, routing: routing, notice: notice, problem: problem)
        return htmlResponse(OpportunityView.render(model, try await request.pageContext(language, .opportunity(id: post.opportunity.id))),
                            language, status: status)
    }

    struct StepForm: Content {
        var event: String
        /// With "resubmit": the post as the poster changed it.
        var title: String?
        var text: String?
        var message: String?
        var reason: String?
        var organisation: String?
        var hub: String?
        var outcome: String?
        var recipients: [String]?
        var hubs: [String]?
    }

    /// One form for every step; a refused step shows the page again with the reason.
    func step(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try Self.id(request)
        let form = try request.content.decode(StepForm.self)
        do {
            let fields = ["message": form.message, "reason": form.reason, "organisation": form.organisation, "hub": form.hub,
                          "outcome": form.outcome].compactMapValues { $0 }
            let event = try RoutingEvent(name: form.event, fields: fields, lists: ["recipients": form.recipients ?? [], "hubs": form.hubs ?? []])
            let actions = try await request.actions()
            if event == .resubmit, let title = form.title, let text = form.text {
                // The poster's changes first; the resubmission then puts the changed post before the hub again.
                let post = try await OpportunityActions(actions).find(id)
                try actions.authorize(.routingStep(.resubmit, poster: post.opportunity.organisationID, homeHub: post.posterHub))
                if post.routing?.state == .changesRequested { _ = try await OpportunityActions(actions).update(id) { current in
                    var changed = current
                    changed.title = title
                    changed.text = text
                    return changed
                } }
            }
            _ = try await RoutingActions(actions).apply(event, to: id)
            return request.redirect(to: SiteURL.opportunity(id: id).path(language) + "?step=\(event.name)", redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await opportunityPage(request, language, id: id, problem: failure.problems.map { $0.message[language] }.joined(separator: " "),
                                             status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return try await opportunityPage(request, language, id: id, problem: message[language], status: .conflict)
        }
    }

    func newOpportunityForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        try await request.actions().authorize(.manageOwnAccount, reading: true)
        let model = OpportunityFormModel(organisations: try await postableOrganisations(request), csrf: request.csrfToken)
        return htmlResponse(OpportunityFormView.render(model, try await request.pageContext(language, .newOpportunity)), language)
    }

    func createOpportunity(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        try await request.actions().authorize(.manageOwnAccount)
        let form = try request.content.decode(OpportunityForm.self)
        var model = OpportunityFormModel(organisations: try await postableOrganisations(request), csrf: request.csrfToken)
        model.organisationID = UUID(uuidString: form.organisation)
        model.kind = OpportunityKind(rawValue: form.kind) ?? .challenge
        model.title = form.title
        model.text = form.text
        model.language = SiteLanguage(rawValue: form.language) ?? .de
        model.topics = form.topics ?? []
        model.soughtKinds = (form.soughtKinds ?? []).compactMap(OrganisationKind.init(rawValue:))
        model.preferredHubs = form.preferredHubs ?? []
        model.deadline = form.deadline ?? ""
        model.visibility = OpportunityVisibility(rawValue: form.visibility) ?? .public
        do {
            guard let organisationID = model.organisationID, model.organisations.contains(where: { $0.id == organisationID }) else {
                throw ValidationFailure([FieldProblem(field: "organisation", message: .init(
                    de: "Wählen Sie eine Organisation, für die Sie handeln.", en: "Choose an organisation you act for."))])
            }
            var deadline: Date?
            if !model.deadline.isEmpty {
                guard let day = OpportunityInput.day.date(from: model.deadline) else {
                    throw ValidationFailure([FieldProblem(field: "deadline", message: .init(
                        de: "Die Frist muss ein Tag wie 2027-03-31 sein.", en: "The deadline must be a day like 2027-03-31."))])
                }
                deadline = day
            }
            let post = Opportunity(organisationID: organisationID, kind: model.kind, title: model.title, text: model.text,
                                   language: model.language, topicSlugs: model.topics, soughtKinds: model.soughtKinds,
                                   preferredHubs: model.preferredHubs, deadline: deadline, visibility: model.visibility)
            let created = try await OpportunityActions(request.actions()).create(post)
            return request.redirect(to: SiteURL.opportunity(id: created.opportunity.id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            model.problems = failure.problems
            let context = try await request.pageContext(language, .newOpportunity)
            return htmlResponse(OpportunityFormView.render(model, context), language, status: .unprocessableEntity)
        }
    }

    func withdraw(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        try await OpportunityActions(request.actions()).delete(try Self.id(request))
        return request.redirect(to: SiteURL.opportunities.path(language), redirectType: .normal)
    }

    struct OpportunityForm: Content {
        var organisation: String
        var kind: String
        var title: String
        var text: String
        var language: String
        var topics: [String]?
        var soughtKinds: [String]?
        var preferredHubs: [String]?
        var deadline: String?
        var visibility: String
    }

    /// The organisations the member may post for: those it acts for.
    private func postableOrganisations(_ request: Request) async throws -> [Organisation] {
        try await MemberDataActions(request.actions()).overview().organisations.map(\.organisation).sorted { $0.name < $1.name }
    }

    static func id(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }

    static func row(_ match: MatchedOrganisation) -> PartnerRow {
        PartnerRow(organisation: match.organisation, score: match.result.score, reasons: match.result.reasons)
    }

    static func row(_ post: VisibleOpportunity) -> OpportunityRow {
        OpportunityRow(opportunity: post.opportunity, poster: post.poster, posterHub: post.posterHub)
    }
}
