import Foundation

/// A hub's working days: Monday to Friday, without the public holidays of any of its cities
/// (a twin hub across two states — Ludwigshafen/Mannheim — is off when either city is).
/// Service levels count in these days, in the network's time zone.
public struct WorkingCalendar: Sendable {
    let cities: [(state: FederalState, city: String)]

    public init(hub: Hub) {
        cities = hub.cities.map { ($0.state, $0.name.de) }
    }

    public init(state: FederalState, city: String? = nil) {
        cities = [(state, city ?? "")]
    }

    /// The holidays of the day's year, for all the cities, by day.
    public func holidays(in year: Int) -> [String: PublicHolidays.Holiday] {
        var byDay: [String: PublicHolidays.Holiday] = [:]
        for (state, city) in cities {
            for holiday in PublicHolidays.of(state, year: year, city: city) where byDay[holiday.day] == nil {
                byDay[holiday.day] = holiday
            }
        }
        return byDay
    }

    public func isWorkingDay(_ moment: Date) -> Bool {
        let calendar = NetworkCalendar.calendar
        let weekday = calendar.component(.weekday, from: moment)
        guard weekday != 1, weekday != 7 else { return false }
        return holidays(in: calendar.component(.year, from: moment))[NetworkCalendar.day(of: moment)] == nil
    }

    /// When `days` working days after `start` are over: the end of the `days`-th working day
    /// that follows the day of `start` (a request in on Friday afternoon, due "within 2
    /// working days", is due at the end of Tuesday).
    public func due(after start: Date, workingDays days: Int) -> Date {
        let calendar = NetworkCalendar.calendar
        var day = calendar.startOfDay(for: start)
        var counted = 0
        while counted < days {
            day = NetworkCalendar.nextDay(after: day)
            if isWorkingDay(day) { counted += 1 }
        }
        return NetworkCalendar.nextDay(after: day)
    }

    /// Working days from the day after `start` up to and including the day of `end`.
    public func workingDays(from start: Date, to end: Date) -> Int {
        let calendar = NetworkCalendar.calendar
        var day = calendar.startOfDay(for: start)
        let last = calendar.startOfDay(for: end)
        var count = 0
        while day < last {
            day = NetworkCalendar.nextDay(after: day)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }
}
