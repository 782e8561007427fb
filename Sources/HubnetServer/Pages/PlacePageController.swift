import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
import HubnetViews
import Vapor

/// Places in the browser: what the hubs lend, a resource's week with booking by a click, one's
/// bookings, the hub team's view (utilisation, no-shows, the Start-up Card) and the resource form.
struct PlacePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, .places) { try await list($0, $1) }
        routes.page(.GET, .resource) { try await resource($0, $1) }
        routes.page(.POST, .bookResource) { try await book($0, $1) }
        routes.page(.GET, .newResource) { try await resourceForm($0, $1) }
        routes.page(.POST, .newResource) { try await saveResource($0, $1) }
        routes.page(.GET, .editResource) { try await resourceForm($0, $1) }
        routes.page(.POST, .editResource) { try await saveResource($0, $1) }
        routes.page(.GET, .bookings) { try await bookings($0, $1) }
        routes.page(.POST, .cancelBooking) { try await changeBooking($0, $1, noShow: false) }
        routes.page(.POST, .noShowBooking) { try await changeBooking($0, $1, noShow: true) }
        routes.page(.GET, .hubPlaces) { try await hub($0, $1) }
    }

    static func query(_ request: Request, _ key: String) -> String? {
        (try? request.query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The hubs whose resources and events the reader sets up; none means the form is not theirs.
    static func organisedHubs(_ context: ActionContext) throws -> [String] {
        _ = try context.memberID()
        let hubs = Network.hubs.map(\.slug).filter(context.actor.manages(hub:))
        guard !hubs.isEmpty else { throw DomainError.notAllowed }
        return hubs
    }

    /// The hub a new form starts with: the one the link named, if the reader organises it.
    static func startingHub(_ request: Request, among hubs: [String]) -> String {
        query(request, "hub").flatMap { slug in hubs.first { $0 == slug } } ?? hubs[0]
    }

    func list(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.actions()
        let hub = Self.query(request, "hub").flatMap { Network.hub($0)?.slug }
        let kind = Self.query(request, "kind").flatMap(ResourceKind.init(rawValue:))
        let resources = try await PlaceActions(context).resources(hub: hub).filter { kind == nil || $0.kind == kind }
        // The agency manages every hub: it gets the one it looks at.
        let managed = context.actor.managedHubs.map { Network.hubs.map(\.slug).filter($0.contains) } ?? (hub.map { [$0] } ?? [])
        let model = PlacePages.ListModel(resources: resources, hub: hub, kind: kind, managedHubs: managed)
        return htmlResponse(PlaceListView.render(model, try await request.pageContext(language, .places(hub: hub, kind: kind))), language)
    }

    func resource(_ request: Request, _ language: SiteLanguage, problems: [FieldProblem] = [], booked: Booking? = nil,
                  status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try MatchPageController.id(request)
        let context = try await request.actions()
        let actions = PlaceActions(context)
        let resource = try await actions.resource(id)
        let week = Self.query(request, "week") ?? (try? request.content.get(String.self, at: "week"))
        var monday = WeekAvailability.monday(of: week.flatMap(NetworkCalendar.startOfDay) ?? booked?.start ?? context.now)
        if week == nil, booked == nil, try await actions.week(of: resource, monday: monday).days.allSatisfy({ day in day.slots.allSatisfy { $0.state == .past } }) {
            // Nothing left to book this week (a Saturday, say): the next one is what people want.
            monday = NetworkCalendar.calendar.date(byAdding: .day, value: 7, to: monday)!
        }
        let organisations = try await OrganisationStore(context.database).find(context.actor.organisations).sorted { $0.name < $1.name }
        let manages = context.actor.manages(hub: resource.hubSlug)
        let admitted = organisations.filter { manages || resource.rule.allows(kind: $0.kind, hub: $0.hubSlug, resourceHub: resource.hubSlug) }
        let refused = organisations.filter { organisation in !admitted.contains { $0.id == organisation.id } }.map(\.name)
        let model = PlacePages.ResourceModel(
            resource: resource, week: try await actions.week(of: resource, monday: monday),
            organisations: admitted.map { ($0.id, $0.name) }, refused: refused, signedIn: context.actor.isSignedIn, manages: manages,
            csrf: request.csrfToken, problems: problems, booked: booked)
        let page = SiteURL.resource(id: id, week: week == nil ? nil : NetworkCalendar.day(of: monday))
        return htmlResponse(ResourceView.render(model, try await request.pageContext(language, page)), language, status: status)
    }

    /// A click on a free time: the chosen organisation and length from there.
    func book(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let id = try MatchPageController.id(request)
        let context = try await request.actions()
        _ = try context.memberID()
        do {
            let organisation = try CallPageController.uuid(request, "organisation")
            guard let start = try? Date(CallPageController.field(request, "start"), strategy: .iso8601),
                  let minutes = Int(CallPageController.field(request, "minutes")), (1...(24 * 60)).contains(minutes) else {
                throw ValidationFailure([FieldProblem(field: "start", message: .init(de: "Bitte eine freie Zeit und die Dauer wählen.",
                                                                                     en: "Please choose a free time and the length."))])
            }
            let booking = try await PlaceActions(context).book(resource: id, organisation: organisation, start: start,
                                                               end: start.addingTimeInterval(Double(minutes * 60)))
            return try await resource(request, language, booked: booking, status: .created)
        } catch let failure as ValidationFailure {
            return try await resource(request, language, problems: failure.problems, status: .unprocessableEntity)
        } catch let error as DomainError {
            guard case .conflict(let message) = error else { throw error }
            return try await resource(request, language, problems: [FieldProblem(field: "start", message: message)], status: .conflict)
        }
    }

    func bookings(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let actions = PlaceActions(context)
        let bookings = try await actions.ownBookings()
        let rows = try await rows(bookings, context)
        let model = PlacePages.BookingsModel(rows: rows, now: context.now, csrf: request.csrfToken)
        return htmlResponse(BookingsView.render(model, try await request.pageContext(language, .bookings)), language)
    }

    func rows(_ bookings: [Booking], _ context: ActionContext) async throws -> [PlacePages.BookingRow] {
        let resources = Dictionary(uniqueKeysWithValues: try await PlaceStore(context.database).resources(includingInactive: true).map { ($0.id, $0) })
        let names = try await PlaceActions(context).organisationNames(bookings.map(\.organisationID))
        return bookings.compactMap { booking in
            resources[booking.resourceID].map { PlacePages.BookingRow(booking: booking, resource: $0, organisation: names[booking.organisationID] ?? "") }
        }
    }

    func changeBooking(_ request: Request, _ language: SiteLanguage, noShow: Bool) async throws -> Response {
        let id = try MatchPageController.id(request)
        let actions = PlaceActions(try await request.actions())
        let (_, resource) = try await actions.booking(id)
        _ = noShow ? try await actions.markNoShow(id) : try await actions.cancel(id)
        let back = request.headers.first(name: .referer).flatMap { URL(string: $0)?.path }.flatMap(request.safeReturn)
        return request.redirect(to: back ?? (noShow ? SiteURL.hubPlaces(slug: resource.hubSlug) : SiteURL.bookings).path(language), redirectType: .normal)
    }

    func hub(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        guard let hub = request.parameters.get("slug").flatMap(Network.hub) else { throw Abort(.notFound) }
        let context = try await request.actions()
        let actions = PlaceActions(context)
        let week = Self.query(request, "week")
        let monday = WeekAvailability.monday(of: week.flatMap(NetworkCalendar.startOfDay) ?? context.now)
        let sunday = NetworkCalendar.calendar.date(byAdding: .day, value: 7, to: monday)!
        let utilisation = try await actions.utilisation(hub: hub.slug, from: monday, to: sunday)
        let bookings = try await actions.hubBookings(hub: hub.slug, from: monday, to: sunday)
        let travels = try await actions.travels(hub: hub.slug, from: monday, to: sunday)
        let model = PlacePages.HubModel(
            hub: hub, monday: monday, utilisation: utilisation,
            bookings: bookings.map { PlacePages.BookingRow(booking: $0.0, resource: $0.1, organisation: $0.2) },
            travels: travels.map { PlacePages.BookingRow(booking: $0.0, resource: $0.1, organisation: $0.2) },
            now: context.now, csrf: request.csrfToken)
        return htmlResponse(HubPlacesView.render(model, try await request.pageContext(language, .hubPlaces(slug: hub.slug, week: week))), language)
    }

    // MARK: The resource form

    func resourceForm(_ request: Request, _ language: SiteLanguage, values: [String: String]? = nil, problems: [FieldProblem] = [],
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = try await request.actions()
        let hubs = try Self.organisedHubs(context)
        let existing = request.parameters.get("id").flatMap(UUID.init(uuidString:))
        var form = values ?? [:]
        if values == nil {
            if let existing {
                let resource = try await PlaceActions(context).resource(existing)
                guard context.actor.manages(hub: resource.hubSlug) else { throw DomainError.notAllowed }
                form = Self.values(of: resource)
            } else {
                let hub = Self.startingHub(request, among: hubs)
                form = Self.values(of: Resource(hubSlug: hub, city: Network.hub(hub)!.cities[0].name.de, kind: .desk, name: .init(""), rule: .startupCard))
            }
        }
        let model = PlacePages.ResourceFormModel(existing: existing, values: form, hubs: hubs, problems: problems, csrf: request.csrfToken)
        let page: SiteURL = existing.map { .editResource(id: $0) } ?? .newResource(hub: form["hub"])
        return htmlResponse(ResourceFormView.render(model, try await request.pageContext(language, page)), language, status: status)
    }

    static func values(of resource: Resource) -> [String: String] {
        ["hub": resource.hubSlug, "city": resource.city, "kind": resource.kind.rawValue, "rule": resource.rule.rawValue,
         "name_de": resource.name.de, "name_en": resource.name.en, "description_de": resource.description.de, "description_en": resource.description.en,
         "opening_hours": resource.openingHours.text(.de).replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " · ", with: "; "),
         "closures": resource.closures.map { "\($0.from) \($0.to) \($0.reason.de)" }.joined(separator: "\n"),
         "granularity": "\(resource.granularityMinutes)", "maximum": "\(resource.maximumMinutes / 60)",
         "quota": resource.quotaDaysPerMonth.map(String.init) ?? "", "ahead": "\(resource.bookableDaysAhead)", "active": resource.active ? "on" : ""]
    }

    func saveResource(_ request: Request, _ language: SiteLanguage) async throws -> Response {
        let keys = ["hub", "city", "kind", "rule", "name_de", "name_en", "description_de", "description_en", "opening_hours", "closures",
                    "granularity", "maximum", "quota", "ahead", "active"]
        let values = Dictionary(uniqueKeysWithValues: keys.map { ($0, CallPageController.field(request, $0)) })
        let existing = request.parameters.get("id").flatMap(UUID.init(uuidString:))
        do {
            let resource = try Self.resource(from: values, id: existing ?? UUID())
            let saved = try await PlaceActions(request.actions()).save(resource)
            return request.redirect(to: SiteURL.resource(id: saved.id).path(language), redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await resourceForm(request, language, values: values, problems: failure.problems, status: .unprocessableEntity)
        }
    }

    /// The form's text as a resource; what cannot be read is named per field.
    static func resource(from v: [String: String], id: UUID) throws -> Resource {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ de: String, _ en: String) { problems.append(FieldProblem(field: field, message: .init(de: de, en: en))) }
        let hours = OpeningHours.parse(v["opening_hours"] ?? "")
        if hours == nil { problem("opening_hours", "Öffnungszeiten bitte wie „Mo-Fr 08:00-20:00; Sa 10:00-16:00“ angeben.",
                                  "Please write the opening hours like 'Mon-Fri 08:00-20:00; Sat 10:00-16:00'.") }
        var closures: [Closure] = []
        for line in (v["closures"] ?? "").split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3 else {
                problem("closures", "Je Zeile: erster Tag, letzter Tag, Grund – z. B. „2026-12-24 2027-01-01 Winterpause“.",
                        "Per line: first day, last day, reason – e.g. '2026-12-24 2027-01-01 Winter break'.")
                continue
            }
            closures.append(Closure(from: parts[0], to: parts[1], reason: .init(parts[2].trimmingCharacters(in: .whitespaces))))
        }
        let maximum = Int(v["maximum"] ?? ""), ahead = Int(v["ahead"] ?? ""), granularity = Int(v["granularity"] ?? "")
        let quotaText = (v["quota"] ?? "").trimmingCharacters(in: .whitespaces)
        if maximum == nil { problem("maximum", "Bitte eine ganze Zahl von Stunden angeben.", "Please give a whole number of hours.") }
        if ahead == nil { problem("ahead", "Bitte eine ganze Zahl von Tagen angeben.", "Please give a whole number of days.") }
        if !quotaText.isEmpty && Int(quotaText) == nil { problem("quota", "Bitte eine ganze Zahl oder nichts angeben.", "Please give a whole number or nothing.") }
        guard let kind = ResourceKind(rawValue: v["kind"] ?? ""), let rule = BookingRule(rawValue: v["rule"] ?? "") else {
            problem("kind", "Bitte Art und Regel wählen.", "Please choose the kind and the rule.")
            throw ValidationFailure(problems)
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return Resource(id: id, hubSlug: v["hub"] ?? "", city: v["city"] ?? "", kind: kind, name: .init(de: v["name_de"] ?? "", en: v["name_en"] ?? ""),
                        description: .init(de: v["description_de"] ?? "", en: v["description_en"] ?? ""), openingHours: hours!, closures: closures,
                        granularityMinutes: granularity ?? 0, maximumMinutes: min(maximum!, 1000) * 60, quotaDaysPerMonth: Int(quotaText),
                        rule: rule, bookableDaysAhead: ahead!, active: v["active"] == "on")
    }
}
