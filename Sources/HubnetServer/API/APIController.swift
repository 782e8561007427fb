import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import Vapor

/// JSON API v1: hubs, topics and organisations. Reads are public; writes need the admin token.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json", use: openAPIDocument)
        api.get("hubs", use: hubs)
        api.get("hubs", ":slug", use: hub)
        api.get("topics", use: topics)
        api.get("organisations", use: organisations)
        api.get("organisations", ":id", use: organisation)

        api.on(.POST, "organisations", body: .collect(maxSize: "64kb"), use: createOrganisation)
        api.on(.PATCH, "organisations", ":id", body: .collect(maxSize: "64kb"), use: updateOrganisation)
        api.delete("organisations", ":id", use: deleteOrganisation)
        // 3 MB: a 2 MB file gets the problem that says so; a larger body gets 413.
        api.on(.PUT, "organisations", ":id", "logo", body: .collect(maxSize: "3mb"), use: putLogo)
        api.delete("organisations", ":id", "logo", use: deleteLogo)
    }

    func openAPIDocument(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }

    func hubs(_ request: Request) async throws -> [HubDTO] {
        let counts = try await request.application.directory.snapshot(on: request.application.db).countsByHubAndKind()
        return Network.hubs.map { HubDTO($0, counts: counts[$0.slug] ?? [:]) }
    }

    func hub(_ request: Request) async throws -> HubDTO {
        let slug = request.parameters.get("slug") ?? ""
        guard let hub = Network.hub(slug) else { throw ProblemDetails.notFound("There is no hub '\(slug)'.") }
        let counts = try await request.application.directory.snapshot(on: request.application.db).countsByHubAndKind()
        return HubDTO(hub, counts: counts[slug] ?? [:])
    }

    func topics(_ request: Request) async throws -> [TopicDTO] {
        Taxonomy.topics.map(TopicDTO.init)
    }

    func organisations(_ request: Request) async throws -> OrganisationPageDTO {
        let query: DirectoryQuery
        do {
            query = try DirectoryQuery(parameters: request.queryParameters)
        } catch {
            throw ProblemDetails.validation(error, status: .badRequest)
        }
        let page = try await request.application.directory.search(query, on: request.application.db)
        let result = page.result
        return OrganisationPageDTO(
            items: page.organisations.map(OrganisationDTO.init), total: result.total, page: result.page,
            per: result.perPage, pageCount: result.pageCount,
            facets: .init(
                hub: result.hubCounts,
                kind: Dictionary(uniqueKeysWithValues: result.kindCounts.map { ($0.key.rawValue, $0.value) }),
                topic: result.topicCounts))
    }

    func organisation(_ request: Request) async throws -> OrganisationDTO {
        OrganisationDTO(try await OrganisationActions(request.actions()).existing(try request.uuid()))
    }

    func createOrganisation(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let organisation = try await OrganisationActions(context).create(try OrganisationInput.decode(from: request).creating())
        let response = try await OrganisationDTO(organisation).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/organisations/\(organisation.id.lowercased)")
        return response
    }

    func updateOrganisation(_ request: Request) async throws -> OrganisationDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid()
        let input = try OrganisationInput.decode(from: request)
        return OrganisationDTO(try await OrganisationActions(context).update(id) { try input.applied(to: $0) })
    }

    func putLogo(_ request: Request) async throws -> OrganisationDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        let id = try request.uuid()
        // The bytes decide what the file is, not the Content-Type a client claims.
        let body = request.body.data.map { Array($0.readableBytesView) } ?? []
        return OrganisationDTO(try await LogoActions(context).replace(id, with: body))
    }

    func deleteLogo(_ request: Request) async throws -> HTTPStatus {
        try await LogoActions(request.actions()).remove(try request.uuid())
        return .noContent
    }

    func deleteOrganisation(_ request: Request) async throws -> HTTPStatus {
        try await OrganisationActions(request.actions()).delete(try request.uuid())
        return .noContent
    }
}
