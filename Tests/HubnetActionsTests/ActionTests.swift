import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor

/// The actions without HTTP: what they refuse, what they write, and what they keep apart.
@Suite struct ActionTests {
    static let password = "a long enough password"

    static func context(_ app: Application, for member: TestMember? = nil) async throws -> ActionContext {
        guard let member else { return app.commandActions }
        return app.commandActions.acting(as: try await MemberStore(app.db).actor(member.id))
    }

    @Test(arguments: TestDatabase.kinds)
    func aBurstOfGuessesGetsNoMoreChecksThanTheLimit(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let accounts = AccountActions(app.commandActions)
            let outcomes = try await withThrowingTaskGroup(of: AccountActions.SignInOutcome.self) { group in
                for guess in 0..<60 {
                    group.addTask { try await accounts.signIn(email: member.email, password: "wrong guess \(guess)", from: "192.0.2.1") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .refused }.count <= AccountActions.failuresPerAccount)
            #expect(outcomes.filter { $0 == .throttled(minutes: 15) }.count >= 60 - AccountActions.failuresPerAccount)
            // The right password after the burst is throttled too: the limit holds for the account.
            #expect(try await accounts.signIn(email: member.email, password: Self.password, from: "192.0.2.2") == .throttled(minutes: 15))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func erasureTakesEveryMailToTheAddressSentOrNot(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app)
            let outbox = Outbox(app.db)
            try await outbox.enqueue(key: "sent-\(member.id)", to: member.email, subject: "Willkommen", body: "Hallo Ada")
            try await outbox.enqueue(key: "queued-\(member.id)", to: member.email, subject: "Link", body: "Hallo Ada")
            let sent = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$key == "sent-\(member.id)").first())
            try await outbox.markSent(sent.id!)
            try await MemberDataActions(Self.context(app, for: member)).erase()
            #expect(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == member.email).count() == 0)
            let record = try #require(try await MemberRecord.find(member.id, on: app.db))
            #expect(record.name.isEmpty && record.erasedAt != nil && !record.email.contains(member.email))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aPasswordResetEndsEveryTokenAndSession(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let secret = SecretToken.generate()
            try await CredentialStore(app.db).addMemberToken(memberID: member.id, purpose: .resetPassword, hash: secret.hash,
                                                             expiresAt: Date().addingTimeInterval(600))
            try await SessionStore(app.db).create(id: "session-of-\(member.id)", data: "{\"member\":\"\(member.id.uuidString)\"}",
                                                  expiresAt: Date().addingTimeInterval(600))
            #expect(try await AccountActions(app.commandActions).resetPassword(token: secret.value, to: "another long password"))
            #expect(try await CredentialStore(app.db).useAPIToken(hash: SecretToken.hash(member.token)) == nil)
            #expect(try await SessionStore(app.db).data("session-of-\(member.id)", now: Date()) == nil)
            // The link works once.
            #expect(try await AccountActions(app.commandActions).resetPassword(token: secret.value, to: "a third long password") == false)
        }
    }

    @Test func anExpiredTokenOpensNothing() async throws {
        try await TestApp.with(.sqlite) { app in
            let member = try await TestMember.make(app)
            let made = try await MemberDataActions(Self.context(app, for: member)).createToken(name: "laptop", scope: "write", expiresInDays: 1)
            #expect(try await CredentialStore(app.db).useAPIToken(hash: SecretToken.hash(made.secret)) != nil)
            #expect(try await CredentialStore(app.db).useAPIToken(hash: SecretToken.hash(made.secret), now: Date().addingTimeInterval(2 * 86_400)) == nil)
            await #expect(throws: ValidationFailure.self) {
                try await MemberDataActions(Self.context(app, for: member)).createToken(name: "forever", scope: "write", expiresInDays: 0)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anonymousAndHubOnlyPostsKeepTheirSecrets(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let poster = try await TestMember.make(app)
            let hamburg = try await OrganisationActions(Self.context(app, for: poster)).create(
                Organisation(name: "Kaikante Logistik", kind: .startup, hubSlug: "hamburg", city: "Hamburg", topicSlugs: ["logistics"],
                             description: .init(de: "Drohnen für den Hafen", en: "")))
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "hamburg")])
            try await OrganisationActions(Self.context(app, for: manager)).approve(hamburg.id)
            let posting = OpportunityActions(try await Self.context(app, for: poster))
            let anonymous = try await posting.create(Opportunity(
                organisationID: hamburg.id, kind: .challenge, title: "Wer baut Lastendrohnen?", text: "Wir suchen Partner für Lastendrohnen im Hafen.",
                language: .de, topicSlugs: ["logistics"], visibility: .anonymous))
            let hubOnly = try await posting.create(Opportunity(
                organisationID: hamburg.id, kind: .partneringRequest, title: "Nur für Hamburg", text: "Ein Angebot nur für den Hub Hamburg.",
                language: .de, topicSlugs: ["logistics"], visibility: .hubOnly))
            // Nobody else sees a post before its hub has vetted it.
            await #expect(throws: DomainError.self) { try await OpportunityActions(app.commandActions).find(anonymous.opportunity.id) }
            let vetting = RoutingActions(try await Self.context(app, for: manager))
            _ = try await vetting.apply(.accept, to: anonymous.opportunity.id)
            _ = try await vetting.apply(.accept, to: hubOnly.opportunity.id)

            let visitor = OpportunityActions(app.commandActions)
            #expect(try await visitor.visible(organisation: hamburg.id).isEmpty, "the filter must not trace an anonymous post back")
            #expect(try await visitor.find(anonymous.opportunity.id).poster == nil)

            // A member who adds an organisation in Hamburg does not see hub-only posts before approval.
            let newcomer = try await TestMember.make(app)
            _ = try await OrganisationActions(Self.context(app, for: newcomer)).create(
                Organisation(name: "Neuling Hamburg", kind: .startup, hubSlug: "hamburg", city: "Hamburg", topicSlugs: ["logistics"],
                             description: .init(de: "Ganz neu im Hafen", en: "")))
            let newcomerView = OpportunityActions(try await Self.context(app, for: newcomer))
            await #expect(throws: DomainError.self) { try await newcomerView.find(hubOnly.opportunity.id) }
            let pending = try await OrganisationActions(Self.context(app, for: manager)).pending()
            #expect(pending.map(\.organisation.name) == ["Neuling Hamburg"])
            try await OrganisationActions(Self.context(app, for: manager)).approve(pending[0].organisation.id)
            let approvedView = OpportunityActions(try await Self.context(app, for: newcomer))
            #expect(try await approvedView.find(hubOnly.opportunity.id).opportunity.title == "Nur für Hamburg")
        }
    }

    @Test func everyWriteAsksWhoActs() async throws {
        try await TestApp.with(.sqlite, organisations: 3) { app in
            let id = try #require(try await OrganisationRecord.query(on: app.db).first()?.id)
            let entriesBefore = try await AuditEntryRecord.query(on: app.db).count()
            let visitor = app.commandActions
            await #expect(throws: DomainError.signInRequired) { try await OrganisationActions(visitor).delete(id) }
            await #expect(throws: DomainError.signInRequired) { try await ClaimActions(visitor).claim(id, message: "") }
            let stranger = try await TestMember.make(app)
            await #expect(throws: DomainError.notAllowed) { try await OrganisationActions(Self.context(app, for: stranger)).delete(id) }
            let reader = try await Self.context(app, for: stranger).acting(as: try await MemberStore(app.db).actor(stranger.id), tokenScopes: ["read"])
            await #expect(throws: DomainError.readOnlyToken) { try await ClaimActions(reader).claim(id, message: "") }
            // Nothing was written by any of them.
            #expect(try await AuditEntryRecord.query(on: app.db).count() == entriesBefore)
        }
    }
}
