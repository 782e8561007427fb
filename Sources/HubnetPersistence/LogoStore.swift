import FluentKit
import Foundation
import HubnetCore

/// Reads and writes organisations' logos. A write also sets the version on the organisation
/// and adds a journal entry, so every instance's directory shows the new logo.
public struct LogoStore: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public struct Logo: Sendable, Equatable {
        public let png: Data
        public let version: String
        public let width: Int
        public let height: Int

        public init(png: Data, version: String, width: Int, height: Int) {
            self.png = png
            self.version = version
            self.width = width
            self.height = height
        }
    }

    public func logo(of organisationID: UUID) async throws -> Logo? {
        guard let record = try await OrganisationLogoRecord.find(organisationID, on: database) else { return nil }
        return Logo(png: record.png, version: record.version, width: record.width, height: record.height)
    }

    /// Stores the logo in place of any earlier one; false when the organisation is gone.
    public func save(_ logo: Logo, of organisationID: UUID, at time: Date) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let organisation = try await OrganisationRecord.find(organisationID, on: database) else { return false }
            let record = try await OrganisationLogoRecord.find(organisationID, on: database) ?? {
                let fresh = OrganisationLogoRecord()
                fresh.id = organisationID
                return fresh
            }()
            record.png = logo.png
            record.version = logo.version
            record.width = logo.width
            record.height = logo.height
            record.updatedAt = time
            try await record.save(on: database)
            organisation.logoVersion = logo.version
            organisation.updatedAt = time
            try await organisation.update(on: database)
            try await OrganisationChangeRecord(organisationID: organisationID).create(on: database)
            return true
        }
    }

    /// Removes the logo; false when there was none.
    public func remove(of organisationID: UUID, at time: Date) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let record = try await OrganisationLogoRecord.find(organisationID, on: database),
                  let organisation = try await OrganisationRecord.find(organisationID, on: database)
            else { return false }
            try await record.delete(on: database)
            organisation.logoVersion = nil
            organisation.updatedAt = time
            try await organisation.update(on: database)
            try await OrganisationChangeRecord(organisationID: organisationID).create(on: database)
            return true
        }
    }
}
