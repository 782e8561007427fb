import Foundation
import HubnetCore
@testable import HubnetImaging
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import HubnetViews
import Testing
import Vapor
import VaporTesting

/// Logos from upload to every place they show: the form, the API, the image's address and
/// its caching, and what happens to files that are not what they claim.
@Suite struct LogoTests {
    static let password = "correct horse battery"

    /// A 600 × 400 picture: a blue square on transparent ground, with a text chunk that must
    /// never reach anyone (the server serves only the PNG it makes itself).
    static func upload() -> [UInt8] {
        var pixels: [UInt8] = []
        for y in 0..<400 { for x in 0..<600 { pixels += (100..<500).contains(x) && (50..<350).contains(y) ? [20, 60, 200, 255] : [0, 0, 0, 0] } }
        var png = PNGEncoder.encode(Bitmap(width: 600, height: 400, rgba: pixels))
        let text = Array("Comment".utf8) + [0] + Array("<script>alert(1)</script>".utf8)
        var chunk: [UInt8] = []
        chunk.appendChunk("tEXt", text)
        png.insert(contentsOf: chunk, at: png.count - 12)
        return png
    }

    static func jpeg() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HubnetImagingTests/Fixtures/progressive.jpg")
        return Array(try Data(contentsOf: url))
    }

    static func organisation(_ app: Application, hub: String = "cologne") async throws -> Organisation {
        var organisation = DemoEcosystem(seed: UInt64.random(in: 1...UInt64.max)).organisations(count: 1)[0]
        organisation.hubSlug = hub
        try await OrganisationStore(app.db).create(organisation)
        return organisation
    }

    @Test(arguments: TestDatabase.kinds)
    func anEditorUploadsALogoAndItShowsOnTheProfileInTheDirectoryAndInTheAPI(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let organisation = try await Self.organisation(app)
            let editor = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)], password: Self.password)
            let browser = BrowserSession(app)
            let signIn = try await browser.signIn(email: editor.email, password: Self.password, language: "en")
            try await browser.get(signIn.headers.first(name: .location) ?? "/en/account")
            let form = try await browser.get("/en/organisations/\(organisation.id.lowercased)/edit")
            #expect(form.body.string.contains("id=\"logo-form\"") && form.body.string.contains("multipart/form-data"))
            #expect(form.body.string.contains("No logo yet."))

            let upload = try await browser.postFile("/en/organisations/\(organisation.id.lowercased)/logo", field: "logo",
                                                    filename: "logo.png", contentType: "image/png", data: Self.upload())
            #expect(upload.status == .seeOther)
            #expect(upload.headers.first(name: .location) == "/en/organisations/\(organisation.id.lowercased)/edit?saved=1#logo")

            let stored = try #require(try await LogoStore(app.db).logo(of: organisation.id))
            #expect(stored.width == 256 && stored.height == 171)
            let address = SiteURL.logo(of: organisation.id, version: stored.version)
            let profile = try await browser.get("/en/organisations/\(organisation.id.lowercased)")
            #expect(profile.body.string.contains("src=\"\(address.replacingOccurrences(of: "&", with: "&amp;"))\""))
            let directory = try await app.testing().sendRequest(.GET, "/de/directory?q=\(organisation.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(directory.body.string.contains(address))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/organisations/\(organisation.id.lowercased)")
            #expect(api.body.string.contains("\"logo\":\"\(address.replacingOccurrences(of: "/", with: "\\/"))\"")
                    || api.body.string.contains("\"logo\":\"\(address)\""))

            // The image: the server's own PNG (the uploaded text chunk is gone), cached for good under its version.
            let image = try await app.testing().sendRequest(.GET, address)
            #expect(image.status == .ok)
            #expect(image.headers.contentType == .png)
            #expect(image.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            let bytes = Array(image.body.readableBytesView)
            #expect(!String(decoding: bytes, as: UTF8.self).contains("<script>"))
            let decoded = try PNGDecoder.decode(bytes)
            #expect(decoded.width == 256 && decoded.pixel(128, 85) == (20, 60, 200, 255) && decoded.pixel(2, 2).a == 0)
            let etag = try #require(image.headers.first(name: .eTag))
            let again = try await app.testing().sendRequest(.GET, address, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)
            let stale = try await app.testing().sendRequest(.GET, "/logos/\(organisation.id.lowercased).png?v=old")
            #expect(stale.headers.first(name: .cacheControl) == "public, max-age=300")

            // Removed: the profile has no image and the address answers 404.
            try await browser.get("/en/organisations/\(organisation.id.lowercased)/edit")
            let removal = try await browser.post("/en/organisations/\(organisation.id.lowercased)/logo/remove")
            #expect(removal.status == .seeOther)
            #expect(try await LogoStore(app.db).logo(of: organisation.id) == nil)
            #expect(try await app.testing().sendRequest(.GET, address).status == .notFound)
            #expect(!(try await browser.get("/en/organisations/\(organisation.id.lowercased)")).body.string.contains("/logos/"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func whatIsNotAPNGOrJPEGIsNamedOnThePageAndChangesNothing(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let organisation = try await Self.organisation(app)
            let editor = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)], password: Self.password)
            let browser = BrowserSession(app)
            let signIn = try await browser.signIn(email: editor.email, password: Self.password)
            try await browser.get(signIn.headers.first(name: .location) ?? "/de/account")
            try await browser.get("/de/organisations/\(organisation.id.lowercased)/edit")
            let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8)
            let response = try await browser.postFile("/de/organisations/\(organisation.id.lowercased)/logo", field: "logo",
                                                      filename: "logo.png", contentType: "image/png", data: svg)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Das ist kein PNG- oder JPEG-Bild"))
            // Too large: the size is named in the page's language.
            try await browser.get("/de/organisations/\(organisation.id.lowercased)/edit")
            let large = try await browser.postFile("/de/organisations/\(organisation.id.lowercased)/logo", field: "logo",
                                                   filename: "logo.jpg", contentType: "image/jpeg",
                                                   data: [UInt8](repeating: 0xFF, count: 3 * 1024 * 1024))
            #expect(large.status == .unprocessableEntity)
            #expect(large.body.string.contains("3,0 MB"))
            #expect(try await LogoStore(app.db).logo(of: organisation.id) == nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theAPITakesAJPEGFromAnEditorAndRefusesOthers(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let organisation = try await Self.organisation(app)
            let editor = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)])
            let reader = try await TestMember.make(app, roles: [.organisationAdmin(organisation: organisation.id)], scopes: "read")
            let otherHub = try await TestMember.make(app, roles: [.hubManager(hub: "berlin")])
            let path = "/api/v1/organisations/\(organisation.id.lowercased)/logo"
            func put(_ member: TestMember, _ bytes: [UInt8]) async throws -> TestingHTTPResponse {
                var headers = member.headers
                headers.replaceOrAdd(name: .contentType, value: "image/jpeg")
                return try await app.testing().sendRequest(.PUT, path, headers: headers, body: ByteBuffer(bytes: bytes))
            }
            #expect(try await put(reader, Self.jpeg()).status == .forbidden)
            #expect(try await put(otherHub, Self.jpeg()).status == .forbidden)
            let refused = try await put(editor, Array("GIF89a....".utf8))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("\"logo\""))
            #expect(try await LogoStore(app.db).logo(of: organisation.id) == nil)

            let accepted = try await put(editor, Self.jpeg())
            #expect(accepted.status == .ok)
            let stored = try #require(try await LogoStore(app.db).logo(of: organisation.id))
            #expect(stored.width == 37 && stored.height == 23)
            #expect(accepted.body.string.contains(stored.version))

            let removed = try await app.testing().sendRequest(.DELETE, path, headers: editor.headers)
            #expect(removed.status == .noContent)
            #expect(try await app.testing().sendRequest(.DELETE, path, headers: editor.headers).status == .notFound)
        }
    }
}
