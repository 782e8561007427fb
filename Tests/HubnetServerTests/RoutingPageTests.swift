import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

/// The routing desk's pages for hub staff: the queue, its CSV, the service levels form.
@Suite struct RoutingPageTests {
    static let password = "correct horse battery"

    @Test(arguments: TestDatabase.kinds)
    func aManagerSeesTheQueueExportsItSafelyAndSetsServiceLevels(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            var organisation = DemoEcosystem(seed: 7).organisations(count: 1)[0]
            organisation.hubSlug = "hamburg"
            try await OrganisationStore(app.db).create(organisation)
            let post = Opportunity(organisationID: organisation.id, kind: .challenge, title: "=HYPERLINK(\"http://evil.example\")",
                                   text: "Eine Anfrage mit einer Formel im Titel.", language: .de, topicSlugs: ["logistics"])
            try await OpportunityStore(app.db).create(post, by: nil)
            try await RoutingStore(app.db).save(.submitted(homeHub: "hamburg", by: nil, at: Date()), for: post.id, replacing: nil)
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "hamburg")], password: Self.password)
            let browser = BrowserSession(app)
            let signIn = try await browser.signIn(email: manager.email, password: Self.password)
            try await browser.get(signIn.headers.first(name: .location) ?? "/de/account")

            let page = try await browser.get("/de/routing")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("HYPERLINK") && page.body.string.contains("id=\"funnel\""))
            // Filters: a kind that fits, one that does not, a broken one (named, the queue still shows).
            #expect(try await browser.get("/de/routing?kind=challenge&topic=logistics&hub=hamburg").body.string.contains("HYPERLINK"))
            #expect(!(try await browser.get("/de/routing?kind=investment-search").body.string.contains("HYPERLINK")))
            #expect(!(try await browser.get("/de/routing?overdue=1").body.string.contains("HYPERLINK")), "just submitted: not overdue")
            let broken = try await browser.get("/de/routing?sort=sideways")
            #expect(broken.status == .badRequest && broken.body.string.contains("sideways"))
            let csv = try await browser.get("/de/routing?format=csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.contains("'=HYPERLINK"), "a formula is defused")
            #expect(csv.body.string.contains("submitted"))

            let saved = try await browser.post("/de/routing/service-levels", ["hub": "hamburg", "vetWithin": "3", "routeWithin": "4",
                                                                             "answerReferralWithin": "6"])
            #expect(saved.status == .ok)
            #expect(saved.body.string.contains("Servicezeiten für Hamburg gespeichert"))
            #expect(try await RoutingStore(app.db).serviceLevels(of: "hamburg") == ServiceLevels(vetWithin: 3, routeWithin: 4, answerReferralWithin: 6))
            let refused = try await browser.post("/de/routing/service-levels", ["hub": "hamburg", "vetWithin": "0", "routeWithin": "x",
                                                                               "answerReferralWithin": "6"])
            #expect(refused.status == .unprocessableEntity)
            let otherHub = try await browser.post("/de/routing/service-levels", ["hub": "berlin", "vetWithin": "3", "routeWithin": "4",
                                                                                "answerReferralWithin": "6"])
            #expect(otherHub.status == .forbidden)
            #expect(try await RoutingStore(app.db).serviceLevels(of: "berlin") == .standard)
        }
    }
}

extension RoutingPageTests {
    @Test(arguments: TestDatabase.kinds)
    func thePosterChangesWhatTheHubAskedForAndResubmits(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            var organisation = DemoEcosystem(seed: 8).organisations(count: 1)[0]
            organisation.hubSlug = "cologne"
            try await OrganisationStore(app.db).create(organisation)
            let post = Opportunity(organisationID: organisation.id, kind: .challenge, title: "Versicherung digital",
                                   text: "Wir suchen etwas für Versicherungen.", language: .de, topicSlugs: ["insurtech"])
            try await OpportunityStore(app.db).create(post, by: nil)
            try await RoutingStore(app.db).save(.submitted(homeHub: "cologne", by: nil, at: Date()), for: post.id, replacing: nil)
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "cologne")], password: Self.password)
            let poster = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)], password: Self.password)

            let staff = BrowserSession(app)
            try await staff.get(try await staff.signIn(email: manager.email, password: Self.password).headers.first(name: .location) ?? "/de/account")
            try await staff.get("/de/opportunities/\(post.id.lowercased)")
            let empty = try await staff.post("/de/opportunities/\(post.id.lowercased)/steps", ["event": "ask-for-changes", "message": " "])
            #expect(empty.status == .conflict && empty.body.string.contains("Bitte schreiben Sie, was geändert werden soll."))
            let asked = try await staff.post("/de/opportunities/\(post.id.lowercased)/steps",
                                             ["event": "ask-for-changes", "message": "Bitte den Zeitraum und die Sparte nennen."])
            #expect(asked.status == .seeOther)

            let side = BrowserSession(app)
            try await side.get(try await side.signIn(email: poster.email, password: Self.password).headers.first(name: .location) ?? "/de/account")
            let page = try await side.get("/de/opportunities/\(post.id.lowercased)")
            #expect(page.body.string.contains("Bitte den Zeitraum und die Sparte nennen.") && page.body.string.contains("id=\"resubmit\""))
            let resubmitted = try await side.post("/de/opportunities/\(post.id.lowercased)/steps", [
                "event": "resubmit", "title": "Kfz-Versicherung digital abschließen",
                "text": "Wir suchen bis Sommer 2027 eine digitale Abschlussstrecke für die Kfz-Sparte."])
            #expect(resubmitted.status == .seeOther)
            #expect(try await OpportunityStore(app.db).find(post.id)?.title == "Kfz-Versicherung digital abschließen")
            #expect(try await RoutingStore(app.db).load(post.id)?.state == .submitted)
            // Nobody but the poster's side and the hub sees it before vetting.
            #expect(try await app.testing().sendRequest(.GET, "/de/opportunities/\(post.id.lowercased)").status == .notFound)
        }
    }
}
