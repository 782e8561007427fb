import FluentKit
import Foundation
import HubnetPersistence
import Vapor

/// Delivers the outbox: leases due messages, sends them, marks them sent or schedules a retry.
/// Runs in every serving instance; leases keep two instances off the same message.
final class OutboxWorker: LifecycleHandler, @unchecked Sendable {
    private let mailer: any Mailer
    private let interval: Duration
    private var task: Task<Void, Never>?

    init(mailer: any Mailer, interval: Duration = .seconds(1)) {
        self.mailer = mailer
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        let database = application.db
        let logger = application.logger
        task = Task { [mailer, interval] in
            while !Task.isCancelled {
                do {
                    try await Self.deliverDue(on: database, with: mailer, logger: logger)
                } catch {
                    logger.warning("Outbox: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
    }

    /// One round: every due message is tried once. Returns how many were sent.
    @discardableResult
    static func deliverDue(on database: any Database, with mailer: any Mailer, logger: Logger, limit: Int = 20) async throws -> Int {
        let outbox = Outbox(database)
        var sent = 0
        for message in try await outbox.leaseDue(limit: limit, lease: 120) {
            do {
                try await mailer.send(MailMessage(key: message.key, recipient: message.recipient, subject: message.subject, body: message.body))
                try await outbox.markSent(message.id!)
                sent += 1
            } catch {
                logger.warning("Outbox: message \(message.key) to \(message.recipient) failed: \(error)")
                try await outbox.markFailed(message, error: "\(error)")
            }
        }
        return sent
    }
}
