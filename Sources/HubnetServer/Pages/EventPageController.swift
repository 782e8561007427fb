import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Events in the browser: the list, one event with registration and waiting list, the hub
/// team's form and check-in list, and the member's calendar addresses.
struct EventPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .events) { try await list($0, $1) }
        routes.page(.GET, .event) { try await detail($0, $1) }
        routes.page(.GET, .newEvent) { try await form($0, $1) }
        routes.page(.POST, .newEvent) { try await save($0, $1) }
        routes.page(.GET, .editEvent) { try await form($0, $1) }
        routes.page(.POST, .editEvent) { try await save($0, $1) }
        routes.page(.POST, .cancelEvent) { try await cancelEvent($0, $1) }
        routes.page(.POST, .registerForEvent) { try await register($0, $1) }
        routes.page(.POST, .cancelRegistration) { try await unregister($0, $1) }
        routes.page(.GET, .checkIn) { try await checkInList($0, $1) }
        routes.page(.POST, .checkIn) { try await checkIn($0, $1) }
        routes.page(.GET, .calendar) { try await calendar($0, $1) }
        routes.page(.POST, .renewCalendar) { try await renewCalendar($0, $1) }
    }

    func list(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.actions()
        let hub = PlacePageController.query(request, "hub").flatMap { Network.hub($0)?.slug }
        let events = try await EventActions(context).upcoming(hub: hub)
        let managed = context.actor.managedHubs.map { Network.hubs.map(\.slug).filter($0.contains) } ?? (hub.map { [$0] } ?? [])
        let model = PlacePages.EventListModel(events: events, hub: hub, managedHubs: managed, signedIn: context.actor.isSignedIn)
        return htmlResponse(EventListView.render(model, try await request.pageContext(language, .events(hub: hub))), language)
    }

    func detail(_ request: Request, _ language: SiteLanguage, problems: [FieldProblem] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let context = try await request.actions()
        let actions = EventActions(context)
        let event = try await actions.event(id)
        let registration = try await actions.ownRegistration(id)
        let organisations = try await OrganisationStore(context.database).find(context.actor.organisations).sorted { $0.name < $1.name }
        var position: Int?
        if let registration { position = try await actions.waitlistPosition(registration) }
        let model = PlacePages.EventModel(
            event: event, seatsTaken: try await actions.seatsTaken(id), registration: registration,
            waitlistPosition: position,
            organisations: organisations.map { ($0.id, $0.name) }, signedIn: context.actor.isSignedIn,
            manages: context.actor.manages(hub: event.hubSlug), now: context.now, csrf: request.csrfToken, problems: problems)
        return htmlResponse(EventView.render(model, try await request.pageContext(language, .event(id: id))), language, status: status)
    }

    func register(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let context = try await request.actions()
        let organisation = UUID(uuidString: CallPageController.field(request, "organisation"))
        do {
            _ = try await EventActions(context).register(id, organisation: organisation)
        } catch let error as DomainError {
            guard case .conflict(let message) = error else { throw error }
            return try await detail(request, language, problems: [FieldProblem(field: "registration", message: message)], status: .conflict)
        }
        return request.redirect(to: SiteURL.event(id: id).path(language), redirectType: .normal)
    }

    func unregister(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        _ = try await EventActions(try await request.actions()).cancelRegistration(id)
        return request.redirect(to: SiteURL.event(id: id).path(language), redirectType: .normal)
    }

    func cancelEvent(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        _ = try await EventActions(try await request.actions()).cancelEvent(id)
        return request.redirect(to: SiteURL.event(id: id).path(language), redirectType: .normal)
    }

    // MARK: The event form

    func form(_ request: Request, _ language: SiteLanguage, values: [String: String]? = nil, problems: [FieldProblem] = [],
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = try await request.actions()
        let hubs = try PlacePageController.organisedHubs(context)
        let existing = request.parameters.get("id").flatMap(UUID.init(uuidString:))
        var form = values ?? [:]
        if values == nil {
            if let existing {
                let event = try await EventActions(context).event(existing)
                guard context.actor.manages(hub: event.hubSlug) else { throw DomainError.notAllowed }
                form = Self.values(of: event)
            } else {
                let hub = PlacePageController.startingHub(request, among: hubs)
                let kind = PlacePageController.query(request, "kind").flatMap(EventKind.init(rawValue:)) ?? .pitchNight
                let start = NetworkCalendar.calendar.date(bySettingHour: 18, minute: 0, second: 0,
                                                          of: NetworkCalendar.calendar.date(byAdding: .day, value: 14, to: context.now)!)!
                form = ["hub": hub, "kind": kind.rawValue, "start": NetworkCalendar.formValue(of: start),
                        "end": NetworkCalendar.formValue(of: start.addingTimeInterval(3 * 3600)), "capacity": "50",
                        "venue": "Digital Hub \(Network.hub(hub)!.name.de), \(Network.hub(hub)!.cities[0].name.de)"]
            }
        }
        let model = PlacePages.EventFormModel(existing: existing, values: form, hubs: hubs, problems: problems, csrf: request.csrfToken)
        let page: SiteURL = existing.map { .editEvent(id: $0) } ?? .newEvent(hub: form["hub"])
        return htmlResponse(EventFormView.render(model, try await request.pageContext(language, page)), language, status: status)
    }

    static func values(of event: Event) -> [String: String] {
        ["hub": event.hubSlug, "kind": event.kind.rawValue, "title_de": event.title.de, "title_en": event.title.en,
         "description_de": event.description.de, "description_en": event.description.en, "venue": event.venue,
         "start": NetworkCalendar.formValue(of: event.start), "end": NetworkCalendar.formValue(of: event.end), "capacity": "\(event.capacity)"]
    }

    func save(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let keys = ["hub", "kind", "title_de", "title_en", "description_de", "description_en", "venue", "start", "end", "capacity"]
        let values = Dictionary(uniqueKeysWithValues: keys.map { ($0, CallPageController.field(request, $0)) })
        let existing = request.parameters.get("id").flatMap(UUID.init(uuidString:))
        let context = try await request.actions()
        do {
            var problems: [FieldProblem] = []
            let start = NetworkCalendar.moment(values["start"]!), end = NetworkCalendar.moment(values["end"]!)
            let capacity = Int(values["capacity"]!)
            if start == nil { problems.append(FieldProblem(field: "start", message: .init(de: "Bitte Tag und Uhrzeit angeben.", en: "Please give day and time."))) }
            if end == nil { problems.append(FieldProblem(field: "end", message: .init(de: "Bitte Tag und Uhrzeit angeben.", en: "Please give day and time."))) }
            if capacity == nil { problems.append(FieldProblem(field: "capacity", message: .init(de: "Bitte eine ganze Zahl angeben.", en: "Please give a whole number."))) }
            guard let kind = EventKind(rawValue: values["kind"]!), problems.isEmpty else {
                throw ValidationFailure(problems.isEmpty ? [FieldProblem(field: "kind", message: .init(de: "Bitte die Art wählen.", en: "Please choose the kind."))] : problems)
            }
            let event = Event(id: existing ?? UUID(), hubSlug: values["hub"]!, kind: kind,
                              title: .init(de: values["title_de"]!, en: values["title_en"]!),
                              description: .init(de: values["description_de"]!, en: values["description_en"]!), venue: values["venue"]!,
                              start: start!, end: end!, capacity: capacity!, createdAt: context.now)
            let saved = try await EventActions(context).save(event)
            return request.redirect(to: SiteURL.event(id: saved.id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await form(request, language, values: values, problems: failure.problems, status: .unprocessableEntity)
        }
    }

    // MARK: At the door

    func checkInList(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = EventActions(try await request.actions())
        let event = try await actions.event(id)
        let attendees = try await actions.attendees(id).map { PlacePages.Attendee(registration: $0.0, name: $0.name, organisation: $0.organisation) }
        let model = PlacePages.CheckInModel(event: event, attendees: attendees, csrf: request.csrfToken)
        return htmlResponse(CheckInView.render(model, try await request.pageContext(language, .checkIn(id: id))), language)
    }

    func checkIn(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let registration = try CallPageController.uuid(request, "registration")
        _ = try await EventActions(try await request.actions()).checkIn(registration, present: CallPageController.field(request, "present") == "1")
        return request.redirect(to: SiteURL.checkIn(id: id).path(language) + "#attendees", redirectType: .normal)
    }

    // MARK: Calendar addresses

    func calendar(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.actions()
        let token = try await CalendarFeeds(context).token()
        let base = request.application.hubnetSettings.publicURL
        let model = PlacePages.CalendarModel(personal: "\(base)/calendar/members/\(token).ics",
                                             hubs: Network.hubs.map { ($0, "\(base)/calendar/hubs/\($0.slug).ics" + (language == .en ? "?lang=en" : "")) },
                                             csrf: request.csrfToken)
        return htmlResponse(CalendarView.render(model, try await request.pageContext(language, .calendar)), language)
    }

    func renewCalendar(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        _ = try await CalendarFeeds(try await request.actions()).renewToken()
        return request.redirect(to: SiteURL.calendar.path(language), redirectType: .normal)
    }
}
