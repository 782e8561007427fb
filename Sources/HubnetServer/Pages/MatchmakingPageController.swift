import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// A matchmaking day in the browser: take part, see whom the engine suggests, ask, answer; the
/// organiser's settings and "Schedule all"; the agenda as a page, printable and in the calendar.
struct MatchmakingPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .matchmaking) { try await day($0, $1) }
        routes.page(.POST, .joinMatchmaking) { try await join($0, $1) }
        routes.page(.POST, .requestMeeting) { try await ask($0, $1) }
        routes.page(.POST, .answerMeeting) { try await answer($0, $1) }
        routes.page(.POST, .matchmakingSettings) { try await settings($0, $1) }
        routes.page(.POST, .scheduleMatchmaking) { try await schedule($0, $1) }
        routes.page(.GET, .agenda) { try await agenda($0, $1) }
    }

    func day(_ request: Request, _ language: SiteLanguage, problems: [FieldProblem] = [], outcome: MatchmakingPlan.Outcome? = nil,
             status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let context = try await request.actions()
        let actions = MatchmakingActions(context)
        let day = try await actions.day(id)
        let own = try await actions.ownParticipation(id)
        let manages = context.actor.manages(hub: day.event.hubSlug)
        let suggestions = try await suggestions(for: own, in: day, request, language)
        // Who takes part is for members of the network, not for every visitor.
        let people = context.actor.isSignedIn ? day.participants.map { participant in
            PlacePages.Person(participant: participant, name: day.names[participant.id] ?? "", organisation: day.organisations[participant.id] ?? "",
                              suggestion: suggestions[participant.organisationID])
        } : []
        let organisations = try await OrganisationStore(context.database).find(context.actor.organisations).sorted { $0.name < $1.name }
        let requests = day.requests.filter { request in manages || own.map { request.involves($0.id) } == true }
        let model = PlacePages.MatchmakingModel(
            event: day.event, settings: day.settings, own: own, people: people, requests: requests,
            organisations: organisations.map { ($0.id, $0.name) },
            profile: (organisations.first?.offers[language] ?? "", organisations.first?.seeks[language] ?? ""), manages: manages, signedIn: context.actor.isSignedIn,
            outcome: outcome.map { ($0.placements.count, $0.unplaced.count, $0.bound) }, csrf: request.csrfToken, problems: problems)
        return htmlResponse(MatchmakingView.render(model, try await request.pageContext(language, .matchmaking(id: id))), language, status: status)
    }

    /// The engine's view of whom to meet: what the participant seeks and offers against the
    /// other participants' organisations, with the first reasons in the reader's language.
    func suggestions(for own: MeetingParticipant?, in day: MatchmakingActions.Day, _ request: Request,
                     _ language: SiteLanguage) async throws -> [UUID: String] {
        guard let own, !(own.seek + own.offer).trimmingCharacters(in: .whitespaces).isEmpty else { return [:] }
        var query = MatchQuery()
        query.seeking = own.seek
        query.offering = own.offer
        query.limit = 500
        query.excluding = [own.organisationID]
        let others = Set(day.participants.map(\.organisationID))
        let partners = try await MatchService(request: request).partners(query)
        var suggestions: [UUID: String] = [:]
        for match in partners.matches where others.contains(match.organisation.id) && suggestions.count < 10 {
            suggestions[match.organisation.id] = match.result.reasons.prefix(2).map { $0.explanation[language] }.joined(separator: "; ")
        }
        return suggestions
    }

    func join(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let slots = (try? request.content.get([Int].self, at: "slots")) ?? []
        let availability = slots.filter { (0..<64).contains($0) }.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        do {
            _ = try await MatchmakingActions(try await request.actions()).join(
                id, organisation: try CallPageController.uuid(request, "organisation"), offer: CallPageController.field(request, "offer"),
                seek: CallPageController.field(request, "seek"), availability: availability)
        } catch let failure as ValidationFailure {
            return try await day(request, language, problems: failure.problems, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.matchmaking(id: id).path(language) + "#participants", redirectType: .normal)
    }

    func ask(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            _ = try await MatchmakingActions(try await request.actions()).request(
                id, with: try CallPageController.uuid(request, "participant"), message: CallPageController.field(request, "message"))
        } catch let failure as ValidationFailure {
            return try await day(request, language, problems: failure.problems, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.matchmaking(id: id).path(language) + "#my-requests", redirectType: .normal)
    }

    func answer(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = MatchmakingActions(try await request.actions())
        let changed: MeetingRequest = switch CallPageController.field(request, "answer") {
        case "accept": try await actions.respond(id, accept: true)
        case "decline": try await actions.respond(id, accept: false)
        case "cancel": try await actions.cancel(id)
        default: throw Abort(.badRequest)
        }
        return request.redirect(to: SiteURL.matchmaking(id: changed.eventID).path(language) + "#my-requests", redirectType: .normal)
    }

    func settings(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        do {
            guard let first = NetworkCalendar.moment(CallPageController.field(request, "first_slot")) else {
                throw ValidationFailure([FieldProblem(field: "first_slot", message: .init(de: "Bitte Tag und Uhrzeit angeben.", en: "Please give day and time."))])
            }
            func number(_ key: String) -> Int { Int(CallPageController.field(request, key)) ?? 0 }
            _ = try await MatchmakingActions(try await request.actions()).saveSettings(id, MatchmakingSettings(
                firstSlot: first, slotMinutes: number("slot_minutes"), slots: number("slots"), tables: number("tables"), capPerPerson: number("cap")))
        } catch let failure as ValidationFailure {
            return try await day(request, language, problems: failure.problems, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.matchmaking(id: id).path(language) + "#organiser", redirectType: .normal)
    }

    func schedule(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let outcome = try await MatchmakingActions(try await request.actions())
            .scheduleAll(id, keepConfirmed: CallPageController.field(request, "move_confirmed") != "on")
        return try await day(request, language, outcome: outcome)
    }

    func agenda(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let context = try await request.actions()
        _ = try context.memberID()
        let (day, items) = try await MatchmakingActions(context).agenda(id)
        let printable = PlacePageController.query(request, "print") == "1"
        let token = try await CalendarFeeds(context).token()
        let model = PlacePages.AgendaModel(
            event: day.event, name: try await request.actingMemberName() ?? "",
            items: items.map { PlacePages.AgendaItem(start: $0.start, end: $0.end, table: $0.table, with: $0.with, organisation: $0.organisation) },
            printable: printable, feed: "\(request.application.hubnetSettings.publicURL)/calendar/members/\(token).ics")
        return htmlResponse(AgendaView.render(model, try await request.pageContext(language, .agenda(id: id, print: printable))), language)
    }
}
