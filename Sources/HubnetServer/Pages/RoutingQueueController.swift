import Foundation
import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// The agency's queue of requests, for hub staff.
struct RoutingQueueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .routingQueue) { try await queue($0, $1) }
    }

    func queue(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let state = request.query[String.self, at: "state"].flatMap(RoutingState.init(rawValue:))
        let entries = try await RoutingActions(request.actions()).queue(states: state.map { [$0] } ?? [])
        let rows = entries.map { entry in
            RoutingQueueView.Row(opportunity: entry.opportunity, posterHub: entry.posterHub, state: entry.routing.state, since: entry.since,
                                 overdue: entry.breaches, referredToReader: entry.referredToReader)
        }
        return htmlResponse(RoutingQueueView.render(rows, state: state, try await request.pageContext(language, .routingQueue(state: state))), language)
    }
}
