import Foundation
import HubnetCore
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

@Suite struct PageTests {
    @Test(arguments: TestDatabase.kinds)
    func theRootSendsVisitorsToTheirLanguage(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            try await app.testing().test(.GET, "/", headers: ["Accept-Language": "en-US,en;q=0.9"]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/en")
            }
            try await app.testing().test(.GET, "/", headers: ["Accept-Language": "de-DE"]) { response in
                #expect(response.headers.first(name: .location) == "/de")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theHomePageShowsTheMapAndTheCounts(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 200) { app in
            try await app.testing().test(.GET, "/de") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("<html lang=\"de\""))
                #expect(html.contains("<svg"))
                #expect(html.components(separatedBy: "<circle class=\"dot\"").count - 1 == 16)
                for hub in Network.hubs { #expect(html.contains("href=\"/de/hubs/\(hub.slug)\""), "\(hub.slug)") }
                #expect(html.contains("Organisationen je Hub und Art"))
                #expect(html.contains("<td>200</td>"), "total in the counts table")
                #expect(html.contains("href=\"/en\""), "language switch")
            }
            try await app.testing().test(.GET, "/en") { response in
                let html = response.body.string
                #expect(html.contains("<html lang=\"en\""))
                #expect(html.contains("Organisations per hub and kind"))
                #expect(html.contains(">Munich<"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aHubPageShowsItsFactsAndOrganisations(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 300) { app in
            try await app.testing().test(.GET, "/en/hubs/frankfurt-darmstadt") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("Frankfurt am Main, Darmstadt"))
                #expect(html.contains("Hesse"))
                #expect(html.contains("Cyber Security (Darmstadt)"))
                #expect(html.contains("Round 1, 17 November 2016"))
                #expect(html.contains("Darmstadt since April 2017"))
                #expect(html.contains("frankfurt-darmstadt@hub-agency.example"))
                // An attribute value is escaped: "&" is "&amp;" inside href.
                #expect(html.contains("/en/directory?hub=frankfurt-darmstadt&amp;kind=startup"))
            }
            try await app.testing().test(.GET, "/de/hubs/atlantis") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Nicht gefunden"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theDirectorySearchesFiltersAndPages(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 300) { app in
            try await app.testing().test(.GET, "/en/directory?q=logistics&hub=hamburg") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("organisations found") || html.contains("organisation found"))
                #expect(html.contains("id=\"facet-hub\""))
                #expect(html.contains("aria-pressed=\"true\""))
                #expect(html.contains("class=\"result-name\""))
                #expect(html.contains("value=\"logistics\""))
            }
            try await app.testing().test(.GET, "/de/directory?page=2") { response in
                #expect(response.body.string.contains("Seite 2 von 15"))
            }
            try await app.testing().test(.GET, "/de/directory?kind=spaceship") { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("Unbekannte Art „spaceship“"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aProfileShowsEveryFactInBothLanguages(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 30) { app in
            let organisation = DemoEcosystem().organisations(count: 30).first { $0.kind == .startup }!
            let id = organisation.id.uuidString.lowercased()
            try await app.testing().test(.GET, "/de/organisations/\(id)") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains(organisation.name.htmlEscaped))
                #expect(html.contains(organisation.description.de.htmlEscaped))
                #expect(html.contains("Wir bieten"))
                #expect(html.contains(organisation.stage!.label.de))
                #expect(html.contains("href=\"/en/organisations/\(id)\""))
            }
            try await app.testing().test(.GET, "/en/organisations/\(id)") { response in
                #expect(response.body.string.contains(organisation.description.en.htmlEscaped))
                #expect(response.body.string.contains("We offer"))
            }
            try await app.testing().test(.GET, "/en/organisations/\(UUID())") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Not found"))
            }
        }
    }
}

extension String {
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
