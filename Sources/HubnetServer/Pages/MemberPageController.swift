import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Pages where members change the directory: editing a profile, claiming one, and the hub
/// manager's reviews (claims, audit log).
struct MemberPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for language in HubnetCore.Language.allCases {
            let pages = routes.grouped(PathComponent(stringLiteral: language.rawValue))
            pages.get("organisations", ":id", "edit") { try await editForm($0, language) }
            pages.post("organisations", ":id", "edit") { try await edit($0, language) }
            pages.post("organisations", ":id", "claim") { try await claim($0, language) }
            pages.get("claims") { try await claims($0, language) }
            pages.post("claims", ":claimID", "approve") { try await decide($0, language, approve: true) }
            pages.post("claims", ":claimID", "reject") { try await decide($0, language, approve: false) }
            pages.get("audit") { try await audit($0, language) }
        }
    }

    private func organisationID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }

    func editForm(_ request: Request, _ language: HubnetCore.Language) async throws -> Response {
        let organisation = try await OrganisationService(request: request).existing(try organisationID(request))
        try await request.authorize(.editOrganisation(id: organisation.id, hub: organisation.hubSlug), reading: true)
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
    }

    func edit(_ request: Request, _ language: HubnetCore.Language) async throws -> Response {
        let id = try organisationID(request)
        let form = try request.content.decode(EditForm.self)
        var attempted: Organisation?
        do {
            _ = try await OrganisationService(request: request).update(id) { current in
                var changed = current
                changed.name = form.name
                changed.kind = OrganisationKind(rawValue: form.kind) ?? current.kind
                changed.hubSlug = form.hub
                changed.city = form.city
                changed.topicSlugs = form.topics ?? []
                changed.description = .init(de: form.description_de, en: form.description_en)
                changed.offers = .init(de: form.offers_de, en: form.offers_en)
                changed.seeks = .init(de: form.seeks_de, en: form.seeks_en)
                changed.website = form.website
                attempted = changed
                let year = form.foundedYear?.trimmingCharacters(in: .whitespaces) ?? ""
                if !year.isEmpty, Int(year) == nil {
                    throw ValidationFailure([FieldProblem(field: "foundedYear", message: .init(
                        de: "Das Gründungsjahr muss eine Zahl sein.", en: "The founding year must be a number."))])
                }
                changed.foundedYear = Int(year)
                return try changed.validated()
            }
        } catch let failure as ValidationFailure {
            let context = try await request.pageContext(language, .editOrganisation(id: id))
            let shown: Organisation
            if let attempted { shown = attempted } else { shown = try await OrganisationService(request: request).existing(id) }
            return htmlResponse(OrganisationEditView.render(shown, problems: failure.problems, saved: false, csrf: request.csrfToken, context),
                                language, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.editOrganisation(id: id).path(language) + "?saved=1", redirectType: .normal)
    }

    struct ClaimForm: Content {
        let message: String?
    }

    func claim(_ request: Request, _ language: HubnetCore.Language) async throws -> Response {
        let id = try organisationID(request)
        let form = try request.content.decode(ClaimForm.self)
        _ = try await ClaimService(request: request).claim(id, message: form.message ?? "")
        return request.redirect(to: SiteURL.organisation(id: id).path(language) + "?notice=claimed", redirectType: .normal)
    }

    func claims(_ request: Request, _ language: HubnetCore.Language) async throws -> Response {
        let pending = try await ClaimService(request: request).pending().map { entry in
            ReviewView.PendingClaim(id: entry.claim.id!, organisation: entry.organisation,
                                    claimant: entry.claimant.map { "\($0.name) <\($0.email)>" } ?? "–", message: entry.claim.message)
        }
        let context = try await request.pageContext(language, .claims)
        return htmlResponse(ReviewView.claims(pending, csrf: request.csrfToken, context), language)
    }

    func decide(_ request: Request, _ language: HubnetCore.Language, approve: Bool) async throws -> Response {
        guard let id = request.parameters.get("claimID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        _ = try await ClaimService(request: request).decide(id, approve: approve)
        return request.redirect(to: SiteURL.claims.path(language), redirectType: .normal)
    }

    func audit(_ request: Request, _ language: HubnetCore.Language) async throws -> Response {
        let actor = try await request.authorize(.readAuditLog(hub: nil), reading: true)
        let entries = try await AuditLog(request.db).entries(hubs: actor.managedHubs)
        let actorIDs = Set(entries.compactMap(\.actorID))
        let members = try await MemberRecord.query(on: request.db).filter(\.$id ~~ Array(actorIDs)).all()
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, $0.erasedAt == nil ? $0.name : Member.erasedName[language]) })
        let rows = entries.map { entry in
            ReviewView.AuditRow(
                occurredAt: entry.occurredAt, actor: entry.actorID.flatMap { names[$0] } ?? "Hubnet",
                action: entry.action, object: "\(entry.objectType) \(entry.objectID.prefix(8))", hub: entry.hubSlug,
                change: [entry.before.map { "− \($0)" }, entry.after.map { "+ \($0)" }].compactMap { $0 }.joined(separator: "\n"))
        }
        let context = try await request.pageContext(language, .audit)
        return htmlResponse(ReviewView.audit(rows, context), language)
    }
}
