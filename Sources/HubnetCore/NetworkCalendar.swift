import Foundation

/// The network's days: Germany's time zone, where the hubs are. A day typed in a form
/// ("2026-11-27") means that day in Berlin, whatever the server's zone.
public enum NetworkCalendar {
    public static let timeZone = TimeZone(identifier: "Europe/Berlin")!

    /// The Gregorian calendar in Berlin time, for day arithmetic.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// The start of a day written YYYY-MM-DD; nil for anything else. Years end at 9998, so that
    /// the week or month after any day still has a four-digit year.
    public static func startOfDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1900...9998).contains(year)
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

    /// A moment written as a form's `datetime-local` gives it ("2026-12-01T18:00"), in Berlin.
    public static func moment(_ text: String) -> Date? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = startOfDay(String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(time.count), time[0].count == 2, time[1].count == 2,
              let hour = Int(time[0]), let minute = Int(time[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
    }

    /// A moment as a `datetime-local` field shows it, in Berlin.
    public static func formValue(of date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// A moment for reading, in Berlin: "1. Dezember 2026, 18:00" or "1 December 2026, 18:00".
    /// Pages let the browser show it in the visitor's own zone.
    public static func dayAndTime(of date: Date, language: SiteLanguage) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = timeZone
        formatter.locale = Locale(identifier: language == .de ? "de_DE" : "en_GB")
        formatter.dateFormat = language == .de ? "d. MMMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm"
        return formatter.string(from: date)
    }
}
