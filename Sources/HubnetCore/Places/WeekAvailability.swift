import Foundation

/// A resource's week at a glance: per day its opening (or why it is shut) and each grid step
/// free, taken, the reader's own, or past.
public struct WeekAvailability: Sendable {
    public enum SlotState: String, Sendable {
        case free, taken, own, past
    }

    public struct Slot: Sendable {
        public let start: Date
        public let end: Date
        public let state: SlotState
    }

    public struct Day: Sendable {
        public let start: Date
        /// YYYY-MM-DD.
        public let day: String
        public let weekday: Int
        public let closedBecause: LocalizedText?
        public let slots: [Slot]
    }

    public let monday: Date
    public let days: [Day]

    /// The Monday (start of day, Berlin) of the week a moment falls in.
    public static func monday(of date: Date) -> Date {
        var day = NetworkCalendar.calendar.startOfDay(for: date)
        while OpeningHours.weekday(of: day) != 0 { day = NetworkCalendar.previousDay(before: day) }
        return day
    }

    public init(resource: Resource, week monday: Date, bookings: [Booking], organisations: Set<UUID>, now: Date) {
        self.monday = monday
        var days: [Day] = []
        var dayStart = monday
        for weekday in 0..<7 {
            let day = NetworkCalendar.day(of: dayStart)
            var slots: [Slot] = []
            let closed = resource.closed(on: day)
            if closed == nil, let span = resource.openingHours.days[weekday] {
                for minute in stride(from: span.opens, to: span.closes - resource.granularityMinutes + 1, by: resource.granularityMinutes) {
                    // Added as a span of real seconds, so a day of clock change counts right.
                    let start = NetworkCalendar.calendar.date(byAdding: .minute, value: minute, to: dayStart)!
                    let end = NetworkCalendar.calendar.date(byAdding: .minute, value: minute + resource.granularityMinutes, to: dayStart)!
                    let holder = bookings.first { $0.state.holdsTime && $0.overlaps(start, end) }
                    let state: SlotState = holder.map { organisations.contains($0.organisationID) ? .own : .taken }
                        ?? (end <= now ? .past : .free)
                    slots.append(Slot(start: start, end: end, state: state))
                }
            }
            let reason = closed ?? (resource.openingHours.days[weekday] == nil ? LocalizedText(de: "geschlossen", en: "closed") : nil)
            days.append(Day(start: dayStart, day: day, weekday: weekday, closedBecause: reason, slots: slots))
            dayStart = NetworkCalendar.nextDay(after: dayStart)
        }
        self.days = days
    }
}
