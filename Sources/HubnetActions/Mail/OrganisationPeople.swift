import FluentKit
import Foundation
import HubnetPersistence

/// The people who act for an organisation, as notices address them and introductions name
/// them ("Name <address>"); erased accounts left out.
struct OrganisationPeople {
    let database: any Database

    func members(of organisation: UUID) async throws -> [MemberRecord] {
        let ids = try await MemberStore(database).memberships(ofOrganisation: organisation).map(\.memberID)
        guard !ids.isEmpty else { return [] }
        return try await MemberRecord.query(on: database).filter(\.$id ~~ ids).filter(\.$erasedAt == nil).sort(\.$email).all()
    }

    func contacts(of organisation: UUID) async throws -> [String] {
        Self.contacts(try await members(of: organisation))
    }

    static func contacts(_ people: [MemberRecord]) -> [String] {
        people.map { "\($0.name) <\($0.email)>" }
    }
}
