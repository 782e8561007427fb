import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// The local mailbox: with no SMTP server set, the outbox's mails are read here — by network
/// admins, or by anyone when HUBNET_DEV_MAILBOX=1 says this is a development server.
struct MailboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dev", "mailbox", use: mailbox)
    }

    func mailbox(_ request: Request) async throws -> Response {
        let settings = request.application.hubnetSettings
        guard settings.smtpURL == nil else { throw Abort(.notFound) }
        let language = request.pageLanguage
        let mails = try await Mailbox(request.actions()).recent(openToEveryone: settings.devMailbox).map {
            ReviewView.Mail(createdAt: $0.createdAt, recipient: $0.recipient, subject: $0.subject, body: $0.body, sent: $0.sent)
        }
        return htmlResponse(ReviewView.mailbox(mails, try await request.pageContext(language, .home)), language)
    }
}
