import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor
import HubnetActions

/// The HTML pages, each under its language: /de/…, /en/….
struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .home) { try await home($0, $1) }
        // Addresses people guess: the lists they mean.
        routes.page(.GET, .hubs) { request, language in request.redirect(to: SiteURL.home.path(language) + "#counts-table", redirectType: .permanent) }
        routes.page(.GET, .organisations) { request, language in request.redirect(to: SiteURL.directory().path(language), redirectType: .permanent) }
        routes.page(.GET, .hub) { try await hub($0, $1) }
        routes.page(.GET, .directory) { try await directory($0, $1) }
        routes.page(.GET, .organisation) { try await organisation($0, $1) }
        routes.page(.GET, .apiGuide) { request, language in
            htmlResponse(APIGuideView.render(publicURL: request.application.hubnetSettings.publicURL,
                                             try await request.pageContext(language, .apiGuide)), language)
        }
        routes.page(.GET, .imprint) { try await legal(.imprint, $0, $1) }
        routes.page(.GET, .privacy) { try await legal(.privacy, $0, $1) }
    }

    /// The operator's text from the legal folder; the page says so when it is missing.
    func legal(_ kind: LegalPageView.Kind, _ request: Request, _ language: SiteLanguage) async throws -> Response {
        let folder = request.application.hubnetSettings.legalDirectory
        let path = URL(fileURLWithPath: folder).appendingPathComponent(kind.fileName(language)).path
        var paragraphs: [String]?
        if FileManager.default.fileExists(atPath: path) {
            let text = String(buffer: try await request.fileio.collectFile(at: path))
            paragraphs = LegalPageView.paragraphs(of: text)
        }
        let page: SiteURL = kind == .imprint ? .imprint : .privacy
        return htmlResponse(LegalPageView.render(kind, paragraphs: paragraphs, folder: folder, try await request.pageContext(language, page)), language)
    }

    func home(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let index = try await request.application.directory.snapshot(on: request.application.db)
        let model = HomeModel(counts: index.countsByHubAndKind())
        return htmlResponse(HomeView.render(model, try await request.pageContext(language, .home)), language)
    }

    func hub(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let slug = request.parameters.get("slug") ?? ""
        guard let hub = Network.hub(slug) else { throw Abort(.notFound) }
        let index = try await request.application.directory.snapshot(on: request.application.db)
        let store = OrganisationStore(request.application.db)
        var groups: [HubModel.KindGroup] = []
        for kind in OrganisationKind.allCases {
            let result = index.search(DirectoryQuery(hubs: [slug], kinds: [kind], sort: .name, perPage: 8))
            groups.append(.init(kind: kind, total: result.total, organisations: try await store.find(result.organisationIDs)))
        }
        let topicCounts = index.search(DirectoryQuery(hubs: [slug], perPage: 1)).topicCounts
        // The newest open posts of the hub's organisations, as this visitor may see them.
        let posts = try await OpportunityActions(request.actions()).visible(openOnly: true)
            .filter { $0.posterHub == slug }.prefix(5)
            .map { HubModel.Post(id: $0.opportunity.id, title: $0.opportunity.title, kind: $0.opportunity.kind, poster: $0.poster?.name) }
        let model = HubModel(hub: hub, groups: groups, topicCounts: topicCounts, posts: Array(posts))
        return htmlResponse(HubView.render(model, try await request.pageContext(language, .hub(slug: slug))), language)
    }

    func directory(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let query: DirectoryQuery
        var problems: [FieldProblem] = []
        do {
            query = try DirectoryQuery(parameters: request.queryParameters)
        } catch {
            // A broken link still shows the directory, with the problem named above it.
            query = DirectoryQuery()
            problems = error.problems
        }
        let page = try await request.application.directory.search(query, on: request.application.db)
        // A page past the last one (an old link, a typed number) leads to the last one.
        if page.result.page > page.result.pageCount {
            var last = query
            last.page = page.result.pageCount
            return request.redirect(to: SiteURL.directory(last).path(language), redirectType: .normal)
        }
        let model = DirectoryModel(query: query, result: page.result, organisations: page.organisations, problems: problems)
        let response = htmlResponse(DirectoryView.render(model, try await request.pageContext(language, .directory(query))), language)
        if !problems.isEmpty { response.status = .badRequest }
        return response
    }

    func organisation(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let context = try await request.actions()
        let organisation = try await OrganisationActions(context).existing(id)
        let actor = context.actor
        var claim = OrganisationProfileModel.ClaimState.signInFirst
        if actor.isSignedIn {
            let existing = try await ClaimActions(context).own(on: id)
            claim = actor.actsFor(organisation: id) ? .none : existing == nil ? .possible : existing?.status == .pending ? .pending : .none
        }
        let notice: String? = switch request.query[String.self, at: "notice"].flatMap(ProfileNotice.init(rawValue:)) {
        case .claimed: AccountStrings.for(language).claimSent
        case .created: AccountStrings.for(language).organisationCreated
        case nil: nil
        }
        let model = OrganisationProfileModel(
            organisation: organisation,
            canEdit: Policy.decide(.editOrganisation(id: id, hub: organisation.hubSlug), for: actor) == .allowed,
            claim: claim, csrf: actor.isSignedIn ? request.csrfToken : nil, notice: notice)
        return htmlResponse(OrganisationProfileView.render(model, try await request.pageContext(language, .organisation(id: id))), language)
    }
}
