import Foundation
import HubnetCore
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

@Suite struct APITests {
    static var newOrganisation: [String: Any] { [
        "name": "Zeppelin Cargo", "kind": "startup", "hub": "hamburg", "city": "Hamburg",
        "topics": ["logistics", "robotics"], "description": ["de": "Autonome Lastendrohnen für den Hafen.", "en": ""],
        "website": "https://zeppelin-cargo.example", "foundedYear": 2021, "stage": "seed",
    ] }

    static func body(_ object: Any) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
    }

    @Test(arguments: TestDatabase.kinds)
    func hubsListsTheTwelveHubsWithTheirCounts(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 300) { app in
            try await app.testing().test(.GET, "/api/v1/hubs") { response in
                #expect(response.status == .ok)
                let hubs = try response.content.decode([HubDTO].self)
                #expect(hubs.count == 12)
                #expect(hubs.map(\.organisationCount).reduce(0, +) == 300)
                let karlsruhe = try #require(hubs.first { $0.slug == "karlsruhe" })
                #expect(karlsruhe.focus.map(\.topic) == ["artificial-intelligence"])
            }
            try await app.testing().test(.GET, "/api/v1/hubs/cologne") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("\"insurtech\""))
            }
            try await app.testing().test(.GET, "/api/v1/topics") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Künstliche Intelligenz"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anUnknownHubIsAProblem(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            try await app.testing().test(.GET, "/api/v1/hubs/atlantis") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let problem = try response.content.decode(ProblemDetails.self)
                #expect(problem.type == "urn:hubnet:problem:not-found")
                #expect(problem.status == 404)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func searchReturnsAPageWithFacets(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 400) { app in
            try await app.testing().test(.GET, "/api/v1/organisations?hub=hamburg&per=5&sort=name") { response in
                #expect(response.status == .ok)
                let page = try response.content.decode(OrganisationPageDTO.self)
                #expect(page.items.count == 5)
                #expect(page.items.allSatisfy { $0.hub == "hamburg" })
                #expect(page.total == page.facets.hub["hamburg"])
                #expect(page.facets.kind.values.reduce(0, +) == page.total)
                // The hub facet ignores the hub filter: other hubs still show their counts.
                #expect(page.facets.hub.values.reduce(0, +) == 400)
                let names = page.items.map(\.name)
                #expect(names.map(TextAnalyzer.fold) == names.map(TextAnalyzer.fold).sorted())
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func badSearchParametersAreNamed(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            for (query, field) in [("per=1000", "per"), ("kind=spaceship", "kind"), ("page=x", "page"), ("hub=atlantis", "hub")] {
                try await app.testing().test(.GET, "/api/v1/organisations?\(query)") { response in
                    #expect(response.status == .badRequest, "\(query)")
                    let problem = try response.content.decode(ProblemDetails.self)
                    #expect(problem.errors?.map(\.field) == [field])
                }
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func writesNeedAMemberWithAWritingToken(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let body = try Self.body(Self.newOrganisation)
            try await app.testing().test(.POST, "/api/v1/organisations", headers: ["Content-Type": "application/json"], body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            }
            try await app.testing().test(.POST, "/api/v1/organisations",
                                         headers: ["Content-Type": "application/json", "Authorization": "Bearer wrong-token-wrong-token"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            // The bootstrap token from the environment opens nothing but the bootstrap.
            try await app.testing().test(.POST, "/api/v1/organisations",
                                         headers: ["Content-Type": "application/json", "Authorization": "Bearer \(TestApp.adminToken)"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            let reader = try await TestMember.make(app, scopes: "read")
            try await app.testing().test(.POST, "/api/v1/organisations", headers: reader.headers, body: body) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.GET, "/api/v1/organisations") { response in
                let total = try response.content.decode(Total.self).total
                #expect(total == 0)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theBootstrapTokenAppointsTheFirstNetworkAdminOnly(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let first = try await TestMember.make(app)
            let second = try await TestMember.make(app)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(TestApp.adminToken)", "Content-Type": "application/json"]
            try await app.testing().test(.POST, "/api/v1/bootstrap", headers: headers, body: try Self.body(["email": first.email])) { response in
                #expect(response.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: first.headers) { response in
                #expect(response.body.string.contains("network_admin"))
            }
            try await app.testing().test(.POST, "/api/v1/bootstrap", headers: headers, body: try Self.body(["email": second.email])) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
    @Test(arguments: TestDatabase.kinds)
    func anOrganisationIsCreatedFoundChangedAndDeleted(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 50) { app in
            let member = try await TestMember.make(app)
            var id = ""
            try await app.testing().test(.POST, "/api/v1/organisations", headers: member.headers, body: try Self.body(Self.newOrganisation)) { response in
                #expect(response.status == .created)
                let created = try response.content.decode(OrganisationDTO.self)
                id = created.id
                #expect(response.headers.first(name: .location) == "/api/v1/organisations/\(id)")
                #expect(created.stage == "seed")
                // Unset fields are null, not left out.
                #expect(response.body.string.contains(#""employees":null"#))
            }
            // The directory knows it at once.
            try await app.testing().test(.GET, "/api/v1/organisations?q=zeppelin") { response in
                let total = try response.content.decode(Total.self).total
                #expect(total == 1)
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(id)", headers: member.headers,
                                         body: try Self.body(["name": "Luftschiff Cargo", "website": NSNull(), "employees": "1-9"])) { response in
                #expect(response.status == .ok)
                let changed = try response.content.decode(OrganisationDTO.self)
                #expect(changed.name == "Luftschiff Cargo")
                #expect(changed.website == nil && response.body.string.contains(#""website":null"#))
                #expect(changed.employees == "1-9")
                #expect(changed.foundedYear == 2021, "fields not sent stay")
            }
            try await app.testing().test(.GET, "/api/v1/organisations?q=zeppelin") { response in
                let total = try response.content.decode(Total.self).total
                #expect(total == 0)
            }
            try await app.testing().test(.GET, "/api/v1/organisations/\(id)") { response in
                #expect(response.body.string.contains("Luftschiff Cargo"))
            }
            try await app.testing().test(.DELETE, "/api/v1/organisations/\(id)", headers: member.headers) { response in
                #expect(response.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/organisations/\(id)") { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.GET, "/api/v1/organisations?q=luftschiff") { response in
                let total = try response.content.decode(Total.self).total
                #expect(total == 0)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func badInputIsNamedAndChangesNothing(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 20) { app in
            let member = try await TestMember.make(app)
            var wrongKind = Self.newOrganisation
            wrongKind["kind"] = "spaceship"
            var noName = Self.newOrganisation
            noName.removeValue(forKey: "name")
            var typo = Self.newOrganisation
            typo["nmae"] = "x"
            var wrongType = Self.newOrganisation
            wrongType["foundedYear"] = "last year"
            var badTopic = Self.newOrganisation
            badTopic["topics"] = ["logistics", "telepathy"]
            let cases: [(Any, String)] = [
                (wrongKind, "kind"), (noName, "name"), (typo, "nmae"), (wrongType, "foundedYear"), (badTopic, "topics"),
                (["name": "A"] as [String: Any], "kind"),
            ]
            for (body, field) in cases {
                try await app.testing().test(.POST, "/api/v1/organisations", headers: member.headers, body: try Self.body(body)) { response in
                    #expect(response.status == .unprocessableEntity, "\(field)")
                    let problem = try response.content.decode(ProblemDetails.self)
                    #expect(problem.type == "urn:hubnet:problem:validation")
                    #expect(problem.errors?.contains { $0.field == field } == true, "\(field): \(problem.errors ?? [])")
                }
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: member.headers, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
            try await app.testing().test(.POST, "/api/v1/organisations",
                                         headers: ["Authorization": "Bearer \(member.token)", "Content-Type": "text/plain"],
                                         body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/not-a-uuid", headers: member.headers, body: try Self.body(["name": "Xy"])) { response in
                #expect(response.status == .badRequest)
            }
            try await app.testing().test(.GET, "/api/v1/organisations") { response in
                let total = try response.content.decode(Total.self).total
                #expect(total == 20)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func creatingAnExistingIDIsAConflict(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app)
            var body = Self.newOrganisation
            body["id"] = UUID().uuidString
            try await app.testing().test(.POST, "/api/v1/organisations", headers: member.headers, body: try Self.body(body)) { response in
                #expect(response.status == .created)
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: member.headers, body: try Self.body(body)) { response in
                #expect(response.status == .conflict)
            }
        }
    }
}

struct Total: Decodable {
    let total: Int
}
