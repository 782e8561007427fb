import Foundation

/// The network's days: Germany's time zone, where the hubs are. A day typed in a form
/// ("2026-11-27") means that day in Berlin, whatever the server's zone.
public enum NetworkCalendar {
    public static let timeZone = TimeZone(identifier: "Europe/Berlin")!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// The start of a day written YYYY-MM-DD; nil for anything else.
    public static func startOfDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1900...9999).contains(year)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    /// The day a moment falls on, written YYYY-MM-DD.
    public static func day(of date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    public static func nextDay(after start: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: start)!
    }

    public static func previousDay(before start: Date) -> Date {
        calendar.date(byAdding: .day, value: -1, to: start)!
    }
}
