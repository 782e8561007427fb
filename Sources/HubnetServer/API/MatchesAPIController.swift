import Foundation
import HubnetActions
import HubnetCore
import Vapor

/// JSON API v1: find partners, investor recommendations and opportunities.
struct MatchesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("matches", use: matches)
        api.on(.POST, "matches", body: .collect(maxSize: "64kb"), use: matchesForBody)
        api.get("matches", "organisations", ":id", use: matchesForOrganisation)
        api.get("matches", "organisations", ":id", "opportunities", use: opportunitiesForOrganisation)
        api.get("matches", "opportunities", ":id", use: matchesForOpportunity)
        api.get("matches", "investors", ":id", use: investors)

        api.get("opportunities", use: opportunities)
        api.get("opportunities", ":id", use: opportunity)
        api.on(.POST, "opportunities", body: .collect(maxSize: "64kb"), use: createOpportunity)
        api.on(.PATCH, "opportunities", ":id", body: .collect(maxSize: "64kb"), use: updateOpportunity)
        api.delete("opportunities", ":id", use: deleteOpportunity)
        api.get("opportunities", ":id", "routing", use: routing)
        api.on(.POST, "opportunities", ":id", "steps", body: .collect(maxSize: "64kb"), use: routingStep)
    }

    func matches(_ request: Request) async throws -> PartnerListDTO {
        let query = try Self.validated { () throws(ValidationFailure) in try MatchRequest(parameters: request.queryParameters).query() }
        return PartnerListDTO(try await MatchService(request: request).partners(query))
    }

    func matchesForBody(_ request: Request) async throws -> PartnerListDTO {
        guard let type = request.headers.contentType, type.type == "application", type.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "Send the request as application/json.")
        }
        let body = try request.content.decode(MatchRequest.self)
        // Problems of a body are a 422, as for every other body.
        let query = try body.query()
        return PartnerListDTO(try await MatchService(request: request).partners(query))
    }

    func matchesForOrganisation(_ request: Request) async throws -> PartnerListDTO {
        let organisation = try await OrganisationActions(request.actions()).existing(try request.uuid())
        return PartnerListDTO(try await MatchService(request: request).partners(for: organisation, limit: try Self.limit(request)))
    }

    func opportunitiesForOrganisation(_ request: Request) async throws -> [FittingOpportunityDTO] {
        let organisation = try await OrganisationActions(request.actions()).existing(try request.uuid())
        let posts = try await OpportunityActions(request.actions()).visible(openOnly: true)
        return (try await MatchService(request: request)).opportunities(for: organisation, among: posts, limit: try Self.limit(request)).map { post, result in
            FittingOpportunityDTO(opportunity: OpportunityDTO(post), score: result.score.thousandths,
                                  reasons: result.reasons.map(MatchReasonDTO.init))
        }
    }

    func matchesForOpportunity(_ request: Request) async throws -> PartnerListDTO {
        let post = try await OpportunityActions(request.actions()).find(try request.uuid())
        return PartnerListDTO(try await MatchService(request: request).partners(for: post.opportunity, posterHub: post.posterHub,
                                                                                limit: try Self.limit(request)))
    }

    func investors(_ request: Request) async throws -> InvestorListDTO {
        let company = try await OrganisationActions(request.actions()).existing(try request.uuid())
        return InvestorListDTO(company: company, try await MatchService(request: request).investors(for: company, limit: try Self.limit(request)))
    }

    func opportunities(_ request: Request) async throws -> [OpportunityDTO] {
        let parameters = request.queryParameters
        let kinds = try parameters.filter { $0.name == "kind" }.flatMap { $0.value.split(separator: ",") }.map { raw in
            guard let kind = OpportunityKind(rawValue: String(raw)) else {
                throw ProblemDetails.validation(ValidationFailure([FieldProblem(field: "kind", message: .init(
                    de: "Unbekannte Art „\(raw)“; erlaubt: \(OpportunityKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                    en: "Unknown kind '\(raw)'; allowed: \(OpportunityKind.allCases.map(\.rawValue).joined(separator: ", ")).")) ]),
                    status: .badRequest)
            }
            return kind
        }
        let organisation = try parameters.first { $0.name == "organisation" }.map { try Request.uuid($0.value, field: "organisation") }
        let openOnly = parameters.first { $0.name == "open" }.map { ["1", "true", "yes"].contains($0.value.lowercased()) } ?? false
        return try await OpportunityActions(request.actions()).visible(kinds: kinds, organisation: organisation, openOnly: openOnly)
            .map(OpportunityDTO.init)
    }

    func opportunity(_ request: Request) async throws -> OpportunityDTO {
        OpportunityDTO(try await OpportunityActions(request.actions()).find(try request.uuid()))
    }

    func routing(_ request: Request) async throws -> RoutingDTO {
        let post = try await OpportunityActions(request.actions()).find(try request.uuid())
        guard let routing = post.routing else {
            throw ProblemDetails.notFound("This opportunity never went through the routing desk.")
        }
        return RoutingDTO(routing, poster: post.opportunity.organisationID, for: try await request.actor())
    }

    /// One step of the routing desk: `{"event": "accept"}`, `{"event": "route", "recipients": [...], "hubs": [...]}`, …
    func routingStep(_ request: Request) async throws -> Response {
        let context = try await request.idempotentActions()
        _ = try context.memberID()
        let id = try request.uuid()
        let input = try RoutingStepInput.decode(from: request)
        let event = try RoutingEvent(name: input.event, fields: input.fields, lists: input.lists)
        // The step first: whoever may not take it learns that (403), not whether the post is visible to them.
        var routing: RoutingCase?
        var replayed = false
        do {
            routing = try await RoutingActions(context).apply(event, to: id)
        } catch is IdempotentReplay {
            // The request as it stands now; the step was taken by the first try.
            replayed = true
        }
        let post = try await OpportunityActions(context).find(id)
        guard let routing = routing ?? post.routing else { throw ProblemDetails.notFound("This opportunity is not with the routing desk.") }
        let response = try await RoutingDTO(routing, poster: post.opportunity.organisationID, for: context.actor).encodeResponse(for: request)
        return replayed ? response.markReplayed() : response
    }

    /// A retry with the same Idempotency-Key and body answers as the first time and writes nothing.
    func createOpportunity(_ request: Request) async throws -> Response {
        let context = try await request.idempotentActions()
        _ = try context.memberID()
        let post = try OpportunityInput.decode(from: request).creating()
        let created: VisibleOpportunity
        var replayed = false
        do {
            created = try await OpportunityActions(context).create(post)
        } catch let replay as IdempotentReplay {
            guard let id = UUID(uuidString: replay.result) else { throw Abort(.internalServerError) }
            created = try await OpportunityActions(context).find(id)
            replayed = true
        }
        let response = try await OpportunityDTO(created).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/opportunities/\(created.opportunity.id.lowercased)")
        return replayed ? response.markReplayed() : response
    }

    func updateOpportunity(_ request: Request) async throws -> OpportunityDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try OpportunityInput.decode(from: request)
        let id = try request.uuid()
        if input.sent.contains("organisation") {
            throw ProblemDetails.validation(ValidationFailure([FieldProblem(field: "organisation", message: .init(
                de: "Ein Beitrag wechselt nicht die Organisation.", en: "A post cannot move to another organisation."))]))
        }
        return OpportunityDTO(try await OpportunityActions(context).update(id) { try input.applied(to: $0) })
    }

    func deleteOpportunity(_ request: Request) async throws -> HTTPStatus {
        try await OpportunityActions(request.actions()).delete(try request.uuid())
        return .noContent
    }

    // MARK: Parameters

    static func validated<Value>(_ body: () throws(ValidationFailure) -> Value) throws -> Value {
        do throws(ValidationFailure) {
            return try body()
        } catch {
            throw ProblemDetails.validation(error, status: .badRequest)
        }
    }

    static func limit(_ request: Request) throws -> Int {
        guard let raw = request.query[String.self, at: "limit"], !raw.isEmpty else { return 20 }
        guard let limit = Int(raw), MatchRequest.limits.contains(limit) else {
            throw ProblemDetails.validation(ValidationFailure([FieldProblem(field: "limit", message: .init(
                de: "Eine Zahl zwischen 1 und 100.", en: "A number between 1 and 100."))]), status: .badRequest)
        }
        return limit
    }
}

struct FittingOpportunityDTO: Content {
    let opportunity: OpportunityDTO
    let score: Double
    let reasons: [MatchReasonDTO]
}
