import Foundation
import HubnetCore
import HubnetPersistence
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

@Suite struct MatchPageTests {
    @Test(arguments: TestDatabase.kinds)
    func findPartnersShowsResultsWithReasonsInBothLanguages(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 300) { app in
            try await app.testing().test(.GET, "/de/matches") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Was suchen Sie?"))
                #expect(!response.body.string.contains("id=\"partners\""), "no search before words or a topic")
            }
            try await app.testing().test(.GET, "/de/matches?q=Logistik+Roboter") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("id=\"partners\""))
                #expect(html.contains("Warum"))
                #expect(html.contains("Hubs, deren Schwerpunkt passt"))
                #expect(html.contains("/de/hubs/hamburg") || html.contains("/de/hubs/dortmund"))
            }
            try await app.testing().test(.GET, "/en/matches?q=logistics&kind=startup") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Why"))
            }
            try await app.testing().test(.GET, "/en/matches?q=x&topic=atlantis") { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("Unknown topics: atlantis"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aStartupsProfileLeadsToPartnersAndInvestors(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 400) { app in
            var startup: Organisation?
            try await OrganisationStore(app.db).forEachBatch { batch in if startup == nil { startup = batch.first { $0.kind == .startup } } }
            let id = try #require(startup).id.uuidString.lowercased()
            try await app.testing().test(.GET, "/en/organisations/\(id)") { response in
                #expect(response.body.string.contains("href=\"/en/organisations/\(id)/matches\""))
                #expect(response.body.string.contains("href=\"/en/organisations/\(id)/investors\""))
            }
            try await app.testing().test(.GET, "/de/organisations/\(id)/matches") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Passende Partner für"))
            }
            try await app.testing().test(.GET, "/en/organisations/\(id)/investors") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("id=\"investors\""))
                #expect(response.body.string.contains("deals"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func postingNeedsAnAccountAndAnOrganisation(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 20) { app in
            try await app.testing().test(.GET, "/en/opportunities") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Sign in to post"))
            }
            try await app.testing().test(.GET, "/en/opportunities/new") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/en/sign-in") == true)
            }
        }
    }
}
