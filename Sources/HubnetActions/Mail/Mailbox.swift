import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// A mail of the outbox as the local mailbox page shows it.
public struct OutboxMail: Sendable {
    public let createdAt: Date?
    public let recipient: String
    public let subject: String
    public let body: String
    public let sent: Bool
}

/// The outbox read as a mailbox, for a server without an SMTP relay. The mails hold sign-in
/// and reset links, so only the agency reads them — or anyone, when the operator has said
/// explicitly that this is a development server.
public struct Mailbox: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    public func recent(openToEveryone: Bool, limit: Int = 100) async throws -> [OutboxMail] {
        if !openToEveryone {
            _ = try context.memberID()
            guard context.actor.isNetworkAdmin else { throw DomainError.notAllowed }
        }
        return try await Outbox(context.database).messages(limit: limit).map {
            OutboxMail(createdAt: $0.createdAt, recipient: $0.recipient, subject: $0.subject, body: $0.body, sent: $0.sentAt != nil)
        }
    }
}
