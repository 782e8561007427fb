import FluentKit
import HubnetCore
import HubnetPersistence

/// A directory page: the index finds and counts, the database supplies the page's rows.
public struct DirectoryPage: Sendable {
    public let result: DirectoryResult
    public let organisations: [Organisation]
}

extension DirectoryService {
    public nonisolated func search(_ query: DirectoryQuery, on database: any Database) async throws -> DirectoryPage {
        let result = try await snapshot(on: database).search(query)
        let organisations = try await OrganisationStore(database).find(result.organisationIDs)
        return DirectoryPage(result: result, organisations: organisations)
    }
}
