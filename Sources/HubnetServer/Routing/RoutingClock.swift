import Foundation
import HubnetActions
import Vapor

/// Runs the routing desk's clock (expiry, reminders) in every serving instance, every
/// `interval`. Two instances doing it at once are harmless: a request expires in one
/// transaction, and a reminder's outbox key is unique.
final class RoutingClock: LifecycleHandler, @unchecked Sendable {
    private let interval: Duration
    private var task: Task<Void, Never>?

    init(interval: Duration = .seconds(60)) {
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        let actions = RoutingActions(application.commandActions)
        let scouting = ScoutingActions(application.commandActions)
        let logger = application.logger
        task = Task { [interval] in
            while !Task.isCancelled {
                do {
                    let (expired, reminded) = try await actions.runClock()
                    _ = try await scouting.remindDue()
                    if expired + reminded > 0 { logger.info("Routing desk: \(expired) expired, \(reminded) reminded") }
                } catch {
                    logger.warning("Routing desk clock: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
    }
}
