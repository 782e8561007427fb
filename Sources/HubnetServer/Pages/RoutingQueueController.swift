import Foundation
import HubnetActions
import HubnetCore
import HubnetViews
import Vapor

/// The agency's queue of requests, for hub staff: with filters, a CSV export, the funnel,
/// the referral matrix and the hubs' service levels.
struct RoutingQueueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .routingQueue) { try await queue($0, $1) }
        routes.page(.POST, .routingServiceLevels) { try await setServiceLevels($0, $1) }
    }

    func queue(_ request: Request, _ language: SiteLanguage, problems: [FieldProblem] = [], notice: String? = nil,
               status: HTTPResponseStatus = .ok) async throws -> Response {
        var filter = RoutingQueueFilter()
        var problems = problems
        var status = status
        do {
            filter = try RoutingQueueFilter(parameters: request.queryParameters)
        } catch {
            // A broken link still shows the queue, with the problem named above it.
            problems += error.problems
            status = .badRequest
        }
        let actions = RoutingActions(try await request.actions())
        if request.query[String.self, at: "format"] == "csv" { return try csv(try await actions.queue(filter, paged: false).entries, language) }
        let (entries, total) = try await actions.queue(filter)
        let rows = entries.map { entry in
            RoutingQueueView.Row(opportunity: entry.opportunity, posterHub: entry.posterHub, state: entry.routing.state, since: entry.since,
                                 overdue: entry.breaches, referredToReader: entry.referredToReader)
        }
        let figures = try await actions.figures()
        let extras = RoutingQueueView.Extras(levels: try await actions.serviceLevels(), funnel: figures.funnel, referrals: figures.referrals,
                                             csrf: request.csrfToken, problems: problems, notice: notice)
        let page = RoutingQueueView.render(rows, filter: filter, total: total, extras: extras,
                                           try await request.pageContext(language, .routingQueue(filter)))
        return htmlResponse(page, language, status: status)
    }

    /// The queue as a spreadsheet opens it: one request a line, times in the network's zone.
    func csv(_ entries: [RoutingActions.QueueEntry], _ language: SiteLanguage) throws -> Response {
        try csvResponse(header: ["id", "title", "kind", "hub", "state", "since", "overdue", "referred_to_you"], rows: entries.map { entry in
            [entry.opportunity.id.lowercased, CSVCell.safe(entry.opportunity.title), entry.opportunity.kind.rawValue, entry.posterHub,
             entry.routing.state.rawValue, entry.since.formatted(.iso8601),
             entry.breaches.map { "\($0.step.rawValue)@\($0.hub)" }.joined(separator: " "), entry.referredToReader.joined(separator: " ")]
        }, filename: "routing-queue.csv")
    }

    struct LevelsForm: Content {
        let hub: String
        let vetWithin: String
        let routeWithin: String
        let answerReferralWithin: String
    }

    func setServiceLevels(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let form = try request.content.decode(LevelsForm.self)
        do {
            let number = { (field: String, value: String) throws -> Int in
                guard let days = Int(value.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationFailure([FieldProblem(field: field, message: .init(de: "Bitte eine ganze Zahl angeben.", en: "Please give a whole number."))])
                }
                return days
            }
            let levels = ServiceLevels(vetWithin: try number("vetWithin", form.vetWithin), routeWithin: try number("routeWithin", form.routeWithin),
                                       answerReferralWithin: try number("answerReferralWithin", form.answerReferralWithin))
            try await RoutingActions(request.actions()).setServiceLevels(levels, of: form.hub)
            let hubName = Network.hub(form.hub)?.name[language] ?? form.hub
            return try await queue(request, language, notice: language == .de ? "Servicezeiten für \(hubName) gespeichert." : "Service levels for \(hubName) saved.")
        } catch let failure as ValidationFailure {
            return try await queue(request, language, problems: failure.problems, status: .unprocessableEntity)
        }
    }
}
