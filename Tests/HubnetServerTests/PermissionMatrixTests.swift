import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

/// Every mutating route × every kind of actor → the status the policy promises. Each case
/// gets its own target organisation in Hamburg and its own actor, so no case sees another's
/// writes. A wrong answer here is an IDOR or a locked-out member.
@Suite struct PermissionMatrixTests {
    enum Who: String, CaseIterable {
        case anonymous, memberOfAnother, member, organisationAdmin, managerOfAnotherHub, manager, networkAdmin
    }

    /// What exists around one case: the target organisation, a claim on it, a bystander.
    struct Scene {
        let target: Organisation
        let claim: UUID
        /// A public challenge the target posted.
        let opportunity: UUID
        /// Another, submitted to Hamburg's routing desk and not yet vetted.
        let request: UUID
        /// A scouting request that asks Hamburg and Berlin, unanswered.
        let scouting: UUID
        /// Hamburg's open call, and the Berlin organisation's submitted application to it.
        let call: UUID
        let application: UUID
        /// A Hamburg desk for Hamburg's organisations, the target's booking of it next week, a
        /// Hamburg matchmaking day and the bystander's registration for it.
        let desk: UUID
        let booking: UUID
        let event: UUID
        let registration: UUID
        /// A free weekday hour next week, as the API and the form take it.
        let freeHour: Date
        let bystander: TestMember
        let actor: TestMember?
    }

    static func scene(_ app: Application, _ who: Who) async throws -> Scene {
        let organisations = DemoEcosystem(seed: UInt64.random(in: 1...UInt64.max)).organisations(count: 2)
        var target = organisations[0]
        target.hubSlug = "hamburg"
        var other = organisations[1]
        other.hubSlug = "berlin"
        other.stage = other.kind == .startup ? other.stage : nil
        try await OrganisationStore(app.db).create(target)
        try await OrganisationStore(app.db).create(other)
        // Added by a member and not yet approved by its hub.
        try await PendingOrganisationRecord(organisationID: target.id, createdBy: nil).create(on: app.db)
        let bystander = try await TestMember.make(app)
        let claim = ClaimRecord(memberID: bystander.id, organisationID: target.id, message: "")
        try await claim.create(on: app.db)
        let post = Opportunity(organisationID: target.id, kind: .challenge, title: "Sensoren für Container",
                               text: "Wir suchen Sensorik für Kühlcontainer.", language: .de, topicSlugs: ["logistics"])
        try await OpportunityStore(app.db).create(post, by: nil)
        let request = Opportunity(organisationID: target.id, kind: .challenge, title: "Kräne mit KI",
                                  text: "Wir suchen KI für die Kransteuerung.", language: .de, topicSlugs: ["logistics"])
        try await OpportunityStore(app.db).create(request, by: nil)
        try await RoutingStore(app.db).save(.submitted(homeHub: "hamburg", by: nil, at: Date()), for: request.id, replacing: nil)
        let scouting = ScoutingRequest(title: "Sensorik gesucht", text: "Ein Reeder sucht Sensorik für Container.", topicSlugs: ["logistics"],
                                       clientName: "Reederei Nord", clientEmail: "scout@reederei.example", clientLanguage: .de,
                                       deadline: Date().addingTimeInterval(30 * 86_400), hubs: ["hamburg", "berlin"])
        try await ScoutingStore(app.db).create(scouting, by: nil)
        let call = Call(title: .init(de: "Hafen-Accelerator", en: "Port accelerator"),
                        description: .init(de: "Zwölf Wochen im Hamburger Hafen.", en: "Twelve weeks in the port of Hamburg."),
                        kind: .programme, hub: "hamburg",
                        rounds: [CallRound(number: 1, opens: Date().addingTimeInterval(-3_600), closes: Date().addingTimeInterval(30 * 86_400))],
                        definition: CallDefinition(fields: [ApplicationField(key: "f1", kind: .text, label: .init(de: "Idee", en: "Idea"))],
                                                   criteria: [CallCriterionDefinition(key: "c1", label: .init(de: "Idee", en: "Idea"))]))
        try await CallStore(app.db).create(call, by: nil)
        let application = CallApplication(callID: call.id, round: 1, organisationID: other.id, applicantName: other.name, hubSlug: other.hubSlug,
                                          applicantMemberID: nil, state: .submitted, answers: ["f1": "Kräne"], submittedAt: Date())
        try await CallStore(app.db).save(application)
        let desk = Resource(hubSlug: "hamburg", city: "Hamburg", kind: .desk, name: .init(de: "Flex-Desk", en: "Flex desk"), rule: .hubMembers)
        try await PlaceStore(app.db).save(desk)
        var day = NetworkCalendar.calendar.startOfDay(for: Date().addingTimeInterval(7 * 86_400))
        while desk.opening(on: day) == nil { day = NetworkCalendar.nextDay(after: day) }
        let hour = { (h: Int) in NetworkCalendar.calendar.date(bySettingHour: h, minute: 0, second: 0, of: day)! }
        let booking = Booking(resourceID: desk.id, organisationID: target.id, memberID: nil, start: hour(10), end: hour(11), createdAt: Date())
        try await PlaceStore(app.db).insert(booking)
        let event = Event(hubSlug: "hamburg", kind: .matchmakingDay, title: .init(de: "Hafen-Matchmaking", en: "Port matchmaking"), venue: "Hafen",
                          start: hour(9), end: hour(13), capacity: 50, createdAt: Date())
        try await EventStore(app.db).save(event)
        let registration = Registration(eventID: event.id, memberID: bystander.id, organisationID: nil, state: .registered, createdAt: Date())
        try await EventStore(app.db).save(registration)
        let roles: [Role]? = switch who {
        case .anonymous: nil
        case .memberOfAnother: [.organisationAdmin(organisation: other.id)]
        case .member: [.organisationMember(organisation: target.id)]
        case .organisationAdmin: [.organisationAdmin(organisation: target.id)]
        case .managerOfAnotherHub: [.hubManager(hub: "berlin")]
        case .manager: [.hubManager(hub: "hamburg")]
        case .networkAdmin: [.networkAdmin]
        }
        var actor: TestMember?
        if let roles { actor = try await TestMember.make(app, roles: roles, password: "correct horse battery") }
        return Scene(target: target, claim: claim.id!, opportunity: post.id, request: request.id, scouting: scouting.id,
                     call: call.id, application: application.id, desk: desk.id, booking: booking.id, event: event.id,
                     registration: registration.id, freeHour: hour(14), bystander: bystander, actor: actor)
    }

    struct Route: Sendable, CustomTestStringConvertible {
        let name: String
        let method: HTTPMethod
        let path: @Sendable (Scene) -> String
        let body: @Sendable (Scene) -> [String: Any]?
        /// In the order of `Who.allCases`.
        let expected: [UInt]

        var testDescription: String { name }
    }

    static let routes: [Route] = [
        Route(name: "POST /organisations", method: .POST, path: { _ in "/api/v1/organisations" }, body: { _ in
            ["name": "Neu GmbH", "kind": "mittelstand", "hub": "hamburg", "city": "Hamburg", "topics": ["logistics"],
             "description": ["de": "Neu", "en": ""]] }, expected: [401, 201, 201, 201, 201, 201, 201]),
        Route(name: "PATCH /organisations/{id}", method: .PATCH, path: { "/api/v1/organisations/\($0.target.id)" },
              body: { _ in ["city": "Hamburg-Altona"] }, expected: [401, 403, 200, 200, 403, 200, 200]),
        Route(name: "DELETE /organisations/{id}", method: .DELETE, path: { "/api/v1/organisations/\($0.target.id)" },
              body: { _ in nil }, expected: [401, 403, 403, 204, 403, 204, 204]),
        // A JSON body is no image: whoever may edit gets 422 (the policy is asked first).
        Route(name: "PUT /organisations/{id}/logo", method: .PUT, path: { "/api/v1/organisations/\($0.target.id)/logo" },
              body: { _ in ["logo": "not an image"] }, expected: [401, 403, 422, 422, 403, 422, 422]),
        Route(name: "DELETE /organisations/{id}/logo", method: .DELETE, path: { "/api/v1/organisations/\($0.target.id)/logo" },
              body: { _ in nil }, expected: [401, 403, 404, 404, 403, 404, 404]),
        Route(name: "POST /organisations/{id}/claims", method: .POST, path: { "/api/v1/organisations/\($0.target.id)/claims" },
              body: { _ in ["message": "I work here"] }, expected: [401, 201, 403, 403, 201, 201, 201]),
        Route(name: "POST /organisations/{id}/approve", method: .POST, path: { "/api/v1/organisations/\($0.target.id)/approve" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 204, 204]),
        Route(name: "POST /claims/{id}/approve", method: .POST, path: { "/api/v1/claims/\($0.claim)/approve" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 200, 200]),
        Route(name: "POST /claims/{id}/reject", method: .POST, path: { "/api/v1/claims/\($0.claim)/reject" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 200, 200]),
        Route(name: "PUT /organisations/{id}/members/{member}", method: .PUT,
              path: { "/api/v1/organisations/\($0.target.id)/members/\($0.bystander.id)" },
              body: { _ in ["level": "member"] }, expected: [401, 403, 403, 204, 403, 204, 204]),
        Route(name: "DELETE /organisations/{id}/members/{member}", method: .DELETE,
              path: { "/api/v1/organisations/\($0.target.id)/members/\($0.bystander.id)" },
              body: { _ in nil }, expected: [401, 403, 403, 204, 403, 204, 204]),
        Route(name: "POST /roles", method: .POST, path: { _ in "/api/v1/roles" },
              body: { ["email": $0.bystander.email, "role": "hub_manager", "scope": "hamburg"] }, expected: [401, 403, 403, 403, 403, 403, 204]),
        Route(name: "POST /me/tokens", method: .POST, path: { _ in "/api/v1/me/tokens" },
              body: { _ in ["name": "ci", "scope": "read"] }, expected: [401, 201, 201, 201, 201, 201, 201]),
        Route(name: "DELETE /me/tokens/{id}", method: .DELETE, path: { "/api/v1/me/tokens/\($0.actor?.tokenID ?? UUID())" },
              body: { _ in nil }, expected: [401, 204, 204, 204, 204, 204, 204]),
        Route(name: "POST /opportunities", method: .POST, path: { _ in "/api/v1/opportunities" }, body: { scene in
            ["organisation": scene.target.id.uuidString, "kind": "scouting-request", "title": "Neue Materialien",
             "text": "Wir suchen leichte Werkstoffe für Drohnen.", "topics": ["new-materials"]] },
              expected: [401, 403, 201, 201, 403, 201, 201]),
        Route(name: "PATCH /opportunities/{id}", method: .PATCH, path: { "/api/v1/opportunities/\($0.opportunity)" },
              body: { _ in ["title": "Sensoren für Kühlcontainer"] }, expected: [401, 403, 200, 200, 403, 200, 200]),
        Route(name: "DELETE /opportunities/{id}", method: .DELETE, path: { "/api/v1/opportunities/\($0.opportunity)" },
              body: { _ in nil }, expected: [401, 403, 204, 204, 403, 204, 204]),
        // Scouting requests are the agency's.
        Route(name: "POST /scouting", method: .POST, path: { _ in "/api/v1/scouting" }, body: { _ in
            ["title": "KI für die Prüfung", "text": "Ein Autobauer sucht KI für die optische Prüfung.", "clientName": "Kaizen Motors",
             "clientEmail": "scout@kaizen.example", "deadline": "2099-12-31", "hubs": ["karlsruhe"]] },
              expected: [401, 403, 403, 403, 403, 403, 201]),
        // A hub answers a scouting request for itself; only the agency replies (nobody answered yet: 409).
        Route(name: "POST /scouting/{id}/answers", method: .POST, path: { "/api/v1/scouting/\($0.scouting)/answers" },
              body: { ["hub": "hamburg", "organisations": [$0.target.id.uuidString]] }, expected: [401, 403, 403, 403, 403, 200, 200]),
        Route(name: "POST /scouting/{id}/reply", method: .POST, path: { "/api/v1/scouting/\($0.scouting)/reply" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 403, 409]),
        // Vetting is the home hub's (and the agency's) alone.
        Route(name: "POST /opportunities/{id}/steps", method: .POST, path: { "/api/v1/opportunities/\($0.request)/steps" },
              body: { _ in ["event": "accept"] }, expected: [401, 403, 403, 403, 403, 200, 200]),
        // Calls: members apply for their own organisations; the call's hub runs it; jurors review.
        Route(name: "POST /calls/{id}/applications", method: .POST, path: { "/api/v1/calls/\($0.call)/applications" },
              body: { ["organisation": $0.target.id.uuidString, "answers": ["f1": "Autonome Kräne"], "submit": true] },
              expected: [401, 403, 201, 201, 403, 403, 403]),
        Route(name: "POST /applications/{id}/withdraw", method: .POST, path: { "/api/v1/applications/\($0.application)/withdraw" },
              body: { _ in nil }, expected: [401, 200, 404, 404, 404, 403, 403]),
        Route(name: "POST /applications/{id}/review", method: .POST, path: { "/api/v1/applications/\($0.application)/review" },
              body: { _ in ["scores": ["c1": 3]] }, expected: [401, 403, 404, 404, 404, 403, 403]),
        Route(name: "GET /calls/{id}/ranking", method: .GET, path: { "/api/v1/calls/\($0.call)/ranking" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 200, 200]),
        // Places: the desk is for Hamburg's organisations; members book for their own.
        Route(name: "POST /resources/{id}/bookings", method: .POST, path: { "/api/v1/resources/\($0.desk)/bookings" },
              body: { ["organisation": $0.target.id.uuidString, "start": $0.freeHour.ISO8601Format(),
                       "end": $0.freeHour.addingTimeInterval(3600).ISO8601Format()] },
              expected: [401, 403, 201, 201, 403, 201, 201]),
        Route(name: "POST /bookings/{id}/cancel", method: .POST, path: { "/api/v1/bookings/\($0.booking)/cancel" },
              body: { _ in nil }, expected: [401, 404, 200, 200, 404, 200, 200]),
        Route(name: "POST /events", method: .POST, path: { _ in "/api/v1/events" }, body: { scene in
            ["hub": "hamburg", "kind": "workshop", "title": ["de": "Drohnen-Workshop", "en": "Drone workshop"], "venue": "Hafen",
             "start": scene.freeHour.ISO8601Format(), "end": scene.freeHour.addingTimeInterval(7200).ISO8601Format(), "capacity": 20] },
              expected: [401, 403, 403, 403, 403, 201, 201]),
        Route(name: "POST /events/{id}/cancel", method: .POST, path: { "/api/v1/events/\($0.event)/cancel" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 200, 200]),
        Route(name: "POST /events/{id}/registration", method: .POST, path: { "/api/v1/events/\($0.event)/registration" },
              body: { _ in [:] }, expected: [401, 201, 201, 201, 201, 201, 201]),
        Route(name: "POST /events/{id}/matchmaking/schedule", method: .POST, path: { "/api/v1/events/\($0.event)/matchmaking/schedule" },
              body: { _ in nil }, expected: [401, 403, 403, 403, 403, 200, 200]),
        Route(name: "DELETE /me", method: .DELETE, path: { _ in "/api/v1/me" }, body: { _ in nil },
              expected: [401, 204, 204, 204, 204, 204, 204]),
    ]

    @Test(arguments: TestDatabase.kinds, routes)
    func everyAPIRouteAnswersEveryActorAsThePolicySays(_ kind: TestDatabase.Kind, route: Route) async throws {
        try await TestApp.with(kind) { app in
            for (who, expected) in zip(Who.allCases, route.expected) {
                let scene = try await Self.scene(app, who)
                var headers: HTTPHeaders = ["Content-Type": "application/json"]
                if let actor = scene.actor { headers = actor.headers }
                let body = try route.body(scene).map { ByteBuffer(data: try JSONSerialization.data(withJSONObject: $0)) }
                let response = try await app.testing().sendRequest(route.method, route.path(scene), headers: headers, body: body)
                #expect(response.status.code == expected, "\(route.name) as \(who): \(response.body.string.prefix(200))")
                // Refused requests changed nothing.
                if expected >= 400 {
                    let target = try await OrganisationStore(app.db).find(scene.target.id)
                    #expect(target == scene.target, "\(route.name) as \(who) changed the organisation")
                }
            }
        }
    }

    /// The same for the HTML forms, signed in through the sign-in form with a session cookie.
    struct FormRoute: Sendable, CustomTestStringConvertible {
        let name: String
        let path: @Sendable (Scene) -> String
        let fields: @Sendable (Scene) -> [String: String]
        /// "ok" (a 2xx or a redirect that is not to sign-in), "sign-in", or a status.
        let expected: [String]

        var testDescription: String { name }
    }

    static let formRoutes: [FormRoute] = [
        FormRoute(name: "edit organisation", path: { "/de/organisations/\($0.target.id)/edit" }, fields: { scene in
            ["name": scene.target.name, "kind": scene.target.kind.rawValue, "hub": "hamburg", "city": "Hamburg",
             "description_de": "Neu beschrieben", "description_en": "", "offers_de": "", "offers_en": "", "seeks_de": "",
             "seeks_en": "", "website": "", "foundedYear": "", "topics[]": scene.target.topicSlugs[0]] },
                  expected: ["sign-in", "403", "ok", "ok", "403", "ok", "ok"]),
        // Without a file: whoever may edit is asked for one (422), the others are refused.
        FormRoute(name: "upload logo", path: { "/de/organisations/\($0.target.id)/logo" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "422", "422", "403", "422", "422"]),
        FormRoute(name: "remove logo", path: { "/de/organisations/\($0.target.id)/logo/remove" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "404", "404", "403", "404", "404"]),
        FormRoute(name: "claim organisation", path: { "/de/organisations/\($0.target.id)/claim" }, fields: { _ in ["message": "Hallo"] },
                  expected: ["sign-in", "ok", "403", "403", "ok", "ok", "ok"]),
        FormRoute(name: "approve claim", path: { "/de/claims/\($0.claim)/approve" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "reject claim", path: { "/de/claims/\($0.claim)/reject" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "create token", path: { _ in "/de/account/tokens" }, fields: { _ in ["name": "laptop", "scope": "read"] },
                  expected: ["sign-in", "ok", "ok", "ok", "ok", "ok", "ok"]),
        FormRoute(name: "new organisation", path: { _ in "/de/organisations/new" }, fields: { _ in
            ["name": "Formular GmbH", "kind": "mittelstand", "hub": "hamburg", "city": "Hamburg", "topics[]": "logistics",
             "description_de": "Neu", "description_en": "", "offers_de": "", "offers_en": "", "seeks_de": "", "seeks_en": "",
             "website": "", "foundedYear": ""] },
                  expected: ["sign-in", "ok", "ok", "ok", "ok", "ok", "ok"]),
        FormRoute(name: "revoke token", path: { "/de/account/tokens/\($0.actor?.tokenID ?? UUID())/revoke" }, fields: { _ in [:] },
                  expected: ["sign-in", "ok", "ok", "ok", "ok", "ok", "ok"]),
        // The form offers the organisations one acts for: hub staff post through the API.
        FormRoute(name: "new opportunity", path: { _ in "/de/opportunities/new" }, fields: { scene in
            ["organisation": scene.target.id.uuidString.lowercased(), "kind": "challenge", "title": "Formular-Challenge",
             "text": "Wir suchen Partner für Lagerroboter.", "language": "de", "topics[]": "logistics", "deadline": "",
             "visibility": "public"] },
                  expected: ["sign-in", "422", "ok", "ok", "422", "422", "422"]),
        FormRoute(name: "vet a request", path: { "/de/opportunities/\($0.request)/steps" }, fields: { _ in ["event": "accept"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "set service levels", path: { _ in "/de/routing/service-levels" }, fields: { _ in
            ["hub": "hamburg", "vetWithin": "3", "routeWithin": "4", "answerReferralWithin": "5"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "new scouting request", path: { _ in "/de/scouting/new" }, fields: { _ in
            ["clientName": "Kaizen Motors", "clientEmail": "scout@kaizen.example", "clientLanguage": "en", "title": "KI für die Prüfung",
             "text": "Ein Autobauer sucht KI für die optische Prüfung.", "hubs[]": "karlsruhe", "deadline": "2099-12-31"] },
                  expected: ["sign-in", "403", "403", "403", "403", "403", "ok"]),
        FormRoute(name: "answer scouting request", path: { "/de/scouting/\($0.scouting)/answer" }, fields: { scene in
            ["hub": "hamburg", "organisations[]": scene.target.id.uuidString.lowercased(), "note": "Passt"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "reply to scouting request", path: { "/de/scouting/\($0.scouting)/reply" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "403", "403", "403", "403", "409"]),
        FormRoute(name: "mark notifications read", path: { _ in "/de/notifications/read" }, fields: { _ in [:] },
                  expected: ["sign-in", "ok", "ok", "ok", "ok", "ok", "ok"]),
        FormRoute(name: "withdraw opportunity", path: { "/de/opportunities/\($0.opportunity)/withdraw" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "ok", "ok", "403", "ok", "ok"]),
        FormRoute(name: "appoint staff", path: { _ in "/de/staff/roles" }, fields: { _ in
            ["email": "nobody-at-all@example.org", "role": "hub_manager", "scope": "hamburg"] },
                  expected: ["sign-in", "403", "403", "403", "403", "403", "422"]),
        FormRoute(name: "change e-mail", path: { _ in "/de/account/email" }, fields: { _ in
            ["new_email": "elsewhere@example.org", "email_password": "certainly not the password"] },
                  expected: ["sign-in", "422", "422", "422", "422", "422", "422"]),
        // Signed in, a wrong current password is named; signed out, the form leads to sign-in.
        FormRoute(name: "change password", path: { _ in "/de/account/password" }, fields: { _ in
            ["current": "certainly not the password", "password": "a new long password"] },
                  expected: ["sign-in", "422", "422", "422", "422", "422", "422"]),
        FormRoute(name: "new call", path: { _ in "/de/calls/new" }, fields: { _ in
            ["titleDe": "Hafen-Pitch", "titleEn": "Port pitch", "descriptionDe": "Startups pitchen im Hafen.", "descriptionEn": "Startups pitch in the port.",
             "kind": "pitch_night", "hub": "hamburg", "opens1": "2099-01-01T10:00", "closes1": "2099-02-01T10:00",
             "criterion1De": "Idee", "criterion1En": "Idea", "reviewersPerApplication": "2", "jurorLoad": "5", "disagreement": "0.3"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "start an application", path: { "/de/calls/\($0.call)/apply" }, fields: { scene in
            ["organisation": scene.target.id.uuidString.lowercased()] },
                  expected: ["sign-in", "403", "ok", "ok", "403", "403", "403"]),
        FormRoute(name: "invite a juror", path: { "/de/calls/\($0.call)/jury/invite" }, fields: { scene in
            ["email": scene.bystander.email, "name": "", "expertise": "Häfen"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        // No jurors yet: the organisers are told so (409), the others are refused.
        FormRoute(name: "assign the jury", path: { "/de/calls/\($0.call)/jury/assign" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "403", "403", "403", "409", "409"]),
        FormRoute(name: "declare a conflict", path: { "/de/calls/\($0.call)/review/conflict" }, fields: { scene in
            ["application": scene.application.uuidString.lowercased(), "reason": "Mein Arbeitgeber"] },
                  expected: ["sign-in", "403", "403", "403", "403", "403", "403"]),
        // The round is still open: the organisers may not publish yet (409).
        FormRoute(name: "publish a round", path: { "/de/calls/\($0.call)/publish" }, fields: { _ in ["round": "1", "confirm": "yes"] },
                  expected: ["sign-in", "403", "403", "403", "403", "409", "409"]),
        FormRoute(name: "withdraw an application", path: { "/de/applications/\($0.application)/withdraw" }, fields: { _ in [:] },
                  expected: ["sign-in", "ok", "404", "404", "404", "403", "403"]),
        FormRoute(name: "book a desk", path: { "/de/resources/\($0.desk)/book" }, fields: { scene in
            ["organisation": scene.target.id.uuidString.lowercased(), "start": scene.freeHour.ISO8601Format(), "minutes": "60"] },
                  expected: ["sign-in", "403", "ok", "ok", "403", "ok", "ok"]),
        FormRoute(name: "cancel a booking", path: { "/de/bookings/\($0.booking)/cancel" }, fields: { _ in [:] },
                  expected: ["sign-in", "404", "ok", "ok", "404", "ok", "ok"]),
        // Nobody came to a booking that has not begun: the hub's team is told it is too early.
        FormRoute(name: "mark a no-show", path: { "/de/bookings/\($0.booking)/no-show" }, fields: { _ in [:] },
                  expected: ["sign-in", "404", "403", "403", "404", "409", "409"]),
        FormRoute(name: "new resource", path: { _ in "/de/resources/new" }, fields: { _ in
            ["hub": "hamburg", "city": "Hamburg", "kind": "3d_printer", "rule": "everyone", "name_de": "Drucker", "name_en": "Printer",
             "opening_hours": "Mo-Fr 09:00-18:00", "granularity": "30", "maximum": "4", "ahead": "30", "active": "on"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "new event", path: { _ in "/de/events/new" }, fields: { _ in
            ["hub": "hamburg", "kind": "pitch_night", "title_de": "Hafen-Pitch", "title_en": "Port pitch", "venue": "Hafen",
             "start": "2099-01-01T18:00", "end": "2099-01-01T21:00", "capacity": "40"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "register for an event", path: { "/de/events/\($0.event)/register" }, fields: { _ in [:] },
                  expected: ["sign-in", "ok", "ok", "ok", "ok", "ok", "ok"]),
        FormRoute(name: "tick at the door", path: { "/de/events/\($0.event)/check-in" }, fields: { scene in
            ["registration": scene.registration.uuidString.lowercased(), "present": "1"] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "schedule a matchmaking day", path: { "/de/events/\($0.event)/matchmaking/schedule" }, fields: { _ in [:] },
                  expected: ["sign-in", "403", "403", "403", "403", "ok", "ok"]),
        FormRoute(name: "delete account", path: { _ in "/de/account/delete" }, fields: { _ in ["confirm": "yes"] },
                  expected: ["sign-in", "ok", "ok", "ok", "ok", "ok", "ok"]),
    ]

    @Test(arguments: TestDatabase.kinds, formRoutes)
    func everyFormAnswersEveryActorAsThePolicySays(_ kind: TestDatabase.Kind, route: FormRoute) async throws {
        try await TestApp.with(kind) { app in
            for (who, expected) in zip(Who.allCases, route.expected) {
                let scene = try await Self.scene(app, who)
                let browser = BrowserSession(app)
                if let actor = scene.actor {
                    let signIn = try await browser.signIn(email: actor.email, password: "correct horse battery")
                    #expect(signIn.status == .seeOther, "sign-in as \(who)")
                    // As a browser does: follow the redirect, which carries the new session's token.
                    try await browser.get(signIn.headers.first(name: .location) ?? "/de/account")
                }
                // A visitor holds a session and CSRF token from the sign-in form, so what stops
                // them below is the policy, not the missing token.
                if scene.actor == nil { try await browser.get("/de/sign-in") }
                let response = try await browser.post(route.path(scene), route.fields(scene))
                let location = response.headers.first(name: .location) ?? ""
                let outcome = location.contains("/sign-in") ? "sign-in"
                    : (response.status.code < 400 ? "ok" : String(response.status.code))
                #expect(outcome == expected, "\(route.name) as \(who): \(response.status) \(location)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aFormWithoutTheCSRFTokenIsRefused(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let scene = try await Self.scene(app, .organisationAdmin)
            let browser = BrowserSession(app)
            _ = try await browser.signIn(email: scene.actor!.email, password: "correct horse battery")
            let response = try await browser.post("/de/organisations/\(scene.target.id)/claim", ["_csrf": "forged"])
            #expect(response.status == .forbidden)
            let claims = try await ClaimRecord.query(on: app.db).filter(\.$memberID == scene.actor!.id).count()
            #expect(claims == 0)
        }
    }
}
