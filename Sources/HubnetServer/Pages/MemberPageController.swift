import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Pages where members change the directory: editing a profile, claiming one, and the hub
/// manager's reviews (claims, audit log).
struct MemberPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .newOrganisation) { try await newForm($0, $1) }
        routes.page(.POST, .newOrganisation) { try await create($0, $1) }
        routes.page(.GET, .editOrganisation) { try await editForm($0, $1) }
        routes.page(.POST, .editOrganisation) { try await edit($0, $1) }
        routes.page(.POST, .organisationLogo) { try await uploadLogo($0, $1) }
        routes.page(.POST, .removeOrganisationLogo) { try await removeLogo($0, $1) }
        routes.page(.POST, .claimOrganisation) { try await claim($0, $1) }
        routes.page(.GET, .claims) { try await claims($0, $1) }
        routes.page(.POST, .approveClaim) { try await decide($0, $1, approve: true) }
        routes.page(.POST, .rejectClaim) { try await decide($0, $1, approve: false) }
        routes.page(.POST, .approveOrganisation) { try await approveOrganisation($0, $1) }
        routes.page(.GET, .audit) { try await audit($0, $1) }
    }

    private func organisationID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }

    /// An empty profile in the member's home hub choice; the member becomes its admin.
    func newForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        try await request.actions().authorize(.createOrganisation(hub: ""), reading: true)
        let blank = Organisation(name: "", kind: .startup, hubSlug: Network.hubs[0].slug, city: "", topicSlugs: [], description: .init(""))
        let context = try await request.pageContext(language, .newOrganisation)
        return htmlResponse(OrganisationEditView.render(blank, problems: [], saved: false, csrf: request.csrfToken, isNew: true, context), language)
    }

    func create(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let actions = try await request.actions()
        try actions.authorize(.createOrganisation(hub: ""))
        let form = try request.content.decode(EditForm.self)
        let blank = Organisation(name: "", kind: .startup, hubSlug: "", city: "", topicSlugs: [], description: .init(""))
        let organisation = form.applied(to: blank)
        do {
            let created = try await OrganisationActions(actions).create(try form.validated(organisation))
            // The new profile, as others will see it, with a word that it is there.
            return request.redirect(to: SiteURL.organisation(id: created.id, notice: .created).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            let context = try await request.pageContext(language, .newOrganisation)
            return htmlResponse(OrganisationEditView.render(organisation, problems: failure.problems, saved: false, csrf: request.csrfToken,
                                                            isNew: true, context), language, status: .unprocessableEntity)
        }
    }

    func editForm(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let actions = try await request.actions()
        let organisation = try await OrganisationActions(actions).existing(try organisationID(request))
        try actions.authorize(.editOrganisation(id: organisation.id, hub: organisation.hubSlug), reading: true)
        let context = try await request.pageContext(language, .editOrganisation(id: organisation.id))
        return htmlResponse(OrganisationEditView.render(organisation, problems: [], saved: request.query[String.self, at: "saved"] != nil,
                                                        csrf: request.csrfToken, context), language)
    }

    struct EditForm: Content {
        var name: String
        var kind: String
        var hub: String
        var city: String
        var topics: [String]?
        var description_de: String
        var description_en: String
        var offers_de: String
        var offers_en: String
        var seeks_de: String
        var seeks_en: String
        var website: String?
        var foundedYear: String?
        /// Absent in older forms (and API-made posts): then the value stays as it is.
        var employees: String?
        var stage: String?

        func applied(to organisation: Organisation) -> Organisation {
            var changed = organisation
            changed.name = name
            changed.kind = OrganisationKind(rawValue: kind) ?? organisation.kind
            changed.hubSlug = hub
            changed.city = city
            changed.topicSlugs = topics ?? []
            changed.description = .init(de: description_de, en: description_en)
            changed.offers = .init(de: offers_de, en: offers_en)
            changed.seeks = .init(de: seeks_de, en: seeks_en)
            changed.website = website
            changed.foundedYear = Int(foundedYear?.trimmingCharacters(in: .whitespaces) ?? "")
            if let employees { changed.employees = EmployeeBand(rawValue: employees) }
            if let stage { changed.stage = FundingStage(rawValue: stage) }
            return changed
        }

        /// The organisation's own rules, plus the one a form adds: the year must be a number.
        func validated(_ organisation: Organisation) throws -> Organisation {
            let year = foundedYear?.trimmingCharacters(in: .whitespaces) ?? ""
            var problems: [FieldProblem] = []
            if !year.isEmpty, Int(year) == nil {
                problems.append(FieldProblem(field: "foundedYear", message: .init(
                    de: "Das Gründungsjahr muss eine Zahl sein.", en: "The founding year must be a number.")))
            }
            if let employees, !employees.isEmpty, EmployeeBand(rawValue: employees) == nil {
                problems.append(FieldProblem(field: "employees", message: .init(
                    de: "Unbekannte Größe „\(employees)“.", en: "Unknown size '\(employees)'.")))
            }
            if let stage, !stage.isEmpty, FundingStage(rawValue: stage) == nil {
                problems.append(FieldProblem(field: "stage", message: .init(
                    de: "Unbekannte Phase „\(stage)“.", en: "Unknown stage '\(stage)'.")))
            }
            if !problems.isEmpty { throw ValidationFailure(problems) }
            return try organisation.validated()
        }
    }

    func edit(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try organisationID(request)
        let form = try request.content.decode(EditForm.self)
        let actions = OrganisationActions(try await request.actions())
        do {
            _ = try await actions.update(id) { current in try form.validated(form.applied(to: current)) }
        } catch let failure as ValidationFailure {
            let context = try await request.pageContext(language, .editOrganisation(id: id))
            // The form again as it was sent, with its problems.
            let shown = form.applied(to: try await actions.existing(id))
            return htmlResponse(OrganisationEditView.render(shown, problems: failure.problems, saved: false, csrf: request.csrfToken, context),
                                language, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.editOrganisation(id: id, saved: true).path(language), redirectType: .normal)
    }

    struct LogoForm: Content {
        var logo: File?
    }

    /// The logo form posts the file alone (multipart); a problem shows the whole edit page again.
    func uploadLogo(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try organisationID(request)
        let file = (try? request.content.decode(LogoForm.self))?.logo
        let actions = try await request.actions()
        do {
            _ = try await LogoActions(actions).replace(id, with: file.map { Array($0.data.readableBytesView) } ?? [])
        } catch let failure as ValidationFailure {
            let organisation = try await OrganisationActions(actions).existing(id)
            let context = try await request.pageContext(language, .editOrganisation(id: id))
            return htmlResponse(OrganisationEditView.render(organisation, problems: failure.problems, saved: false, csrf: request.csrfToken, context),
                                language, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.editOrganisation(id: id, saved: true).path(language) + "#logo", redirectType: .normal)
    }

    func removeLogo(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try organisationID(request)
        try await LogoActions(request.actions()).remove(id)
        return request.redirect(to: SiteURL.editOrganisation(id: id, saved: true).path(language) + "#logo", redirectType: .normal)
    }

    struct ClaimForm: Content {
        let message: String?
    }

    func claim(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try organisationID(request)
        let form = try request.content.decode(ClaimForm.self)
        _ = try await ClaimActions(request.actions()).claim(id, message: form.message ?? "")
        return request.redirect(to: SiteURL.organisation(id: id, notice: .claimed).path(language), redirectType: .normal)
    }

    func claims(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let actions = try await request.actions()
        let newOrganisations = try await OrganisationActions(actions).pending().map(\.organisation)
        let pending = try await ClaimActions(actions).pending().map { entry in
            ReviewView.PendingClaim(id: entry.claim.id, organisation: entry.organisation,
                                    claimant: entry.claimant.map { "\($0.name) <\($0.email)>" } ?? "–", message: entry.claim.message)
        }
        let decided = try await ClaimActions(actions).decided().map { entry in
            ReviewView.DecidedClaim(id: entry.claim.id, organisation: entry.organisation, claimant: entry.claimant ?? "–",
                                    approved: entry.claim.status == .approved, decidedBy: entry.decidedBy ?? "–", decidedAt: entry.decidedAt)
        }
        let justDecided = request.query[String.self, at: "decided"].flatMap(UUID.init(uuidString:))
        let context = try await request.pageContext(language, .claims(decided: justDecided))
        return htmlResponse(ReviewView.claims(pending, newOrganisations: newOrganisations, decided: decided, justDecided: justDecided,
                                              csrf: request.csrfToken, context), language)
    }

    /// A hub manager confirms that an organisation a member added belongs to the hub.
    func approveOrganisation(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        try await OrganisationActions(request.actions()).approve(try organisationID(request))
        return request.redirect(to: SiteURL.claims().path(language), redirectType: .normal)
    }

    func decide(_ request: Request, _ language: SiteLanguage, approve: Bool) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        _ = try await ClaimActions(request.actions()).decide(id, approve: approve)
        return request.redirect(to: SiteURL.claims(decided: id).path(language), redirectType: .normal)
    }

    func audit(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        var filter = AuditFilter()
        var problems: [FieldProblem] = []
        do {
            filter = try AuditFilter(parameters: request.queryParameters)
        } catch {
            // A broken link still shows the log, with the problem named above it.
            problems = error.problems
        }
        let actions = try await request.actions()
        let page = try await AuditTrail(actions).entries(filter)
        let rows = page.entries.map { entry in
            AuditModel.Row(occurredAt: entry.occurredAt, actor: entry.actorName?[language] ?? "Hubnet", actorID: entry.actorID,
                           action: entry.action, objectType: entry.objectType, objectID: entry.objectID, hub: entry.hub,
                           objectName: FieldChange.objectName(in: entry.after) ?? FieldChange.objectName(in: entry.before),
                           changes: FieldChange.between(entry.before, entry.after))
        }
        let readable = actions.actor.managedHubs.map { hubs in Network.hubs.map(\.slug).filter(hubs.contains) } ?? Network.hubs.map(\.slug)
        let actorName = filter.actor.map { id in page.entries.first { $0.actorID == id }?.actorName?[language] ?? id.uuidString.lowercased() }
        let model = AuditModel(filter: filter, rows: rows, more: page.more, hubs: readable, actorName: actorName, problems: problems)
        let response = htmlResponse(AuditView.render(model, try await request.pageContext(language, .audit(filter))), language)
        if !problems.isEmpty { response.status = .badRequest }
        return response
    }
}
