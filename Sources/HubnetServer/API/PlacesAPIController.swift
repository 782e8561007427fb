import Foundation
import HubnetActions
import HubnetCore
import Vapor

/// Resources and bookings through the API: everyone reads resources and their weeks; members
/// book for their organisations and cancel. A taken time answers 409, whoever was faster.
struct PlacesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let resources = routes.grouped("api", "v1", "resources")
        resources.get(use: list)
        resources.get(":id", use: find)
        resources.get(":id", "availability", use: availability)
        resources.on(.POST, ":id", "bookings", body: .collect(maxSize: "4kb"), use: book)
        let bookings = routes.grouped("api", "v1", "bookings")
        bookings.get(use: ownBookings)
        bookings.get(":id", use: booking)
        bookings.on(.POST, ":id", "cancel", body: .collect(maxSize: "1kb"), use: cancel)
    }

    func list(_ request: Request) async throws -> [ResourceDTO] {
        let hub = try request.query.get(String?.self, at: "hub")
        try APIQuery.checkHub(hub)
        return try await PlaceActions(request.actions()).resources(hub: hub).map(ResourceDTO.init)
    }

    func find(_ request: Request) async throws -> ResourceDTO {
        ResourceDTO(try await PlaceActions(request.actions()).resource(try request.uuid()))
    }

    func availability(_ request: Request) async throws -> WeekDTO {
        let context = try await request.actions()
        let actions = PlaceActions(context)
        let resource = try await actions.resource(try request.uuid())
        let monday: Date
        do {
            monday = try WeekDTO.monday(request.query.get(String?.self, at: "week"), now: context.now)
        } catch let failure as ValidationFailure {
            throw ProblemDetails.validation(failure, status: .badRequest)
        }
        return WeekDTO(try await actions.week(of: resource, monday: monday), resource: resource.id)
    }

    struct BookInput: Decodable {
        var organisation: UUID
        var start: String
        var end: String
    }

    func book(_ request: Request) async throws -> Response {
        let context = try await request.actions()
        _ = try context.memberID()
        let input = try request.strictJSON(BookInput.self)
        let start = try APITime.parse(input.start, field: "start"), end = try APITime.parse(input.end, field: "end")
        let booking = try await PlaceActions(context).book(resource: try request.uuid(), organisation: input.organisation, start: start, end: end)
        let response = try await BookingDTO(booking).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/bookings/\(booking.id.lowercased)")
        return response
    }

    func ownBookings(_ request: Request) async throws -> [BookingDTO] {
        let context = try await request.actions()
        _ = try context.memberID()
        return try await PlaceActions(context).ownBookings().map(BookingDTO.init)
    }

    func booking(_ request: Request) async throws -> BookingDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        return BookingDTO(try await PlaceActions(context).booking(try request.uuid()).booking)
    }

    func cancel(_ request: Request) async throws -> BookingDTO {
        let context = try await request.actions()
        _ = try context.memberID()
        return BookingDTO(try await PlaceActions(context).cancel(try request.uuid()))
    }
}

/// Query parameters the API cannot use are the request's fault: 400, like the directory's.
enum APIQuery {
    static func checkHub(_ hub: String?) throws {
        guard let hub, Network.hub(hub) == nil else { return }
        throw ProblemDetails.validation(ValidationFailure([FieldProblem(field: "hub", message: .init(de: "Diesen Hub gibt es nicht.", en: "There is no such hub."))]),
                                        status: .badRequest)
    }
}

/// Times at the API's edge: ISO 8601 in, ISO 8601 (UTC) out.
enum APITime {
    static func parse(_ text: String, field: String) throws -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw ValidationFailure([FieldProblem(field: field, message: .init(
                de: "Bitte Datum und Uhrzeit nach ISO 8601 angeben, z. B. 2026-12-01T09:00:00Z.",
                en: "Please give date and time in ISO 8601, e.g. 2026-12-01T09:00:00Z."))])
        }
        return date
    }

    static func text(_ date: Date) -> String { date.formatted(.iso8601) }
}

struct ResourceDTO: Content {
    let id: String
    let hub: String
    let city: String
    let kind: String
    let name: LocalizedText
    let description: LocalizedText
    let openingHours: LocalizedText
    let granularityMinutes: Int
    let maximumMinutes: Int
    let quotaDaysPerMonth: Int?
    let rule: String
    let bookableDaysAhead: Int

    init(_ r: Resource) {
        id = r.id.lowercased
        hub = r.hubSlug
        city = r.city
        kind = r.kind.rawValue
        name = r.name
        description = r.description
        openingHours = .init(de: r.openingHours.text(.de), en: r.openingHours.text(.en))
        granularityMinutes = r.granularityMinutes
        maximumMinutes = r.maximumMinutes
        quotaDaysPerMonth = r.quotaDaysPerMonth
        rule = r.rule.rawValue
        bookableDaysAhead = r.bookableDaysAhead
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(hub, forKey: .hub)
        try c.encode(city, forKey: .city)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(openingHours, forKey: .openingHours)
        try c.encode(granularityMinutes, forKey: .granularityMinutes)
        try c.encode(maximumMinutes, forKey: .maximumMinutes)
        try c.encode(quotaDaysPerMonth, forKey: .quotaDaysPerMonth)
        try c.encode(rule, forKey: .rule)
        try c.encode(bookableDaysAhead, forKey: .bookableDaysAhead)
    }
}

struct WeekDTO: Content {
    struct Slot: Content {
        let start: String
        let end: String
        let state: String
    }

    struct Day: Content {
        let day: String
        let closedBecause: LocalizedText?
        let slots: [Slot]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(day, forKey: .day)
            try c.encode(closedBecause, forKey: .closedBecause)
            try c.encode(slots, forKey: .slots)
        }
    }

    let resource: String
    let monday: String
    let days: [Day]

    init(_ week: WeekAvailability, resource: UUID) {
        self.resource = resource.lowercased
        monday = NetworkCalendar.day(of: week.monday)
        days = week.days.map { day in
            Day(day: day.day, closedBecause: day.closedBecause,
                slots: day.slots.map { Slot(start: APITime.text($0.start), end: APITime.text($0.end), state: $0.state.rawValue) })
        }
    }

    /// The Monday of the week a day (YYYY-MM-DD) falls in; this week without one.
    static func monday(_ day: String?, now: Date) throws -> Date {
        guard let day else { return WeekAvailability.monday(of: now) }
        guard let start = NetworkCalendar.startOfDay(day) else {
            throw ValidationFailure([FieldProblem(field: "week", message: .init(de: "Bitte einen Tag als JJJJ-MM-TT angeben.",
                                                                                en: "Please give a day as YYYY-MM-DD."))])
        }
        return WeekAvailability.monday(of: start)
    }
}

struct BookingDTO: Content {
    let id: String
    let resource: String
    let organisation: String
    let start: String
    let end: String
    let state: String

    init(_ b: Booking) {
        id = b.id.lowercased
        resource = b.resourceID.lowercased
        organisation = b.organisationID.lowercased
        start = APITime.text(b.start)
        end = APITime.text(b.end)
        state = b.state.rawValue
    }
}
