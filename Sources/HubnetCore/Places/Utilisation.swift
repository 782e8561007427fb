import Foundation

/// How much of its open time a resource was booked, and how often people did not come.
public struct Utilisation: Hashable, Sendable {
    public let openMinutes: Int
    public let bookedMinutes: Int
    public let bookings: Int
    public let noShows: Int

    public var share: Double { openMinutes == 0 ? 0 : Double(bookedMinutes) / Double(openMinutes) }

    /// Over the days from `from` (a day's start in Berlin) up to, not including, `to`.
    public init(resource: Resource, bookings: [Booking], from: Date, to: Date) {
        var open = 0, day = from
        while day < to {
            if let span = resource.opening(on: day) { open += span.closes - span.opens }
            day = NetworkCalendar.nextDay(after: day)
        }
        let held = bookings.filter { $0.resourceID == resource.id && $0.state.holdsTime && $0.start < to && $0.end > from }
        openMinutes = open
        bookedMinutes = held.reduce(0) { $0 + Int(min($1.end, to).timeIntervalSince(max($1.start, from)) / 60) }
        self.bookings = held.count
        noShows = held.filter { $0.state == .noShow }.count
    }
}
