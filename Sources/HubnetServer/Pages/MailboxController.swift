import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Development only: with no SMTP server set, the outbox's mails are read here.
struct MailboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dev", "mailbox", use: mailbox)
    }

    func mailbox(_ request: Request) async throws -> Response {
        // Reset links are in there: never on a production server.
        guard request.application.hubnetSettings.smtpURL == nil, request.application.environment != .production else {
            throw Abort(.notFound)
        }
        let language = request.pageLanguage
        let mails = try await Outbox(request.db).messages().map {
            ReviewView.Mail(createdAt: $0.createdAt, recipient: $0.recipient, subject: $0.subject, body: $0.body, sent: $0.sentAt != nil)
        }
        return htmlResponse(ReviewView.mailbox(mails, try await request.pageContext(language, .home)), language)
    }
}
