import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor

/// A call from setup to published results through the actions, on both databases.
@Suite struct CallActionTests {
    static func context(_ app: Application, _ member: TestMember, at date: Date? = nil) async throws -> ActionContext {
        let context = try await ActionTests.context(app, for: member)
        guard let date else { return context }
        var services = context.services
        services.clock = { date }
        return ActionContext(database: app.db, actor: context.actor, services: services)
    }

    static func proposedCall(now: Date) -> Call {
        Call(title: .init(de: "Pitch-Abend KI", en: "AI pitch night"),
             description: .init(de: "Zehn Startups pitchen vor Investoren.", en: "Ten startups pitch to investors."),
             kind: .pitchNight, hub: "karlsruhe",
             rounds: [CallRound(number: 1, opens: now.addingTimeInterval(-3_600), closes: now.addingTimeInterval(3_600))],
             definition: CallDefinition(
                fields: [ApplicationField(kind: .longText, label: .init(de: "Ihr Vorhaben", en: "Your venture")),
                         ApplicationField(kind: .choice, label: .init(de: "Phase", en: "Stage"), choices: ["Idee", "Produkt"])],
                criteria: [CallCriterionDefinition(label: .init(de: "Innovation", en: "Innovation"), weight: 2),
                           CallCriterionDefinition(label: .init(de: "Team", en: "Team"), weight: 1, lowest: 0, highest: 10)],
                eligibleKinds: [.startup], reviewersPerApplication: 2, jurorLoad: 3))
    }

    @Test(arguments: TestDatabase.kinds)
    func aCallRunsFromApplicationsToPublishedResultsWithoutAConflictedReviewer(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let now = Date()
            var organisations = DemoEcosystem(seed: 7).organisations(count: 6)
            for index in organisations.indices { organisations[index].kind = index < 4 ? .startup : .corporate }
            organisations[0].description = .init(de: "Maschinelles Lernen für Röntgenbilder.", en: "Machine learning for X-ray images.")
            for organisation in organisations { try await OrganisationStore(app.db).create(organisation) }
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "karlsruhe")])
            let stranger = try await TestMember.make(app, roles: [.hubManager(hub: "berlin")])
            let founders = try await Array(0..<5).asyncMap { try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisations[$0].id)]) }

            await #expect(throws: DomainError.notAllowed) { try await CallActions(Self.context(app, stranger)).create(Self.proposedCall(now: now)) }
            let call = try await CallActions(Self.context(app, manager)).create(Self.proposedCall(now: now))
            #expect(call.definition.fields.map(\.key) == ["f1", "f2"])

            // Four startups apply; a corporate is told why it may not.
            var applications: [CallApplication] = []
            for index in 0..<4 {
                let actions = ApplicationActions(try await Self.context(app, founders[index]))
                let draft = try await actions.start(call: call.id, organisation: organisations[index].id)
                await #expect(throws: ValidationFailure.self) {
                    _ = try await actions.save(draft.id, answers: ["f2": "Serienreife"])
                }
                _ = try await actions.save(draft.id, answers: ["f1": organisations[index].description.en, "f2": "Produkt"])
                applications.append(try await actions.submit(draft.id))
            }
            await #expect(throws: DomainError.self) {
                try await ApplicationActions(Self.context(app, founders[4])).start(call: call.id, organisation: organisations[4].id)
            }
            #expect(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == founders[0].email).count() == 1)

            // The jury: one juror acts for the first applicant (a conflict found in the data),
            // one is new to Hubnet, one declares a conflict.
            let insider = try await TestMember.make(app, roles: [.organisationMember(organisation: organisations[0].id)])
            let expert = try await TestMember.make(app)
            let jury = JuryActions(try await Self.context(app, manager))
            try await jury.invite(call: call.id, email: insider.email, name: "", expertise: "", language: .de)
            try await jury.invite(call: call.id, email: expert.email, name: "", expertise: "Radiologie, medizinische Bildverarbeitung", language: .de)
            try await jury.invite(call: call.id, email: "neu.jury@example.org", name: "Dr. Neu", expertise: "Robotik", language: .en)
            let newcomer = try #require(try await MemberStore(app.db).record(email: "neu.jury@example.org"))
            #expect(try await MemberStore(app.db).roles(of: newcomer.id!).contains(.juryMember(call: call.id)))
            let invitation = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == "neu.jury@example.org").first())
            #expect(invitation.body.contains("password/reset?token="))
            try await JuryActions(Self.context(app, expert)).declareConflict(call: call.id, application: applications[1].id, reason: "Ehemaliger Arbeitgeber")

            let overview = try await jury.overview(call: call.id)
            #expect(overview.conflicts.contains { $0.juror == insider.id && $0.application == applications[0].id && $0.source == .automatic })
            let run = try await jury.assign(call: call.id)
            #expect(run.shortfall.isEmpty)
            let assigned = try await CallStore(app.db).assignments(call: call.id)
            #expect(assigned.count == 8)
            #expect(!assigned.contains { $0.juror == insider.id && $0.application == applications[0].id })
            #expect(!assigned.contains { $0.juror == expert.id && $0.application == applications[1].id })
            #expect(Dictionary(grouping: assigned, by: \.juror).values.allSatisfy { $0.count <= 3 })
            // The radiology expert reviews the X-ray startup: the highest affinity wins.
            #expect(assigned.contains { $0.juror == expert.id && $0.application == applications[0].id })
            #expect(try await jury.confirm(call: call.id) == 8)
            #expect(try await CallStore(app.db).application(applications[0].id)?.state == .underReview)

            // Jurors review what they were given, nothing else.
            let jurors: [UUID: TestMember] = [insider.id: insider, expert.id: expert]
            for assignment in assigned {
                guard let juror = jurors[assignment.juror] else { continue }
                let actions = JuryActions(try await Self.context(app, juror))
                await #expect(throws: ValidationFailure.self) {
                    try await actions.review(application: assignment.application, scores: ["c1": "9", "c2": "5"], comment: "")
                }
                let index = applications.firstIndex { $0.id == assignment.application }!
                try await actions.review(application: assignment.application, scores: ["c1": "\(5 - index)", "c2": "\(10 - index)"], comment: "Gut")
            }
            let unassigned = applications.first { application in !assigned.contains { $0.juror == insider.id && $0.application == application.id } }!
            await #expect(throws: DomainError.self) {
                try await JuryActions(Self.context(app, insider)).review(application: unassigned.id, scores: ["c1": "3", "c2": "3"], comment: "")
            }
            let asNewcomer = app.commandActions.acting(as: try await MemberStore(app.db).actor(newcomer.id!))
            for assignment in assigned where assignment.juror == newcomer.id {
                let index = applications.firstIndex { $0.id == assignment.application }!
                try await JuryActions(asNewcomer).review(application: assignment.application,
                                                                               scores: ["c1": "\(5 - index)", "c2": "\(10 - index)"], comment: "")
            }

            let standing = try await DecisionActions(Self.context(app, manager)).standing(call: call.id)
            #expect(standing.ranking.entries.map(\.application) == applications.map(\.id))
            #expect(standing.ranking.entries.map(\.place) == [1, 2, 3, 4])

            // Decisions stay unseen until published; publishing waits for the round's end.
            let decisions = DecisionActions(try await Self.context(app, manager))
            _ = try await decisions.decide(call: call.id, [applications[0].id: .accepted, applications[1].id: .accepted,
                                                          applications[2].id: .waitlisted, applications[3].id: .rejected], message: "")
            #expect(try await ApplicationActions(Self.context(app, founders[0])).find(applications[0].id).application.decision == nil)
            await #expect(throws: DomainError.self) { try await decisions.publish(call: call.id, round: 1) }
            let later = DecisionActions(try await Self.context(app, manager, at: now.addingTimeInterval(7_200)))
            #expect(try await later.publish(call: call.id, round: 1) == 4)
            await #expect(throws: DomainError.self) { try await later.publish(call: call.id, round: 1) }
            let seen = try await ApplicationActions(Self.context(app, founders[0])).find(applications[0].id).application
            #expect(seen.decision == .accepted && seen.state == .decided)
            let result = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == founders[3].email)
                .filter(\.$subject ~~ "Ergebnis").first())
            #expect(result.body.contains("nicht ausgewählt"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theHubCompetitionIsHistoryInEveryNetwork(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let call = try #require(try await CallStore(app.db).find(HubCompetition.callID))
            #expect(call.rounds.count == 2 && call.rounds.allSatisfy { $0.publishedAt != nil })
            let applications = try await CallStore(app.db).applications(call: call.id)
            #expect(applications.filter { $0.round == 1 }.compactMap(\.hubSlug).sorted() == ["berlin", "dortmund", "frankfurt-darmstadt", "hamburg", "munich"])
            #expect(applications.filter { $0.round == 2 }.count == 8)
            #expect(applications.contains { $0.applicantName == "Darmstadt" && $0.round == 2 && $0.answers["f1"]?.contains("Cyber") == true })
            #expect(applications.allSatisfy { $0.decision == .accepted && $0.state == .decided })
            // Visitors see the history.
            let visitor = ApplicationActions(app.commandActions.acting(as: .anonymous))
            #expect(try await visitor.find(applications[0].id).application.decision == .accepted)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func attachedFilesAreCheckedStoredAndShownOnlyToThoseWhoMaySeeTheApplication(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            var organisation = DemoEcosystem(seed: 9).organisations(count: 1)[0]
            organisation.kind = .startup
            try await OrganisationStore(app.db).create(organisation)
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "karlsruhe")])
            let founder = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)])
            let stranger = try await TestMember.make(app)
            var proposed = Self.proposedCall(now: Date())
            proposed.definition.fields = [ApplicationField(kind: .file, label: .init(de: "Pitch-Deck", en: "Pitch deck"))]
            let call = try await CallActions(Self.context(app, manager)).create(proposed)
            let actions = ApplicationActions(try await Self.context(app, founder))
            let draft = try await actions.start(call: call.id, organisation: organisation.id)
            await #expect(throws: ValidationFailure.self) { try await actions.submit(draft.id) }

            let pdf = Array("%PDF-1.7\n% a pitch deck\n".utf8)
            var saved = try await actions.save(draft.id, answers: [:], files: ["f1": .init(name: "../../etc/Pitch \u{202E}fdp.exe", bytes: pdf)])
            let first = try #require(saved.answers["f1"].flatMap(ApplicationAttachment.init(answer:)))
            #expect(first.name == "Pitch fdp.exe" && first.type == "application/pdf" && first.size == pdf.count)
            let firstPath = app.actionServices.attachmentFolder.appendingPathComponent("applications/\(draft.id.lowercased)/\(first.stored)").path
            #expect(FileManager.default.fileExists(atPath: firstPath))

            // A program named .pdf and a file too large are refused; the first file stays.
            let failure = try #require(await #expect(throws: ValidationFailure.self) {
                try await actions.save(draft.id, answers: [:], files: ["f1": .init(name: "deck.pdf", bytes: Array("MZ\u{90}\u{0}".utf8))])
            })
            #expect(failure.problems.first?.message.en.contains("PDF, PNG or JPEG") == true)
            await #expect(throws: ValidationFailure.self) {
                try await actions.save(draft.id, answers: [:], files: ["f1": .init(name: "big.pdf", bytes: pdf + [UInt8](repeating: 32, count: 6 * 1_048_576))])
            }
            #expect(try await CallStore(app.db).application(draft.id)?.answers["f1"] == first.answer)

            // A new file replaces the old one, on disk too.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            saved = try await actions.save(draft.id, answers: [:], files: ["f1": .init(name: "deck.png", bytes: png)])
            #expect(!FileManager.default.fileExists(atPath: firstPath))
            _ = try await actions.submit(draft.id)
            #expect(try await actions.attachment(draft.id, field: "f1").bytes == Data(png))
            #expect(try await ApplicationActions(Self.context(app, manager)).attachment(draft.id, field: "f1").attachment.type == "image/png")
            await #expect(throws: DomainError.self) { try await ApplicationActions(Self.context(app, stranger)).attachment(draft.id, field: "f1") }
            await #expect(throws: DomainError.self) { try await ApplicationActions(app.commandActions.acting(as: .anonymous)).attachment(draft.id, field: "f1") }
        }
    }
}
