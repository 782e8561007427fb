import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

/// Sign-up to sign-out as a person does it, through the forms and the mails in the outbox.
@Suite struct AccountFlowTests {
    static let password = "a long enough password"

    /// The newest mail to an address and the link in it.
    static func link(to email: String, on app: Application) async throws -> String? {
        let mail = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == email).sort(\.$createdAt, .descending).first()
        guard let body = mail?.body, let range = body.range(of: #"http://\S+"#, options: .regularExpression) else { return nil }
        let url = URL(string: String(body[range]))!
        return url.path + (url.query.map { "?" + $0 } ?? "")
    }

    @Test(arguments: TestDatabase.kinds)
    func aVisitorSignsUpConfirmsSignsInAndOut(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let browser = BrowserSession(app)
            try await browser.get("/en/sign-up")
            // Without accepting the privacy notice there is no account, and the form says why.
            let refused = try await browser.post("/en/sign-up", ["name": "Ada Lovelace", "email": "ada@example.org", "password": Self.password])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Please confirm that you have read the privacy notice."))
            #expect(try await MemberRecord.query(on: app.db).count() == 0)

            let signUp = try await browser.post("/en/sign-up", ["name": "Ada Lovelace", "email": " Ada@Example.org ", "password": Self.password, "privacy": "on"])
            #expect(signUp.status == .ok)
            #expect(signUp.body.string.contains("Please check your mailbox"))
            let member = try #require(try await MemberRecord.query(on: app.db).filter(\.$email == "ada@example.org").first())
            #expect(member.privacyAcceptedAt != nil, "the consent is recorded with its time")

            // Not confirmed yet: sign-in says so, after the right password only.
            var response = try await browser.signIn(email: "ada@example.org", password: Self.password, language: "en")
            #expect(response.body.string.contains("confirm your e-mail address first"))

            let confirm = try #require(try await Self.link(to: "ada@example.org", on: app))
            #expect(confirm.hasPrefix("/en/confirm?token="))
            response = try await browser.get(confirm)
            #expect(response.body.string.contains("Address confirmed"))
            response = try await browser.get(confirm)
            #expect(response.status == .badRequest, "a link works once")

            response = try await browser.signIn(email: "ADA@example.org", password: Self.password, language: "en")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/en/account")
            let cookie = try #require(response.headers.first(name: .setCookie))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            response = try await browser.get("/en/account")
            #expect(response.body.string.contains("Ada Lovelace"))
            // The session lives in the database, so another instance would know it too.
            #expect(try await StoredSessionRecord.query(on: app.db).count() >= 1)

            try await browser.post("/en/sign-out")
            response = try await browser.get("/en/account")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix("/en/sign-in") == true)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func signUpAndSignInRevealNoAccount(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let known = try await TestMember.make(app, password: Self.password)
            let browser = BrowserSession(app)
            try await browser.get("/de/sign-up")
            let forKnown = try await browser.post("/de/sign-up", ["name": "X", "email": known.email, "password": Self.password, "privacy": "on"])
            let forNew = try await browser.post("/de/sign-up", ["name": "Y", "email": "new@example.org", "password": Self.password, "privacy": "on"])
            #expect(forKnown.status == forNew.status)
            #expect(forKnown.body.string.replacingOccurrences(of: browser.csrf ?? "", with: "")
                    == forNew.body.string.replacingOccurrences(of: browser.csrf ?? "", with: ""))
            // The owner of the known address learns about it by mail instead.
            let mails = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == known.email).all()
            #expect(mails.map(\.subject) == ["Sie haben bereits ein Konto"])
            #expect(try await MemberRecord.query(on: app.db).filter(\.$email == known.email).count() == 1)

            let wrongPassword = try await browser.signIn(email: known.email, password: "not the password")
            let unknownAddress = try await browser.signIn(email: "nobody@example.org", password: "not the password")
            #expect(wrongPassword.status == .unauthorized && unknownAddress.status == .unauthorized)
            #expect(wrongPassword.body.string.contains("E-Mail-Adresse oder Passwort stimmen nicht."))
            #expect(unknownAddress.body.string.contains("E-Mail-Adresse oder Passwort stimmen nicht."))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func repeatedFailuresSlowSignInDownPerAccount(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let browser = BrowserSession(app)
            for _ in 0..<AccountActions.failuresPerAccount {
                _ = try await browser.signIn(email: member.email, password: "wrong password!")
            }
            let blocked = try await browser.signIn(email: member.email, password: Self.password, language: "en")
            #expect(blocked.status == .unauthorized)
            #expect(blocked.body.string.contains("Too many failed attempts. Please try again in 15 minutes."))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aForgottenPasswordIsResetByMail(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let browser = BrowserSession(app)
            try await browser.get("/de/password/forgot")
            let sent = try await browser.post("/de/password/forgot", ["email": member.email])
            let unknown = try await browser.post("/de/password/forgot", ["email": "nobody@example.org"])
            #expect(sent.status == .ok && unknown.status == .ok)
            let link = try #require(try await Self.link(to: member.email, on: app))
            try await browser.get(link)
            let token = String(link.split(separator: "=").last!)
            let short = try await browser.post("/de/password/reset", ["token": token, "password": "short"])
            #expect(short.status == .unprocessableEntity)
            let reset = try await browser.post("/de/password/reset", ["token": token, "password": "a brand new password"])
            #expect(reset.body.string.contains("Ihr Passwort ist geändert"))
            #expect(try await browser.signIn(email: member.email, password: Self.password).status == .unauthorized)
            #expect(try await browser.signIn(email: member.email, password: "a brand new password").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theAgencyAppointsAndRemovesStaffOnItsPage(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let admin = try await TestMember.make(app, roles: [.networkAdmin], password: Self.password)
            let future = try await TestMember.make(app, password: Self.password)
            let agency = BrowserSession(app)
            _ = try await agency.signIn(email: admin.email, password: Self.password)
            let page = try await agency.get("/de/staff")
            #expect(page.status == .ok && page.body.string.contains("id=\"roles\""))

            let unknown = try await agency.post("/de/staff/roles", ["email": "nobody@example.org", "role": "hub_manager", "scope": "hamburg"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("Kein Konto mit dieser Adresse."))
            let badHub = try await agency.post("/de/staff/roles", ["email": future.email, "role": "hub_manager", "scope": "atlantis"])
            #expect(badHub.status == .unprocessableEntity)
            let appointed = try await agency.post("/de/staff/roles", ["email": future.email, "role": "hub_manager", "scope": "hamburg"])
            #expect(appointed.status == .ok && appointed.body.string.contains("ist jetzt Hub-Management Hamburg"))
            #expect(try await MemberStore(app.db).roles(of: future.id).contains(.hubManager(hub: "hamburg")))

            // The new hub manager sees the start page, without the agency's roles.
            let manager = BrowserSession(app)
            _ = try await manager.signIn(email: future.email, password: Self.password)
            let managerPage = try await manager.get("/de/staff")
            #expect(managerPage.status == .ok && !managerPage.body.string.contains("id=\"roles\""))
            #expect(try await manager.post("/de/staff/roles", ["email": admin.email, "role": "network_admin"]).status == .forbidden)

            let removed = try await agency.post("/de/staff/roles/remove", ["member": future.id.uuidString, "role": "hub_manager", "scope": "hamburg"])
            #expect(removed.status == .ok)
            #expect(try await !MemberStore(app.db).roles(of: future.id).contains(.hubManager(hub: "hamburg")))
            // The last network admin cannot be removed: nobody could appoint anyone again.
            let last = try await agency.post("/de/staff/roles/remove", ["member": admin.id.uuidString, "role": "network_admin", "scope": ""])
            #expect(last.status == .conflict && last.body.string.contains("Die letzte Netzwerk-Administration bleibt"))
            let trail = try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ ["role.assign", "role.remove"]).count()
            #expect(trail == 2)
            // A visitor is sent to sign in; an ordinary member is refused.
            #expect(try await BrowserSession(app).get("/de/staff").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aNewOrganisationHasEveryFieldAndLandsOnItsProfile(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let browser = BrowserSession(app)
            _ = try await browser.signIn(email: member.email, password: Self.password)
            let form = try await browser.get("/en/organisations/new")
            #expect(form.body.string.contains("<label for=\"name\" class=\"required\">"), "required fields are marked")
            #expect(form.body.string.contains("id=\"employees\"") && form.body.string.contains("id=\"stage\""))
            var fields = ["name": "Hafenwerk Robotics", "kind": "startup", "hub": "hamburg", "city": "Hamburg", "topics[]": "logistics",
                          "description_de": "Roboter für den Hafen.", "description_en": "", "offers_de": "", "offers_en": "",
                          "seeks_de": "", "seeks_en": "", "website": "https://hafenwerk.example", "foundedYear": "2021",
                          "employees": "1-9", "stage": "galactic"]
            let refused = try await browser.post("/en/organisations/new", fields)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Unknown stage 'galactic'."))
            fields["stage"] = "seed"
            let created = try await browser.post("/en/organisations/new", fields)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            #expect(location.hasPrefix("/en/organisations/") && location.hasSuffix("?notice=created"))
            let profile = try await browser.get(location)
            #expect(profile.body.string.contains("Your organisation has been added."))
            let stored = try #require(try await OrganisationStore(app.db).find(UUID(uuidString: String(location.split(separator: "/")[2].prefix(36)))!))
            #expect(stored.employees == .micro && stored.stage == .seed && stored.foundedYear == 2021)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aMemberMovesTheAccountToANewAddressThroughItsLink(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let other = try await TestMember.make(app, password: Self.password)
            let browser = BrowserSession(app)
            _ = try await browser.signIn(email: member.email, password: Self.password)
            try await browser.get("/de/account")
            let wrong = try await browser.post("/de/account/email", ["new_email": "neu@example.org", "email_password": "falsch falsch"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Das Passwort stimmt nicht."))
            // An address with an account gets a note; the answer here does not tell.
            let taken = try await browser.post("/de/account/email", ["new_email": other.email, "email_password": Self.password])
            #expect(taken.body.string.contains("Wir haben einen Link an \(other.email) geschickt."))
            #expect(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == other.email).first()?.subject == "Ihre Adresse ist bereits bei Hubnet")

            let asked = try await browser.post("/de/account/email", ["new_email": " Neu@Example.org ", "email_password": Self.password])
            #expect(asked.body.string.contains("Noch nicht bestätigt: neu@example.org"))
            #expect(try await MemberStore(app.db).record(member.id)?.email == member.email, "nothing changes before the link")
            let notice = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == member.email).all()
            #expect(notice.contains { $0.subject == "Ihre E-Mail-Adresse bei Hubnet wird geändert" }, "the old address is told")
            let mail = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == "neu@example.org").first())
            let link = try #require(mail.body.split(separator: "\n").first { $0.contains("/de/email/confirm?token=") })
            let path = String(link[link.range(of: "/de/email/confirm")!.lowerBound...])
            let confirmed = try await browser.get(path)
            #expect(confirmed.body.string.contains("Adresse geändert"))
            #expect(try await browser.get(path).status == .badRequest, "a link works once")
            #expect(try await MemberStore(app.db).record(member.id)?.email == "neu@example.org")
            #expect(try await BrowserSession(app).signIn(email: "neu@example.org", password: Self.password).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aMemberChangesThePasswordAndOtherSessionsEnd(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app, password: Self.password)
            let here = BrowserSession(app), elsewhere = BrowserSession(app)
            _ = try await here.signIn(email: member.email, password: Self.password)
            _ = try await elsewhere.signIn(email: member.email, password: Self.password)
            try await here.get("/en/account")
            let wrong = try await here.post("/en/account/password", ["current": "not it at all", "password": "another long password"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("The current password is not right."))
            let changed = try await here.post("/en/account/password", ["current": Self.password, "password": "another long password"])
            #expect(changed.status == .ok)
            #expect(changed.body.string.contains("Your password has been changed."))
            #expect(try await here.get("/en/account").status == .ok, "this session stays")
            #expect(try await elsewhere.get("/en/account").status != .ok, "the other one ends")
            #expect(try await BrowserSession(app).signIn(email: member.email, password: Self.password).status == .unauthorized)
            #expect(try await BrowserSession(app).signIn(email: member.email, password: "another long password").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aMemberClaimsAProfileTheHubManagerApprovesAndTheMemberEditsIt(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 30) { app in
            let organisation = try #require(try await OrganisationStore(app.db).find(DemoEcosystem().organisations(count: 30).map(\.id)).first)
            let member = try await TestMember.make(app, password: Self.password)
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: organisation.hubSlug)], password: Self.password)

            let browser = BrowserSession(app)
            _ = try await browser.signIn(email: member.email, password: Self.password)
            try await browser.get("/de/organisations/\(organisation.id)")
            #expect(browser.lastBody.contains("Profil beanspruchen"))
            try await browser.post("/de/organisations/\(organisation.id)/claim", ["message": "Ich bin die Geschäftsführerin."])
            // The founder sees the claim waiting on the account page.
            try await browser.get("/de/account")
            #expect(browser.lastBody.contains("wartet auf den Hub"))

            // The hub's manager hears of it by mail, with a link to decide, and sees it counted in the header.
            let arrived = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == manager.email).first())
            #expect(arrived.subject == "Neuer Anspruch auf \(organisation.name)")
            #expect(arrived.body.contains("/de/claims") && arrived.body.contains("Ich bin die Geschäftsführerin."))
            let review = BrowserSession(app)
            _ = try await review.signIn(email: manager.email, password: Self.password)
            try await review.get("/de/claims")
            #expect(review.lastBody.contains("Ich bin die Geschäftsführerin."))
            #expect(review.lastBody.contains("<span class=\"badge\" title=\"1 warten auf Ihre Entscheidung\">1</span>"))
            let claim = try #require(try await ClaimRecord.query(on: app.db).filter(\.$memberID == member.id).first())
            let decided = try await review.post("/de/claims/\(claim.id!)/approve")
            #expect(decided.headers.first(name: .location) == "/de/claims?decided=\(claim.id!.uuidString.lowercased())")
            try await review.get("/de/claims?decided=\(claim.id!.uuidString.lowercased())")
            #expect(review.lastBody.contains("Bestätigt: "), "the decision is confirmed")
            #expect(review.lastBody.contains("id=\"decided-claims\""), "and kept in the hub's history")
            #expect(!review.lastBody.contains("class=\"badge\""), "nothing waits any more")
            let mail = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == member.email).first()
            #expect(mail?.subject.contains("bestätigt") == true)
            #expect(mail?.body.contains("/de/organisations/\(organisation.id.uuidString.lowercased())") == true, "the mail links the profile")

            try await browser.get("/de/organisations/\(organisation.id)/edit")
            let saved = try await browser.post("/de/organisations/\(organisation.id)/edit", [
                "name": organisation.name, "kind": organisation.kind.rawValue, "hub": organisation.hubSlug, "city": organisation.city,
                "topics[]": organisation.topicSlugs[0], "description_de": "Neu geschrieben.", "description_en": "Newly written.",
                "offers_de": "", "offers_en": "", "seeks_de": "", "seeks_en": "", "website": "", "foundedYear": "2001",
            ])
            #expect(saved.status == .seeOther)
            let stored = try #require(try await OrganisationStore(app.db).find(organisation.id))
            #expect(stored.description.en == "Newly written." && stored.foundedYear == 2001)

            // The hub manager reads it all in the audit log, before and after.
            try await review.get("/de/audit")
            #expect(review.lastBody.contains("data-action=\"organisation.update\""))
            #expect(review.lastBody.contains("<h3>Organisation geändert</h3>"), "the action in words")
            #expect(review.lastBody.contains("<td>Beschreibung (en)</td><td class=\"before\">"), "a field's name in words")
            #expect(review.lastBody.contains("<td class=\"after\">Newly written.</td>"), "before and after apart")
            #expect(review.lastBody.contains("data-action=\"claim.approve\""))
            #expect(review.lastBody.contains("Organisation „\(organisation.name)“"), "objects by name")
            // Narrowed to one area, the others are gone.
            try await review.get("/de/audit?action=claim")
            #expect(review.lastBody.contains("data-action=\"claim.approve\""))
            #expect(!review.lastBody.contains("data-action=\"organisation.update\""))
            // A broken filter is named, in the page's language, and the log still shows.
            let broken = try await review.get("/en/audit?from=yesterday&action=%3Cscript%3E")
            #expect(broken.status == .badRequest)
            #expect(review.lastBody.contains("Please give a date such as 2026-11-27."))
            #expect(!review.lastBody.contains("<script>"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func auditLogsAreReadByTheirHubsOnly(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let author = try await TestMember.make(app)
            for hub in ["hamburg", "berlin"] {
                let body: [String: Any] = ["name": "Audit \(hub)", "kind": "startup", "hub": hub, "city": "X", "topics": ["fintech"],
                                           "description": ["de": "x", "en": ""]]
                try await app.testing().test(.POST, "/api/v1/organisations", headers: author.headers,
                                             body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))) { #expect($0.status == .created) }
            }
            let hamburg = try await TestMember.make(app, roles: [.hubManager(hub: "hamburg")])
            let admin = try await TestMember.make(app, roles: [.networkAdmin])
            try await app.testing().test(.GET, "/api/v1/audit", headers: hamburg.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("\"hub\":\"hamburg\""))
                #expect(!response.body.string.contains("\"hub\":\"berlin\""))
            }
            try await app.testing().test(.GET, "/api/v1/audit?hub=berlin", headers: hamburg.headers) { #expect($0.status == .forbidden) }
            try await app.testing().test(.GET, "/api/v1/audit", headers: admin.headers) { response in
                #expect(response.body.string.contains("\"hub\":\"berlin\"") && response.body.string.contains("\"hub\":\"hamburg\""))
            }
            try await app.testing().test(.GET, "/api/v1/audit", headers: author.headers) { #expect($0.status == .forbidden) }
        }
    }
}
