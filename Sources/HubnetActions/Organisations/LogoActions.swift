import Crypto
import FluentKit
import Foundation
import HubnetCore
import HubnetImaging
import HubnetPersistence

/// An organisation's logo: whoever may edit the profile uploads or removes it. The upload is
/// decoded (PNG or JPEG, told by content), scaled on the server and stored as PNG, so what
/// the site serves is always an image it made itself — never the uploaded bytes.
public struct LogoActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    /// The largest file taken, and the longest side a stored logo has (twice the largest size
    /// a page shows, for sharp screens).
    public static let maximumBytes = 2 * 1024 * 1024
    public static let side = 256

    /// Replaces the organisation's logo with the uploaded image. Returns the organisation as
    /// it is now (with the logo's version).
    public func replace(_ organisationID: UUID, with upload: [UInt8]) async throws -> Organisation {
        _ = try context.memberID()
        let organisation = try await OrganisationActions(context).existing(organisationID)
        try context.authorize(.editOrganisation(id: organisationID, hub: organisation.hubSlug))
        return try await store(upload, for: organisation)
    }

    /// The same for the command line, which operators run with the database in hand: no
    /// policy stands in between (as for imports).
    public func replaceAsOperator(_ organisationID: UUID, with upload: [UInt8]) async throws -> Organisation {
        try await store(upload, for: try await OrganisationActions(context).existing(organisationID))
    }

    private func store(_ upload: [UInt8], for organisation: Organisation) async throws -> Organisation {
        let organisationID = organisation.id
        let logo = try Self.prepared(upload)
        try await context.write { database in
            guard try await LogoStore(database).save(logo, of: organisationID, at: context.now) else {
                throw OrganisationActions.notFound(organisationID)
            }
            try await context.audit("organisation.logo", "organisation", organisationID.lowercased, hub: organisation.hubSlug,
                                    before: organisation.logoVersion.map(Self.auditJSON),
                                    after: Self.auditJSON(logo.version), on: database)
        }
        try await context.services.directoryChanged(context.database)
        var changed = organisation
        changed.logoVersion = logo.version
        return changed
    }

    public func remove(_ organisationID: UUID) async throws {
        _ = try context.memberID()
        let organisation = try await OrganisationActions(context).existing(organisationID)
        try context.authorize(.editOrganisation(id: organisationID, hub: organisation.hubSlug))
        try await context.write { database in
            guard try await LogoStore(database).remove(of: organisationID, at: context.now) else {
                throw DomainError.notFound(.init(de: "Ein Logo", en: "logo"), id: organisationID.lowercased)
            }
            try await context.audit("organisation.logo.remove", "organisation", organisationID.lowercased, hub: organisation.hubSlug,
                                    before: organisation.logoVersion.map(Self.auditJSON), on: database)
        }
        try await context.services.directoryChanged(context.database)
    }

    /// The logo as the site serves it; public, like the profile it belongs to.
    public func image(of organisationID: UUID) async throws -> LogoStore.Logo? {
        try await LogoStore(context.database).logo(of: organisationID)
    }

    /// The stored form of an upload, or the reason it cannot be one, in words for the form.
    static func prepared(_ upload: [UInt8]) throws(ValidationFailure) -> LogoStore.Logo {
        guard !upload.isEmpty else { throw problem(de: "Bitte wählen Sie eine Bilddatei.", en: "Please choose an image file.") }
        guard upload.count <= maximumBytes else {
            let megabytes = Double(upload.count) / 1_048_576
            throw problem(de: "Die Datei ist \(String(format: "%.1f", megabytes).replacingOccurrences(of: ".", with: ",")) MB groß; ein Logo darf höchstens 2 MB haben.",
                          en: "The file is \(String(format: "%.1f", megabytes)) MB; a logo may be at most 2 MB.")
        }
        let bitmap: Bitmap
        do {
            bitmap = try ImageDecoder.decode(upload)
        } catch {
            throw Self.explained(error)
        }
        let scaled = bitmap.scaled(toFit: side)
        let png = PNGEncoder.encode(scaled)
        let digest = SHA256.hash(data: png).map { String(format: "%02x", $0) }.joined()
        return LogoStore.Logo(png: Data(png), version: String(digest.prefix(16)), width: scaled.width, height: scaled.height)
    }

    static func explained(_ error: ImageProblem) -> ValidationFailure {
        switch error {
        case .unsupportedType:
            problem(de: "Das ist kein PNG- oder JPEG-Bild. Bitte laden Sie Ihr Logo als PNG oder JPEG hoch (SVG, GIF und WebP werden nicht angenommen).",
                    en: "This is not a PNG or JPEG image. Please upload your logo as PNG or JPEG (SVG, GIF and WebP are not accepted).")
        case .unsupportedVariant(let variant):
            problem(de: "Diese Bildvariante wird nicht gelesen (\(variant)). Bitte speichern Sie das Logo als gewöhnliches PNG.",
                    en: "This kind of image cannot be read (\(variant)). Please save the logo as a plain PNG.")
        case .tooLarge(let width, let height):
            problem(de: "Das Bild hat \(width) × \(height) Pixel; ein Logo darf höchstens 16 Millionen Pixel und 10.000 Pixel je Seite haben.",
                    en: "The image is \(width) × \(height) pixels; a logo may have at most 16 million pixels and 10,000 pixels a side.")
        case .corrupt:
            problem(de: "Die Bilddatei ist beschädigt oder unvollständig. Bitte speichern Sie sie neu und laden Sie sie noch einmal hoch.",
                    en: "The image file is damaged or incomplete. Please save it again and upload it once more.")
        }
    }

    static func problem(de: String, en: String) -> ValidationFailure {
        ValidationFailure([FieldProblem(field: "logo", message: .init(de: de, en: en))])
    }

    static func auditJSON(_ version: String) -> String { "{\"logo\":\"\(version)\"}" }
}
