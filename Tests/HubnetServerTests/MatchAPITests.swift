import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

@Suite struct MatchAPITests {
    static func body(_ object: Any) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
    }

    static func someOrganisation(_ app: Application, kind: OrganisationKind, hub: String? = nil) async throws -> Organisation {
        var found: Organisation?
        try await OrganisationStore(app.db).forEachBatch { batch in
            if found == nil { found = batch.first { $0.kind == kind && (hub == nil || $0.hubSlug == hub) } }
        }
        return try #require(found)
    }

    @Test(arguments: TestDatabase.kinds)
    func freeTextFindsPartnersWithReasonsAndTheHubsWhoseFocusFits(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 400) { app in
            try await app.testing().test(.GET, "/api/v1/matches?q=K%C3%BCnstliche%20Intelligenz&limit=5") { response in
                #expect(response.status == .ok)
                let list = try response.content.decode(PartnerListDTO.self)
                #expect(list.items.count == 5)
                #expect(list.topics == ["artificial-intelligence"])
                #expect(list.suggestedHubs.map(\.hub).contains("karlsruhe"))
                for item in list.items {
                    #expect(!item.reasons.isEmpty)
                    #expect(item.reasons.allSatisfy { !$0.explanation.de.isEmpty })
                }
                let scores = list.items.map(\.score)
                #expect(scores == scores.sorted(by: >))
            }
            // The same request as a body, with rules: only startups, only Karlsruhe.
            let body = try Self.body(["text": "KI Plattform", "kinds": ["startup"], "hubs": ["karlsruhe"], "onlyHubs": true, "limit": 10])
            try await app.testing().test(.POST, "/api/v1/matches", headers: ["Content-Type": "application/json"], body: body) { response in
                #expect(response.status == .ok)
                let items = try response.content.decode(PartnerListDTO.self).items
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { $0.organisation.kind == "startup" && $0.organisation.hub == "karlsruhe" })
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func badRequestsNameEveryProblemAndSearchNothing(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 50) { app in
            try await app.testing().test(.GET, "/api/v1/matches?q=x&topic=atlantis&kind=alien&hub=mars&limit=500") { response in
                #expect(response.status == .badRequest)
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let problem = try response.content.decode(ProblemDetails.self)
                #expect(Set(problem.errors?.map(\.field) ?? []) == ["topic", "kind", "hub", "limit"])
            }
            try await app.testing().test(.GET, "/api/v1/matches") { response in
                #expect(response.status == .badRequest)
                let problem = try response.content.decode(ProblemDetails.self)
                #expect(problem.errors?.map(\.field) == ["q"])
            }
            try await app.testing().test(.POST, "/api/v1/matches", headers: ["Content-Type": "text/plain"], body: ByteBuffer(string: "ki")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await app.testing().test(.GET, "/api/v1/matches/organisations/not-a-uuid") { response in
                #expect(response.status == .badRequest)
            }
            try await app.testing().test(.GET, "/api/v1/matches/organisations/\(UUID().uuidString)") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anOrganisationsPartnersNeverIncludeItselfAndLookBeyondItsHub(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 400) { app in
            let corporate = try await Self.someOrganisation(app, kind: .corporate, hub: "hamburg")
            try await app.testing().test(.GET, "/api/v1/matches/organisations/\(corporate.id.uuidString)") { response in
                #expect(response.status == .ok)
                let items = try response.content.decode(PartnerListDTO.self).items
                #expect(!items.map(\.organisation.id).contains(corporate.id.uuidString.lowercased()))
                let hubs = Set(items.map(\.organisation.hub))
                #expect(hubs.count > 1, "partners come from more than the requester's own hub")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func investorsAreRecommendedForAStartupWithoutAnyFundingHistory(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 600) { app in
            #expect(try await InvestmentStore(app.db).count() > 0, "the demo network has a deal history")
            let newcomer = Organisation(name: "Frischling Robotics", kind: .startup, hubSlug: "dortmund", city: "Dortmund",
                                        topicSlugs: ["logistics", "robotics"], description: .init("Neue Lagerroboter."),
                                        foundedYear: 2025, stage: .preSeed)
            try await OrganisationStore(app.db).create(newcomer)
            try await app.testing().test(.GET, "/api/v1/matches/investors/\(newcomer.id.uuidString)?limit=5") { response in
                #expect(response.status == .ok)
                let items = try response.content.decode(InvestorListDTO.self).items
                #expect(items.count == 5)
                for item in items {
                    #expect(item.investor.kind == "investor")
                    #expect(item.factors.contains { $0.kind == "topic" })
                }
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func opportunitiesArePostedMatchedShownByVisibilityAndWithdrawn(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 300) { app in
            let poster = try await Self.someOrganisation(app, kind: .corporate)
            let member = try await TestMember.make(app, roles: [.organisationAdmin(organisation: poster.id)])
            let stranger = try await TestMember.make(app)
            // The demo network comes with a board of posts.
            let seeded = try await OpportunityRecord.query(on: app.db).count()
            #expect(seeded > 0)
            let challenge: [String: Any] = [
                "organisation": poster.id.uuidString, "kind": "challenge", "title": "KI für die Lagerplanung",
                "text": "Wir suchen Startups mit Künstlicher Intelligenz für Lagerroboter und Routenplanung.", "language": "de",
                "topics": ["artificial-intelligence", "logistics"], "visibility": "hub-only", "deadline": "2099-12-31",
            ]
            // Bad input names every field and writes nothing.
            var broken = challenge
            broken["title"] = "x"
            broken["topics"] = ["atlantis"]
            broken["deadline"] = "2001-01-01"
            try await app.testing().test(.POST, "/api/v1/opportunities", headers: member.headers, body: try Self.body(broken)) { response in
                #expect(response.status == .unprocessableEntity)
                let fields = Set(try response.content.decode(ProblemDetails.self).errors?.map(\.field) ?? [])
                #expect(fields.isSuperset(of: ["title", "topics", "deadline"]))
            }
            #expect(try await OpportunityRecord.query(on: app.db).count() == seeded)
            try await app.testing().test(.POST, "/api/v1/opportunities", body: try Self.body(challenge)) { response in
                #expect(response.status == .unauthorized)
            }
            try await app.testing().test(.POST, "/api/v1/opportunities", headers: stranger.headers, body: try Self.body(challenge)) { response in
                #expect(response.status == .forbidden)
            }
            var id = ""
            try await app.testing().test(.POST, "/api/v1/opportunities", headers: member.headers, body: try Self.body(challenge)) { response in
                #expect(response.status == .created)
                id = try response.content.decode(OpportunityDTO.self).id
            }
            // Submitted: the poster and its hub's staff see it; the hub vets it through the API.
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/opportunities/\(id)", headers: member.headers)
                .content.decode(OpportunityDTO.self).state == "submitted")
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: poster.hubSlug)])
            try await app.testing().test(.POST, "/api/v1/opportunities/\(id)/steps", headers: member.headers,
                                         body: try Self.body(["event": "accept"])) { response in
                #expect(response.status == .forbidden, "the poster does not vet its own post")
            }
            try await app.testing().test(.POST, "/api/v1/opportunities/\(id)/steps", headers: manager.headers,
                                         body: try Self.body(["event": "introduce", "organisation": poster.id.uuidString])) { response in
                #expect(response.status == .conflict, "introducing before anything was routed is refused")
            }
            try await app.testing().test(.POST, "/api/v1/opportunities/\(id)/steps", headers: manager.headers,
                                         body: try Self.body(["event": "accept"])) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(#""state":"published""#))
            }
            // Hub only: hidden from the public and from members of other hubs, shown to the poster.
            try await app.testing().test(.GET, "/api/v1/opportunities/\(id)") { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.GET, "/api/v1/opportunities/\(id)", headers: member.headers) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/api/v1/matches/opportunities/\(id)", headers: member.headers) { response in
                #expect(response.status == .ok)
                let items = try response.content.decode(PartnerListDTO.self).items
                #expect(!items.isEmpty)
                // A challenge seeks startups, research and Mittelstand unless it names others.
                #expect(items.allSatisfy { ["startup", "research", "mittelstand"].contains($0.organisation.kind) })
            }
            // Anonymous: public, but without the poster's name for others.
            try await app.testing().test(.PATCH, "/api/v1/opportunities/\(id)", headers: member.headers,
                                         body: try Self.body(["visibility": "anonymous"])) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/api/v1/opportunities/\(id)") { response in
                #expect(response.status == .ok)
                let post = try response.content.decode(OpportunityDTO.self)
                #expect(post.organisation == nil && post.organisationName == nil)
                #expect(response.body.string.contains(#""organisation":null"#), "the poster is null, not left out")
            }
            try await app.testing().test(.PATCH, "/api/v1/opportunities/\(id)", headers: stranger.headers,
                                         body: try Self.body(["title": "Übernommen"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.DELETE, "/api/v1/opportunities/\(id)", headers: member.headers) { response in
                #expect(response.status == .noContent)
            }
            #expect(try await OpportunityRecord.query(on: app.db).count() == seeded)
        }
    }
}

@Suite struct OwnOrganisationsTests {
    @Test func aMembersOwnOrganisationsAreNeverProposedToThem() async throws {
        try await TestApp.with(.sqlite, organisations: 300) { app in
            let pair = try await OrganisationStore(app.db).find(try await OrganisationRecord.query(on: app.db)
                .filter(\.$hubSlug == "hamburg").limit(2).all().compactMap(\.id))
            let member = try await TestMember.make(app, roles: pair.map { .organisationAdmin(organisation: $0.id) })
            let first = pair[0], second = pair[1]
            // Words from the second's own profile, so that it would rank high if it were not excluded.
            let words = second.name
            let response = try await app.testing().sendRequest(.GET, "/api/v1/matches?q=\(words.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                                                               headers: member.headers)
            let ids = try response.content.decode(PartnerListDTO.self).items.map(\.organisation.id)
            #expect(!ids.contains(second.id.uuidString.lowercased()) && !ids.contains(first.id.uuidString.lowercased()))
            let forFirst = try await app.testing().sendRequest(.GET, "/api/v1/matches/organisations/\(first.id.uuidString.lowercased())",
                                                               headers: member.headers)
            #expect(!(try forFirst.content.decode(PartnerListDTO.self).items.map(\.organisation.id)).contains(second.id.uuidString.lowercased()))
        }
    }
}
