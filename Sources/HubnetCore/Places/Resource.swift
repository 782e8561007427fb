import Foundation

/// What a hub lends: a flexible desk, a 3D printer, a VR headset, a lab, a meeting room.
public enum ResourceKind: String, Hashable, Sendable, Codable, CaseIterable {
    case desk
    case printer = "3d_printer"
    case vrHeadset = "vr_headset"
    case lab
    case room

    public var label: LocalizedText {
        switch self {
        case .desk: .init(de: "Flexibler Arbeitsplatz", en: "Flexible desk")
        case .printer: .init(de: "3D-Drucker", en: "3D printer")
        case .vrHeadset: .init(de: "VR-Brille", en: "VR headset")
        case .lab: .init(de: "Labor", en: "Lab")
        case .room: .init(de: "Besprechungsraum", en: "Meeting room")
        }
    }

    public var plural: LocalizedText {
        switch self {
        case .desk: .init(de: "Flexible Arbeitsplätze", en: "Flexible desks")
        case .printer: .init(de: "3D-Drucker", en: "3D printers")
        case .vrHeadset: .init(de: "VR-Brillen", en: "VR headsets")
        case .lab: .init(de: "Labore", en: "Labs")
        case .room: .init(de: "Besprechungsräume", en: "Meeting rooms")
        }
    }
}

/// Who may book a resource. Hub managers of the resource's hub may always book, for anyone.
public enum BookingRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Organisations whose home is this hub.
    case hubMembers = "hub_members"
    /// This hub's organisations and every startup of the network: the Start-up Card.
    case startupCard = "startup_card"
    /// Any organisation of the network.
    case everyone

    public var label: LocalizedText {
        switch self {
        case .hubMembers: .init(de: "Organisationen dieses Hubs", en: "Organisations of this hub")
        case .startupCard: .init(de: "Organisationen dieses Hubs und alle Startups mit Start-up Card",
                                 en: "Organisations of this hub and every startup with the Start-up Card")
        case .everyone: .init(de: "Alle Organisationen des Netzwerks", en: "Every organisation of the network")
        }
    }

    /// Whether an organisation of `kind` from `hub` may book a resource of `resourceHub`.
    public func allows(kind: OrganisationKind, hub: String, resourceHub: String) -> Bool {
        switch self {
        case .hubMembers: hub == resourceHub
        case .startupCard: hub == resourceHub || kind == .startup
        case .everyone: true
        }
    }
}

/// Days a place is shut beyond its weekly hours (renovation, a hub's summer break).
public struct Closure: Hashable, Sendable, Codable {
    /// First and last day, YYYY-MM-DD, both included.
    public var from: String
    public var to: String
    public var reason: LocalizedText

    public init(from: String, to: String, reason: LocalizedText) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// A bookable thing of a hub, one at a time: each desk, printer or room is its own resource,
/// so "no double booking" means no two bookings of one resource overlap.
public struct Resource: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var hubSlug: String
    /// The city of the hub it stands in (German name): its state's holidays apply.
    public var city: String
    public var kind: ResourceKind
    public var name: LocalizedText
    public var description: LocalizedText
    public var openingHours: OpeningHours
    public var closures: [Closure]
    /// Bookings start and end on this grid from the opening time; a multiple of 15 minutes.
    public var granularityMinutes: Int
    /// The longest single booking.
    public var maximumMinutes: Int
    /// Days with a booking of this kind at this hub, per organisation and calendar month.
    public var quotaDaysPerMonth: Int?
    public var rule: BookingRule
    /// How far ahead bookings open.
    public var bookableDaysAhead: Int
    public var active: Bool

    public init(id: UUID = UUID(), hubSlug: String, city: String, kind: ResourceKind, name: LocalizedText,
                description: LocalizedText = .init(""), openingHours: OpeningHours = .weekdays(8, 20), closures: [Closure] = [],
                granularityMinutes: Int = 60, maximumMinutes: Int = 12 * 60, quotaDaysPerMonth: Int? = nil,
                rule: BookingRule = .hubMembers, bookableDaysAhead: Int = 60, active: Bool = true) {
        self.id = id
        self.hubSlug = hubSlug
        self.city = city
        self.kind = kind
        self.name = name
        self.description = description
        self.openingHours = openingHours
        self.closures = closures
        self.granularityMinutes = granularityMinutes
        self.maximumMinutes = maximumMinutes
        self.quotaDaysPerMonth = quotaDaysPerMonth
        self.rule = rule
        self.bookableDaysAhead = bookableDaysAhead
        self.active = active
    }

    public var hub: Hub? { Network.hub(hubSlug) }

    /// The federal state whose holidays close the place.
    public var state: FederalState? {
        hub?.cities.first { $0.name.de == city }?.state ?? hub?.cities.first?.state
    }

    /// Why the place is shut on a day (YYYY-MM-DD): a closure or a public holiday; nil when open.
    public func closed(on day: String) -> LocalizedText? {
        if let closure = closures.first(where: { $0.from <= day && day <= $0.to }) { return closure.reason }
        if let state, let year = Int(day.prefix(4)),
           let holiday = PublicHolidays.of(state, year: year, city: city).first(where: { $0.day == day }) { return holiday.name }
        return nil
    }

    /// The opening on a day (its start in Berlin), or nil when closed.
    public func opening(on dayStart: Date) -> OpeningHours.Span? {
        guard closed(on: NetworkCalendar.day(of: dayStart)) == nil else { return nil }
        return openingHours.days[OpeningHours.weekday(of: dayStart)]
    }

    /// Checks a resource as a hub manager sets it up; every problem at once.
    public func validated() throws(ValidationFailure) -> Resource {
        var result = self
        result.name = LocalizedText(de: name.de.trimmingCharacters(in: .whitespacesAndNewlines),
                                    en: name.en.trimmingCharacters(in: .whitespacesAndNewlines))
        result.description = LocalizedText(de: description.de.trimmingCharacters(in: .whitespacesAndNewlines),
                                           en: description.en.trimmingCharacters(in: .whitespacesAndNewlines))
        var check = ProblemCollector()
        check.clean([("name_de", result.name.de, false), ("name_en", result.name.en, false),
                     ("description_de", result.description.de, true), ("description_en", result.description.en, true)])
        check.check((1...80).contains(result.name.de.count) && (1...80).contains(result.name.en.count), "name",
                    de: "Der Name muss in beiden Sprachen 1 bis 80 Zeichen lang sein.", en: "The name must be 1 to 80 characters long in both languages.")
        check.check(result.description.de.count <= 2000 && result.description.en.count <= 2000, "description",
                    de: "Die Beschreibung hat höchstens 2000 Zeichen.", en: "The description has at most 2000 characters.")
        check.check(hub != nil, "hub", de: "Diesen Hub gibt es nicht.", en: "There is no such hub.")
        check.check(hub.map { $0.cities.contains { $0.name.de == city } } ?? true, "city",
                    de: "Die Stadt gehört nicht zu diesem Hub.", en: "The city is not one of this hub's cities.")
        check.check([15, 30, 60, 120, 240].contains(granularityMinutes), "granularity",
                    de: "Das Raster ist 15, 30, 60, 120 oder 240 Minuten.", en: "The grid is 15, 30, 60, 120 or 240 minutes.")
        check.check(maximumMinutes >= granularityMinutes && maximumMinutes <= 24 * 60 && maximumMinutes % 15 == 0, "maximum",
                    de: "Die längste Buchung liegt zwischen einem Rasterschritt und 24 Stunden.",
                    en: "The longest booking lies between one grid step and 24 hours.")
        check.check(quotaDaysPerMonth.map { (1...31).contains($0) } ?? true, "quota",
                    de: "Das Kontingent liegt zwischen 1 und 31 Tagen im Monat.", en: "The quota lies between 1 and 31 days a month.")
        check.check((1...366).contains(bookableDaysAhead), "ahead",
                    de: "Buchbar 1 bis 366 Tage im Voraus.", en: "Bookable 1 to 366 days ahead.")
        check.check(openingHours.days.allSatisfy { span in span.map { 0 <= $0.opens && $0.opens < $0.closes && $0.closes <= 1440 } ?? true },
                    "opening_hours", de: "Die Öffnungszeiten sind nicht lesbar.", en: "The opening hours cannot be read.")
        for closure in closures {
            check.check(NetworkCalendar.startOfDay(closure.from) != nil && NetworkCalendar.startOfDay(closure.to) != nil && closure.from <= closure.to,
                        "closures", de: "Eine Schließzeit braucht zwei Tage (von ≤ bis).", en: "A closure needs two days (from ≤ to).")
            check.clean([("closures", closure.reason.de, false), ("closures", closure.reason.en, false)])
        }
        try check.throwIfAny()
        return result
    }

    /// Checks a wished time against the place's hours, grid, closures and horizon; every
    /// message names what is wrong in both languages.
    public func check(start: Date, end: Date, now: Date) throws(ValidationFailure) {
        var check = ProblemCollector()
        guard end > start else {
            check.check(false, "end", de: "Das Ende liegt nach dem Beginn.", en: "The end must come after the start.")
            try check.throwIfAny()
            return
        }
        let dayStart = NetworkCalendar.calendar.startOfDay(for: start)
        let day = NetworkCalendar.day(of: start)
        let startMinute = Int(start.timeIntervalSince(dayStart) / 60), endMinute = Int(end.timeIntervalSince(dayStart) / 60)
        let weekday = OpeningHours.weekdayNames[OpeningHours.weekday(of: start)]
        if let reason = closed(on: day) {
            check.check(false, "start", de: "Am \(day) ist geschlossen: \(reason.de).", en: "Closed on \(day): \(reason.en).")
        } else if let span = openingHours.days[OpeningHours.weekday(of: start)] {
            check.check(startMinute >= span.opens && endMinute <= span.closes, "start",
                        de: "Außerhalb der Öffnungszeit (\(weekday.de) \(span.text)).", en: "Outside the opening hours (\(weekday.en) \(span.text)).")
            check.check((startMinute - span.opens) % granularityMinutes == 0 && (endMinute - startMinute) % granularityMinutes == 0
                        && start.timeIntervalSince1970.truncatingRemainder(dividingBy: 60) == 0, "start",
                        de: "Buchungen folgen dem Raster von \(granularityMinutes) Minuten ab \(OpeningHours.Span.clock(span.opens)).",
                        en: "Bookings follow the \(granularityMinutes)-minute grid from \(OpeningHours.Span.clock(span.opens)).")
        } else {
            check.check(false, "start", de: "\(weekday.de) ist geschlossen.", en: "Closed on \(weekday.en).")
        }
        check.check(endMinute - startMinute <= maximumMinutes, "end",
                    de: "Höchstens \(maximumMinutes / 60) Stunden am Stück.", en: "At most \(maximumMinutes / 60) hours at a time.")
        check.check(start >= now.addingTimeInterval(-Double(granularityMinutes * 60)), "start",
                    de: "Der Beginn liegt in der Vergangenheit.", en: "The start lies in the past.")
        check.check(start <= now.addingTimeInterval(Double(bookableDaysAhead) * 86_400), "start",
                    de: "Buchbar höchstens \(bookableDaysAhead) Tage im Voraus.", en: "Bookable at most \(bookableDaysAhead) days ahead.")
        try check.throwIfAny()
    }
}
