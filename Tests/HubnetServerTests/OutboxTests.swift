import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Logging
import Testing
import Vapor

private let testSMTPURL = ProcessInfo.processInfo.environment["HUBNET_TEST_SMTP_URL"]

/// The outbox against a real SMTP server (aiosmtpd, started by scripts/test).
@Suite(.enabled(if: testSMTPURL != nil, "needs HUBNET_TEST_SMTP_URL; scripts/test starts an SMTP server"))
struct OutboxTests {
    static var smtpURL: String? { testSMTPURL }
    static var smtpDirectory: String { ProcessInfo.processInfo.environment["HUBNET_TEST_SMTP_DIR"] ?? "" }
    static let logger = Logger(label: "outbox-test")

    static func received(containing marker: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: smtpDirectory).filter { $0.hasSuffix(".eml") }
            .compactMap { try? String(contentsOfFile: smtpDirectory + "/" + $0, encoding: .utf8) }
            .filter { $0.contains(marker) }
    }

    @Test(arguments: TestDatabase.kinds)
    func aQueuedMailIsDeliveredOnceWithItsKeyAsMessageID(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let key = "test-\(UUID().uuidString.lowercased())"
            try await Outbox(app.db).enqueue(key: key, to: "ada@example.org", subject: "Grüße aus Hamburg", body: "Zeile 1\n.Zeile mit Punkt\nÄÖÜ")
            // The same key again is refused by the database: a retried request cannot queue it twice.
            await #expect(throws: (any Error).self) {
                try await Outbox(app.db).enqueue(key: key, to: "ada@example.org", subject: "again", body: "again")
            }
            let mailer = try #require(SMTPMailer(url: Self.smtpURL!, sender: "hubnet@hubnet.test"))
            // Two workers at once, as two instances would run them: the lease lets one send.
            async let first = OutboxWorker.deliverDue(on: app.db, with: mailer, logger: Self.logger)
            async let second = OutboxWorker.deliverDue(on: app.db, with: mailer, logger: Self.logger)
            let sent = try await first + second
            #expect(sent == 1)
            let mails = try Self.received(containing: "Message-ID: <\(key)@hubnet>")
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.contains("X-Envelope-To: ada@example.org"))
            #expect(mail.contains("Subject: =?UTF-8?B?\(Data("Grüße aus Hamburg".utf8).base64EncodedString())?="))
            #expect(try await OutboxWorker.deliverDue(on: app.db, with: mailer, logger: Self.logger) == 0, "nothing left to send")
            let stored = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$key == key).first())
            #expect(stored.sentAt != nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aRefusedMailIsRetriedLaterAndNotLost(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let key = "refused-\(UUID().uuidString.lowercased())"
            try await Outbox(app.db).enqueue(key: key, to: "someone@refuse.test", subject: "x", body: "x")
            let mailer = try #require(SMTPMailer(url: Self.smtpURL!, sender: "hubnet@hubnet.test"))
            #expect(try await OutboxWorker.deliverDue(on: app.db, with: mailer, logger: Self.logger) == 0)
            let stored = try #require(try await OutboxMessageRecord.query(on: app.db).filter(\.$key == key).first())
            #expect(stored.sentAt == nil)
            #expect(stored.attempts == 1)
            #expect(stored.lastError?.contains("550") == true)
            #expect(stored.nextAttemptAt > Date())

            // A server that is down: the same, nothing lost.
            let down = try #require(SMTPMailer(url: "smtp://127.0.0.1:1", sender: "hubnet@hubnet.test"))
            try await Outbox(app.db).enqueue(key: key + "-down", to: "ada@example.org", subject: "x", body: "x")
            #expect(try await OutboxWorker.deliverDue(on: app.db, with: down, logger: Self.logger) == 0)
            #expect(try await OutboxMessageRecord.query(on: app.db).filter(\.$sentAt == nil).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func signingUpSendsTheConfirmationMailThroughSMTP(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let browser = BrowserSession(app)
            try await browser.get("/de/sign-up")
            let email = "grace-\(UUID().uuidString.prefix(6).lowercased())@example.org"
            try await browser.post("/de/sign-up", ["name": "Grace", "email": email, "password": "a long enough password", "privacy": "on"])
            let mailer = try #require(SMTPMailer(url: Self.smtpURL!, sender: "hubnet@hubnet.test"))
            #expect(try await OutboxWorker.deliverDue(on: app.db, with: mailer, logger: Self.logger) == 1)
            let mail = try #require(try Self.received(containing: "X-Envelope-To: \(email)").first)
            let body = mail.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            let text = String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
            #expect(text.contains("/de/confirm?token="))
        }
    }
}

@Suite struct MemberDataTests {
    @Test(arguments: TestDatabase.kinds)
    func aMemberDownloadsTheirDataAndErasesTheAccount(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind, organisations: 5) { app in
            let organisation = try #require(try await OrganisationStore(app.db).find(DemoEcosystem().organisations(count: 5).map(\.id)).first)
            let member = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)])
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(organisation.id)", headers: member.headers,
                                         body: ByteBuffer(string: #"{"city":"Neustadt"}"#)) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/api/v1/me/export", headers: member.headers) { response in
                #expect(response.status == .ok)
                let text = response.body.string
                #expect(text.contains(member.email))
                // Ids in lowercase and dates in ISO 8601, as the API writes them.
                #expect(text.contains(organisation.id.uuidString.lowercased()))
                #expect(!text.contains(organisation.id.uuidString))
                #expect(text.range(of: #""createdAt":"\d{4}-\d\d-\d\dT"#, options: .regularExpression) != nil)
                #expect(text.contains("organisation.update"))
            }
            try await app.testing().test(.DELETE, "/api/v1/me", headers: member.headers) { #expect($0.status == .noContent) }
            // Personal data is gone, the token with it; the change to the organisation stays, anonymised.
            try await app.testing().test(.GET, "/api/v1/me", headers: member.headers) { #expect($0.status == .unauthorized) }
            let record = try #require(try await MemberRecord.find(member.id, on: app.db))
            #expect(record.name.isEmpty && !record.email.contains("@hubnet.test") && record.erasedAt != nil)
            #expect(try await MembershipRecord.query(on: app.db).filter(\.$memberID == member.id).count() == 0)
            let audit = try await AuditEntryRecord.query(on: app.db).filter(\.$actorID == member.id).all()
            #expect(audit.contains { $0.action == "organisation.update" })
            #expect(try await OrganisationStore(app.db).find(organisation.id)?.city == "Neustadt")
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func tokensAreShownOnceStoredHashedAndRevocable(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let member = try await TestMember.make(app)
            var token = ""
            var id = ""
            try await app.testing().test(.POST, "/api/v1/me/tokens", headers: member.headers,
                                         body: ByteBuffer(string: #"{"name":"laptop","scope":"read"}"#)) { response in
                #expect(response.status == .created)
                let created = try response.content.decode(AccountsAPIController.TokenDTO.self)
                token = try #require(created.token)
                id = created.id
            }
            #expect(try await APITokenRecord.query(on: app.db).filter(\.$tokenHash == token).count() == 0, "never stored in clear")
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            try await app.testing().test(.GET, "/api/v1/me", headers: headers) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/api/v1/me/tokens", headers: member.headers) { response in
                #expect(response.body.string.contains("laptop"))
                #expect(!response.body.string.contains(token))
                #expect(response.body.string.contains("lastUsedAt"))
            }
            try await app.testing().test(.DELETE, "/api/v1/me/tokens/\(id)", headers: member.headers) { #expect($0.status == .noContent) }
            try await app.testing().test(.GET, "/api/v1/me", headers: headers) { #expect($0.status == .unauthorized) }
        }
    }
}
