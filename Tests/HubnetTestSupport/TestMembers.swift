import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetServer
import Vapor

/// Members made straight in the database for tests: confirmed, with roles and a token.
public struct TestMember: Sendable {
    public let id: UUID
    public let email: String
    public let token: String
    public let tokenID: UUID

    public var headers: HTTPHeaders {
        ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
    }

    public static func make(_ app: Application, roles: [Role] = [], scopes: String = "read write",
                            password: String? = nil) async throws -> TestMember {
        let id = UUID()
        let email = "member-\(id.uuidString.prefix(8).lowercased())@hubnet.test"
        let hash = try password.map { try app.password.hash($0) } ?? "!"
        let member = MemberRecord(id: id, email: email, name: "Test \(id.uuidString.prefix(4))", passwordHash: hash, language: "de")
        member.emailConfirmedAt = Date()
        try await member.create(on: app.db)
        for role in roles { try await MemberStore(app.db).assign(role, to: id) }
        let secret = SecretToken.generate(prefix: "hubnet_")
        let record = APITokenRecord(memberID: id, name: "test", tokenHash: secret.hash, scopes: scopes)
        try await CredentialStore(app.db).addAPIToken(record)
        return TestMember(id: id, email: email, token: secret.value, tokenID: record.id!)
    }
}
