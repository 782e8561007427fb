import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor

/// The routing desk's steps through the actions, on both databases: the whole walk lands as
/// it is read back, the wrong hub is refused, and of two steps at once only one lands.
@Suite struct RoutingActionTests {
    struct Scene {
        let poster: Organisation
        let recipient: Organisation
        let opportunity: UUID
        let posterMember: TestMember
        let recipientMember: TestMember
        let manager: TestMember
        let otherManager: TestMember
    }

    static func scene(_ app: Application) async throws -> Scene {
        var organisations = DemoEcosystem(seed: UInt64.random(in: 1...UInt64.max)).organisations(count: 2)
        organisations[0].hubSlug = "hamburg"
        organisations[1].hubSlug = "karlsruhe"
        for organisation in organisations { try await OrganisationStore(app.db).create(organisation) }
        let post = Opportunity(organisationID: organisations[0].id, kind: .challenge, title: "KI für Containerterminals",
                               text: "Wir suchen Startups für die Stauplanung.", language: .de, topicSlugs: ["logistics"])
        try await OpportunityStore(app.db).create(post, by: nil)
        return Scene(poster: organisations[0], recipient: organisations[1], opportunity: post.id,
                     posterMember: try await TestMember.make(app, roles: [.organisationMember(organisation: organisations[0].id)]),
                     recipientMember: try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisations[1].id)]),
                     manager: try await TestMember.make(app, roles: [.hubManager(hub: "hamburg")]),
                     otherManager: try await TestMember.make(app, roles: [.hubManager(hub: "berlin")]))
    }

    static func actions(_ app: Application, _ member: TestMember) async throws -> RoutingActions {
        RoutingActions(try await ActionTests.context(app, for: member))
    }

    @Test(arguments: TestDatabase.kinds)
    func aRequestIsWalkedToItsOutcomeAndReadBackWithItsHistory(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let scene = try await Self.scene(app)
            let id = scene.opportunity
            _ = try await Self.actions(app, scene.posterMember).submit(id)
            let manager = try await Self.actions(app, scene.manager)
            _ = try await manager.apply(.accept, to: id)
            _ = try await manager.apply(.route(recipients: [scene.recipient.id], hubs: ["karlsruhe"]), to: id)
            _ = try await Self.actions(app, scene.recipientMember).apply(.expressInterest(organisation: scene.recipient.id, message: "Gern"), to: id)
            _ = try await manager.apply(.introduce(organisation: scene.recipient.id), to: id)
            let last = try await Self.actions(app, scene.posterMember).apply(.recordOutcome(organisation: scene.recipient.id, .pilot), to: id)
            #expect(last.state == .introduced)  // the referral to Karlsruhe is still open
            let stored = try #require(try await RoutingStore(app.db).load(id))
            #expect(stored == last)
            #expect(stored.history.map(\.event) == ["submit", "accept", "route", "express-interest", "introduce", "record-outcome"])
            #expect(stored.history[3].actor == scene.recipientMember.id && stored.history[3].note == "Gern")
            #expect(stored.outcomes[scene.recipient.id] == .pilot && stored.referrals["karlsruhe"] == .pending)
            let audited = try await AuditEntryRecord.query(on: app.db).filter(\.$objectID == id.lowercased).count()
            #expect(audited == 6)
            let queue = try await RoutingStore(app.db).cases(homeHubs: ["hamburg"], states: [.introduced])
            #expect(queue.map(\.opportunityID) == [id])

            // Each step told the people it concerns, once each, in Hubnet and by mail.
            let mails = try await OutboxMessageRecord.query(on: app.db).filter(\.$key ~~ "routing:\(id.lowercased)").all()
            #expect(Set(mails.map(\.key)).count == mails.count)
            let toPoster = mails.filter { $0.recipient == scene.posterMember.email }
            #expect(toPoster.contains { $0.body.contains("geprüft und veröffentlicht") })
            #expect(toPoster.contains { $0.body.contains(scene.recipientMember.email) }, "the introduction gives the poster the contact")
            let toRecipient = mails.filter { $0.recipient == scene.recipientMember.email }
            #expect(toRecipient.contains { $0.body.contains("Haben Sie Interesse?") })
            #expect(toRecipient.contains { $0.body.contains(scene.posterMember.email) })
            #expect(mails.contains { $0.recipient == scene.manager.email && $0.body.contains("hat Interesse") })
            // The actor is not told of their own step: the manager got no mail for vetting.
            #expect(!mails.contains { $0.recipient == scene.manager.email && $0.body.contains("geprüft und veröffentlicht") })
            #expect(try await NotificationStore(app.db).unreadCount(of: scene.posterMember.id) >= 2)
            try await NotificationStore(app.db).markAllRead(of: scene.posterMember.id, at: Date())
            #expect(try await NotificationStore(app.db).unreadCount(of: scene.posterMember.id) == 0)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anotherHubsManagerCannotVetAndAnIllegalStepChangesNothing(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let scene = try await Self.scene(app)
            let submitted = try await Self.actions(app, scene.posterMember).submit(scene.opportunity)
            await #expect(throws: DomainError.notAllowed) {
                try await Self.actions(app, scene.otherManager).apply(.accept, to: scene.opportunity)
            }
            await #expect(throws: DomainError.self) {
                try await Self.actions(app, scene.manager).apply(.introduce(organisation: scene.recipient.id), to: scene.opportunity)
            }
            #expect(try await RoutingStore(app.db).load(scene.opportunity) == submitted)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func ofTwoStepsAtOnceExactlyOneLands(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let scene = try await Self.scene(app)
            _ = try await Self.actions(app, scene.posterMember).submit(scene.opportunity)
            let manager = try await Self.actions(app, scene.manager)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for attempt in 0..<8 {
                    group.addTask {
                        let event: RoutingEvent = attempt % 2 == 0 ? .accept : .reject(reason: "Doppelt")
                        return (try? await manager.apply(event, to: scene.opportunity)) != nil
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let stored = try #require(try await RoutingStore(app.db).load(scene.opportunity))
            #expect(stored.history.count == 2)
        }
    }
}

/// The routing desk's clock: deadlines and service levels.
@Suite struct RoutingClockTests {
    @Test(arguments: TestDatabase.kinds)
    func aPassedDeadlineEndsTheRequestAndTellsThePosterOnce(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let scene = try await RoutingActionTests.scene(app)
            var late = Opportunity(organisationID: scene.poster.id, kind: .challenge, title: "Abgelaufene Suche",
                                   text: "Diese Suche hatte eine Frist, die vorbei ist.", language: .de, topicSlugs: ["logistics"])
            late.deadline = Date().addingTimeInterval(-3 * 86_400)
            try await OpportunityStore(app.db).create(late, by: nil)
            try await RoutingStore(app.db).save(.submitted(homeHub: "hamburg", by: scene.posterMember.id, at: Date()), for: late.id, replacing: nil)
            let clock = RoutingActions(app.commandActions)
            let first = try await clock.runClock()
            #expect(first.expired == 1)
            #expect(try await RoutingStore(app.db).load(late.id)?.state == .expired)
            #expect(try await RoutingStore(app.db).load(late.id)?.history.last?.actor == nil)
            let told = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == scene.posterMember.email)
                .filter(\.$key ~~ late.id.lowercased).count()
            #expect(told == 1)
            #expect(try await clock.runClock().expired == 0)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anOverdueVettingRemindsTheHubOncePerBreach(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let scene = try await RoutingActionTests.scene(app)
            // Submitted two weeks ago: far beyond two working days.
            try await RoutingStore(app.db).save(.submitted(homeHub: "hamburg", by: scene.posterMember.id, at: Date().addingTimeInterval(-14 * 86_400)),
                                                for: scene.opportunity, replacing: nil)
            let clock = RoutingActions(app.commandActions)
            #expect(try await clock.runClock().reminded == 1)
            #expect(try await clock.runClock().reminded == 0)
            let reminders = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == scene.manager.email)
                .filter(\.$subject ~~ "Überfällig").count()
            #expect(reminders == 1)
            let queue = try await RoutingActions(ActionTests.context(app, for: scene.manager)).queue()
            #expect(queue.first?.breaches.map(\.step) == [.vetting])
        }
    }
}

/// Scouting: one request to three hubs ends in one merged reply.
@Suite struct ScoutingTests {
    @Test func mergingKeepsEachOrganisationOnceRankedByHowManyHubsNamedIt() {
        let a = UUID(), b = UUID(), c = UUID(), d = UUID()
        let merged = ScoutingReply.merge([
            ScoutingShortlist(hub: "karlsruhe", organisations: [a, b], note: ""),
            ScoutingShortlist(hub: "munich", organisations: [c, a], note: "c ist stark"),
            ScoutingShortlist(hub: "stuttgart", organisations: [d], note: ""),
        ])
        #expect(merged.map(\.organisation).first == a)
        #expect(merged.first?.hubs == ["karlsruhe", "munich"])
        #expect(merged.count == 4)
        // Named once each: the better place first (b, c, d are all first or second).
        #expect(merged.dropFirst().map(\.bestPlace) == merged.dropFirst().map(\.bestPlace).sorted())
    }

    @Test(arguments: TestDatabase.kinds)
    func aRequestToThreeHubsEndsInOneMergedReply(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            var organisations = DemoEcosystem(seed: UInt64.random(in: 1...UInt64.max)).organisations(count: 4)
            for (index, hub) in ["karlsruhe", "munich", "stuttgart", "munich"].enumerated() { organisations[index].hubSlug = hub }
            for organisation in organisations { try await OrganisationStore(app.db).create(organisation) }
            let agency = try await TestMember.make(app, roles: [.networkAdmin])
            let managers = try await ["karlsruhe", "munich", "stuttgart"].asyncMap { try await TestMember.make(app, roles: [.hubManager(hub: $0)]) }
            let proposed = ScoutingRequest(title: "KI für die Qualitätsprüfung", text: "Ein Autobauer aus Japan sucht KI für die optische Prüfung.",
                                           topicSlugs: ["artificial-intelligence"], clientName: "Kaizen Motors", clientEmail: "scout@kaizen.example",
                                           clientLanguage: .en, deadline: Date().addingTimeInterval(7 * 86_400),
                                           hubs: ["karlsruhe", "munich", "stuttgart"])
            // Only the agency sends scouting requests.
            await #expect(throws: DomainError.notAllowed) { try await ScoutingActions(ActionTests.context(app, for: managers[0])).create(proposed) }
            let request = try await ScoutingActions(ActionTests.context(app, for: agency)).create(proposed)
            #expect(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == managers[1].email).count() == 1)
            // A hub answers for itself only, and once.
            await #expect(throws: DomainError.notAllowed) {
                try await ScoutingActions(ActionTests.context(app, for: managers[0])).answer(request.id, hub: "munich", organisations: [organisations[1].id], note: "")
            }
            try await ScoutingActions(ActionTests.context(app, for: managers[0])).answer(request.id, hub: "karlsruhe",
                                                                                       organisations: [organisations[0].id, organisations[1].id], note: "")
            try await ScoutingActions(ActionTests.context(app, for: managers[1])).answer(request.id, hub: "munich",
                                                                                       organisations: [organisations[1].id, organisations[3].id], note: "Stark in der Bildverarbeitung")
            await #expect(throws: DomainError.self) {
                try await ScoutingActions(ActionTests.context(app, for: managers[1])).answer(request.id, hub: "munich", organisations: [organisations[3].id], note: "")
            }
            let scouting = ScoutingActions(try await ActionTests.context(app, for: agency))
            #expect(try await scouting.find(request.id).pending == ["stuttgart"])
            try await scouting.reply(request.id)
            await #expect(throws: DomainError.self) { try await scouting.reply(request.id) }
            let mail = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == "scout@kaizen.example").first())
            #expect(mail.subject.hasPrefix("Reply to your scouting request"))
            // Named by two hubs, first; each organisation once; the hub that did not answer is named.
            let body = mail.body
            #expect(body.contains("1. \(organisations[1].name)"))
            #expect(body.components(separatedBy: organisations[1].name).count == 2)
            #expect(body.contains("Named by: Karlsruhe, Munich"))
            #expect(body.contains("Stark in der Bildverarbeitung"))
            #expect(body.contains("No answer so far: Stuttgart"))
            #expect(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == "scout@kaizen.example").count() == 1)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
