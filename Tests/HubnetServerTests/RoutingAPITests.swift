import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

/// The routing desk through the API alone: a request walked through every state, and a
/// scouting request to three hubs ending in one merged reply.
@Suite struct RoutingAPITests {
    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ member: TestMember, _ body: [String: Any]? = nil) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(method, path, headers: member.headers, body: try body.map(MatchAPITests.body))
    }

    @Test(arguments: TestDatabase.kinds)
    func aRequestWalksThroughEveryStateByAPI(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 30) { app in
            var organisations = DemoEcosystem(seed: 11).organisations(count: 2)
            organisations[0].hubSlug = "hamburg"
            organisations[1].hubSlug = "karlsruhe"
            for organisation in organisations { try await OrganisationStore(app.db).create(organisation) }
            let poster = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisations[0].id)])
            let recipient = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisations[1].id)])
            let hamburg = try await TestMember.make(app, roles: [.hubManager(hub: "hamburg")])
            let karlsruhe = try await TestMember.make(app, roles: [.hubManager(hub: "karlsruhe")])
            let created = try await Self.send(app, .POST, "/api/v1/opportunities", poster, [
                "organisation": organisations[0].id.uuidString, "kind": "challenge", "title": "Drohnen für die Inventur",
                "text": "Wir suchen Drohnen, die das Hochregallager zählen.", "topics": ["logistics"], "visibility": "anonymous"])
            #expect(created.status == .created)
            let id = try created.content.decode(OpportunityDTO.self).id
            let steps = "/api/v1/opportunities/\(id)/steps"
            func step(_ member: TestMember, _ body: [String: Any], _ state: String) async throws {
                let response = try await Self.send(app, .POST, steps, member, body)
                #expect(response.status == .ok, "\(body): \(response.body.string.prefix(300))")
                #expect(response.body.string.contains("\"state\":\"\(state)\""), "\(body)")
            }
            try await step(hamburg, ["event": "accept"], "published")
            try await step(hamburg, ["event": "route", "recipients": [organisations[1].id.uuidString], "hubs": ["karlsruhe"]], "routed")
            try await step(karlsruhe, ["event": "decline-referral", "hub": "karlsruhe", "reason": "Schon direkt angefragt"], "routed")
            // Before the introduction the recipient does not learn who posted the anonymous request.
            let before = try await Self.send(app, .GET, "/api/v1/opportunities/\(id)", recipient)
            #expect(before.status == .ok && !before.body.string.contains(organisations[0].name))
            try await step(recipient, ["event": "express-interest", "organisation": organisations[1].id.uuidString, "message": "Gern"], "routed")
            try await step(hamburg, ["event": "introduce", "organisation": organisations[1].id.uuidString], "introduced")
            let after = try await Self.send(app, .GET, "/api/v1/opportunities/\(id)", recipient)
            #expect(after.body.string.contains(organisations[0].name), "introduced: the poster is named to this recipient")
            try await step(recipient, ["event": "record-outcome", "organisation": organisations[1].id.uuidString, "outcome": "agreement"], "closed")
            let late = try await Self.send(app, .POST, steps, recipient, ["event": "express-interest", "organisation": organisations[1].id.uuidString])
            #expect(late.status == .conflict)
            #expect(late.headers.contentType?.subType == "problem+json")
            let routing = try await Self.send(app, .GET, "/api/v1/opportunities/\(id)/routing", poster)
            for event in ["submit", "accept", "route", "decline-referral", "express-interest", "introduce", "record-outcome"] {
                #expect(routing.body.string.contains("\"event\":\"\(event)\""), "\(event) in the history")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aScoutingRequestToThreeHubsEndsInOneMergedReplyByAPI(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 30) { app in
            var organisations = DemoEcosystem(seed: 12).organisations(count: 3)
            for (index, hub) in ["karlsruhe", "munich", "stuttgart"].enumerated() { organisations[index].hubSlug = hub }
            for organisation in organisations { try await OrganisationStore(app.db).create(organisation) }
            let agency = try await TestMember.make(app, roles: [.networkAdmin])
            let created = try await Self.send(app, .POST, "/api/v1/scouting", agency, [
                "title": "KI für die Prüfung", "text": "Ein Autobauer sucht KI für die optische Prüfung.", "clientName": "Kaizen Motors",
                "clientEmail": "scout@kaizen.example", "deadline": "2099-12-31", "hubs": ["karlsruhe", "munich", "stuttgart"]])
            #expect(created.status == .created)
            let id = try #require(created.headers.first(name: .location)?.split(separator: "/").last.map(String.init))
            for (index, hub) in ["karlsruhe", "munich", "stuttgart"].enumerated() {
                let manager = try await TestMember.make(app, roles: [.hubManager(hub: hub)])
                // Karlsruhe also names Munich's organisation: the reply keeps it once, with both hubs.
                let named = index == 0 ? [organisations[0].id.uuidString, organisations[1].id.uuidString] : [organisations[index].id.uuidString]
                let answer = try await Self.send(app, .POST, "/api/v1/scouting/\(id)/answers", manager, ["hub": hub, "organisations": named, "note": "Passt"])
                #expect(answer.status == .ok, "\(hub): \(answer.body.string.prefix(200))")
            }
            let reply = try await Self.send(app, .POST, "/api/v1/scouting/\(id)/reply", agency)
            #expect(reply.status == .ok)
            #expect(try await Self.send(app, .POST, "/api/v1/scouting/\(id)/reply", agency).status == .conflict)
            let text = reply.body.string
            #expect(text.contains("\"repliedAt\":\"") && text.components(separatedBy: organisations[1].id.lowercased).count >= 2)
            let mails = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == "scout@kaizen.example").all()
            #expect(mails.count == 1)
            #expect(mails.first?.body.contains("1. \(organisations[1].name)") == true)
        }
    }
}
