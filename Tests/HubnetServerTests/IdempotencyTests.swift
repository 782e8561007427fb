import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

/// API writes with an Idempotency-Key: a retry answers as the first time and writes nothing,
/// also when the twins arrive at once; the same key with another body is refused.
@Suite struct IdempotencyTests {
    static func post(_ app: Application, _ path: String, _ member: TestMember, key: String?, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        var headers = member.headers
        if let key { headers.replaceOrAdd(name: "Idempotency-Key", value: key) }
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: MatchAPITests.body(body))
    }

    static func challenge(_ organisation: UUID, title: String = "Roboter für das Hochregallager") -> [String: Any] {
        ["organisation": organisation.uuidString, "kind": "challenge", "title": title,
         "text": "Wir suchen Startups für autonome Roboter im Hochregallager.", "topics": ["logistics"]]
    }

    @Test(arguments: TestDatabase.kinds)
    func aRetriedSubmissionAnswersAsTheFirstAndWritesNothing(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 20) { app in
            let poster = try await MatchAPITests.someOrganisation(app, kind: .corporate)
            let member = try await TestMember.make(app, roles: [.organisationAdmin(organisation: poster.id)])
            let before = try await OpportunityRecord.query(on: app.db).count()
            let first = try await Self.post(app, "/api/v1/opportunities", member, key: "submit-1", Self.challenge(poster.id))
            #expect(first.status == .created)
            let again = try await Self.post(app, "/api/v1/opportunities", member, key: "submit-1", Self.challenge(poster.id))
            #expect(again.status == .created)
            #expect(again.headers.first(name: "Idempotency-Replayed") == "true")
            #expect(again.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(try await OpportunityRecord.query(on: app.db).count() == before + 1)
            let other = try await Self.post(app, "/api/v1/opportunities", member, key: "submit-1", Self.challenge(poster.id, title: "Etwas anderes"))
            #expect(other.status == .unprocessableEntity)
            #expect(other.body.string.contains("Idempotency-Key"))
            let malformed = try await Self.post(app, "/api/v1/opportunities", member, key: "zwei wörter", Self.challenge(poster.id))
            #expect(malformed.status == .unprocessableEntity)
            // Keys are the member's own: another member's same key is a new submission.
            let colleague = try await TestMember.make(app, roles: [.organisationAdmin(organisation: poster.id)])
            #expect(try await Self.post(app, "/api/v1/opportunities", colleague, key: "submit-1", Self.challenge(poster.id)).status == .created)
            #expect(try await OpportunityRecord.query(on: app.db).count() == before + 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func twinsAtOnceMakeOneOpportunityAndOneStep(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 20) { app in
            let poster = try await MatchAPITests.someOrganisation(app, kind: .corporate)
            let member = try await TestMember.make(app, roles: [.organisationAdmin(organisation: poster.id)])
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: poster.hubSlug)])
            let before = try await OpportunityRecord.query(on: app.db).count()
            let locations = try await withThrowingTaskGroup(of: (UInt, String?).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await Self.post(app, "/api/v1/opportunities", member, key: "twins", Self.challenge(poster.id))
                        return (response.status.code, response.headers.first(name: .location))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(locations.allSatisfy { $0.0 == 201 })
            #expect(Set(locations.map(\.1)).count == 1)
            #expect(try await OpportunityRecord.query(on: app.db).count() == before + 1)

            let path = try #require(locations.first?.1) + "/steps"
            let steps = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await Self.post(app, path, manager, key: "vet-once", ["event": "accept"]).status.code }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(steps.allSatisfy { $0 == 200 }, "\(steps)")
            let id = try #require(UUID(uuidString: String(path.split(separator: "/")[3])))
            #expect(try await RoutingStore(app.db).load(id)?.history.map(\.event) == ["submit", "accept"])
        }
    }
}
