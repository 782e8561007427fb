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

/// What an attack on the served site found, each as a test that failed before its fix.
@Suite struct HardeningTests {
    static let hostile = #"Evil"><img src=x onerror=alert(1)> '&"#

    static func organisationBody(name: String, website: String? = nil) -> ByteBuffer {
        var object: [String: Any] = ["name": name, "kind": "startup", "hub": "hamburg", "city": "Hamburg",
                                     "topics": ["logistics"], "description": ["de": "Lastendrohnen für den Hafen", "en": ""]]
        if let website { object["website"] = website }
        return ByteBuffer(data: try! JSONSerialization.data(withJSONObject: object))
    }

    @Test(arguments: TestDatabase.kinds)
    func twoHundredConcurrentCreationsThroughTheAPIAllLand(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for number in 0..<200 {
                    group.addTask {
                        try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: member.headers,
                                                            body: Self.organisationBody(name: "Parallel \(number)")).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 200, "\(Dictionary(grouping: statuses, by: \.code).mapValues(\.count))")
            #expect(try await OrganisationStore(app.db).count() == 200)
            #expect(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "organisation.create").count() == 200)
        }
    }

    @Test func markupInANameOrAQueryIsEscapedInEveryAttribute() async throws {
        try await TestApp.with(.sqlite) { app in
            let member = try await TestMember.make(app)
            let created = try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: member.headers,
                                                              body: Self.organisationBody(name: Self.hostile, website: "https://evil.example"))
            #expect(created.status == .created)
            let id = try created.content.get(String.self, at: "id")
            let profile = try await app.testing().sendRequest(.GET, "/en/organisations/\(id)").body.string
            #expect(!profile.contains("<img src=x"))
            #expect(profile.contains(#"content="Evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;&amp;"#))
            for path in ["/en/directory?q=", "/en/matches?q=", "/en/password/reset?token=", "/en/sign-in?return=/"] {
                let page = try await app.testing().sendRequest(.GET, path + "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").body.string
                #expect(!page.contains("\"><script>"), "\(path) reflects markup")
            }
            let javascript = try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: member.headers,
                                                                 body: Self.organisationBody(name: "Links", website: "javascript:alert(1)"))
            #expect(javascript.status == .unprocessableEntity)
        }
    }

    @Test func aReturnAddressOnlyLeadsToAPageOfThisSite() async throws {
        try await TestApp.with(.sqlite) { app in
            let password = "a long enough password"
            let member = try await TestMember.make(app, password: password)
            for evil in ["/\t/evil.example", "//evil.example", "https://evil.example", "/\\evil.example",
                         "/en/account\r\nSet-Cookie: x=1", "/nowhere"] {
                let browser = BrowserSession(app)
                try await browser.get("/en/sign-in")
                let response = try await browser.post("/en/sign-in", ["email": member.email, "password": password, "return": evil])
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/en/account", "return \(evil.debugDescription)")
                #expect(response.headers.first(name: "Set-Cookie: x") == nil)
            }
            let browser = BrowserSession(app)
            try await browser.get("/en/sign-in")
            let good = try await browser.post("/en/sign-in", ["email": member.email, "password": password, "return": "/en/directory?q=ki"])
            #expect(good.headers.first(name: .location) == "/en/directory?q=ki")
        }
    }

    @Test func theLocalMailboxIsReadOnlyByNetworkAdmins() async throws {
        try await TestApp.with(.sqlite) { app in
            let password = "a long enough password"
            let member = try await TestMember.make(app, password: password)
            let admin = try await TestMember.make(app, roles: [.networkAdmin], password: password)
            let visitor = try await app.testing().sendRequest(.GET, "/dev/mailbox")
            #expect(visitor.status == .seeOther, "a visitor is sent to sign in")
            let browser = BrowserSession(app)
            try await browser.signIn(email: member.email, password: password)
            #expect(try await browser.get("/dev/mailbox").status == .forbidden)
            let agency = BrowserSession(app)
            try await agency.signIn(email: admin.email, password: password)
            #expect(try await agency.get("/dev/mailbox").status == .ok)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await TestApp.with(.sqlite) { app in
            let member = try await TestMember.make(app)
            for (path, headers) in [("/en", HTTPHeaders()), ("/api/v1/hubs", HTTPHeaders()), ("/api/v1/me", member.headers)] {
                let response = try await app.testing().sendRequest(.GET, path, headers: headers)
                let policy = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") != nil)
            }
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: member.headers)
            #expect(me.headers.first(name: .cacheControl)?.contains("no-store") == true)
            let stylesheet = try await app.testing().sendRequest(.GET, "/assets/hubnet.css")
            #expect(stylesheet.status == .ok && stylesheet.headers.contentType?.subType == "css")
        }
    }

    @Test func aMethodAPathDoesNotTakeIs405WithAllow() async throws {
        try await TestApp.with(.sqlite) { app in
            let response = try await app.testing().sendRequest(.PUT, "/api/v1/hubs")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: .allow) == "GET, HEAD")
            #expect(response.headers.contentType?.subType == "problem+json")
            // A route's own "not found" stays a 404.
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/hubs/atlantis").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anAnonymousWriteIs401BeforeAnythingElse(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let unknown = UUID().uuidString.lowercased()
            for (method, path) in [(HTTPMethod.POST, "/api/v1/organisations/\(unknown)/claims"), (.PATCH, "/api/v1/organisations/\(unknown)"),
                                   (.DELETE, "/api/v1/opportunities/\(unknown)"), (.POST, "/api/v1/organisations")] {
                let response = try await app.testing().sendRequest(method, path, headers: ["Content-Type": "application/json"],
                                                                   body: ByteBuffer(string: "{\"nonsense\":1}"))
                #expect(response.status == .unauthorized, "\(method) \(path)")
            }
        }
    }

    @Test func aClaimMustBeJSONAndNamesMustBeVisibleText() async throws {
        try await TestApp.with(.sqlite, organisations: 5) { app in
            let member = try await TestMember.make(app)
            let organisation = try #require(try await OrganisationStore(app.db).find(try await OrganisationRecord.query(on: app.db).first()!.id!))
            let plain = try await app.testing().sendRequest(.POST, "/api/v1/organisations/\(organisation.id.lowercased)/claims",
                                                            headers: ["Authorization": "Bearer \(member.token)", "Content-Type": "text/plain"],
                                                            body: ByteBuffer(string: "hello"))
            #expect(plain.status == .unsupportedMediaType)
            for name in ["Bad\u{0}Name", "\u{1B}[31mRed", "\u{FEFF}", "\u{202E}evil", "\u{200B}\u{200B}"] {
                let response = try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: member.headers,
                                                                   body: Self.organisationBody(name: name))
                #expect(response.status == .unprocessableEntity, "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func anErrorPageSpeaksThePagesLanguageAndKeepsTheMember() async throws {
        try await TestApp.with(.sqlite) { app in
            let password = "a long enough password"
            let member = try await TestMember.make(app, password: password)
            let browser = BrowserSession(app)
            try await browser.signIn(email: member.email, password: password)
            let forbidden = try await browser.get("/de/audit")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.body.string.contains("Das dürfen Sie hier nicht."))
            #expect(forbidden.body.string.contains(#"id="sign-out""#), "still signed in on the error page")
            #expect(forbidden.body.string.contains(#"id="language-switch" class="language" href="/en/audit""#))
            let missing = UUID().uuidString.lowercased()
            let notFound = try await browser.get("/en/organisations/\(missing)")
            #expect(notFound.status == .notFound)
            #expect(notFound.body.string.contains(#"href="/de/organisations/\#(missing)""#))
        }
    }

    @Test func aTextInAThirdLanguageIsRefusedByItsPath() async throws {
        try await TestApp.with(.sqlite) { app in
            let member = try await TestMember.make(app)
            let body = #"{"name":"Drittsprache","kind":"startup","hub":"hamburg","city":"Hamburg","topics":["logistics"],"description":{"de":"","en":"x","fr":"y"}}"#
            let response = try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: member.headers, body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableEntity)
            #expect(try response.content.decode(ProblemDetails.self).errors?.first?.field == "description.fr")
        }
    }

    @Test func aPagePastTheLastLeadsToTheLastOne() async throws {
        try await TestApp.with(.sqlite, organisations: 60) { app in
            let response = try await app.testing().sendRequest(.GET, "/en/directory?page=999")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/en/directory?page=3")
        }
    }

    @Test func aForgedLineBreakInAPathIsEscapedInTheLog() {
        #expect(RequestLogger.printable("/en/x\nINJECTED\r\u{1B}[2J") == #"/en/x\x0AINJECTED\x0D\x1B[2J"#)
    }
}
