import Foundation

/// When a place is open, per weekday, in the hub's time zone (all hubs are in Germany, so
/// `NetworkCalendar`'s Berlin time): "Mo–Fr 08:00–20:00, Sa 10:00–16:00". One span a day.
public struct OpeningHours: Hashable, Sendable, Codable {
    /// A day's opening, in minutes after midnight: `opens` ..< `closes`.
    public struct Span: Hashable, Sendable, Codable {
        public var opens: Int
        public var closes: Int

        public init(opens: Int, closes: Int) {
            self.opens = opens
            self.closes = closes
        }

        public var text: String { "\(Self.clock(opens))–\(Self.clock(closes))" }

        static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    }

    /// Index 0 is Monday, 6 is Sunday; nil means closed that day.
    public var days: [Span?]

    public init(days: [Span?]) {
        precondition(days.count == 7)
        self.days = days
    }

    /// Monday to Friday from `opens` to `closes` (hours), closed at weekends.
    public static func weekdays(_ opens: Int, _ closes: Int) -> OpeningHours {
        OpeningHours(days: Array(repeating: Span(opens: opens * 60, closes: closes * 60), count: 5) + [nil, nil])
    }

    /// The weekday index (Monday 0) of a moment, in Berlin.
    public static func weekday(of date: Date) -> Int {
        (NetworkCalendar.calendar.component(.weekday, from: date) + 5) % 7
    }

    public static let weekdayNames: [LocalizedText] = [
        .init(de: "Mo", en: "Mon"), .init(de: "Di", en: "Tue"), .init(de: "Mi", en: "Wed"), .init(de: "Do", en: "Thu"),
        .init(de: "Fr", en: "Fri"), .init(de: "Sa", en: "Sat"), .init(de: "So", en: "Sun"),
    ]

    /// The hours as people write them: "Mo–Fr 08:00–20:00 · Sa 10:00–16:00".
    public func text(_ language: SiteLanguage) -> String {
        var parts: [String] = [], start = 0
        while start < 7 {
            var end = start
            while end + 1 < 7 && days[end + 1] == days[start] { end += 1 }
            if let span = days[start] {
                let names = start == end ? Self.weekdayNames[start][language]
                    : "\(Self.weekdayNames[start][language])–\(Self.weekdayNames[end][language])"
                parts.append("\(names) \(span.text)")
            }
            start = end + 1
        }
        return parts.isEmpty ? (language == .de ? "geschlossen" : "closed") : parts.joined(separator: " · ")
    }

    /// Reads the form's text: one line per weekday range, e.g. "Mo-Fr 08:00-20:00" (German or
    /// English day names); nil when a line cannot be read.
    public static func parse(_ text: String) -> OpeningHours? {
        var days = [Span?](repeating: nil, count: 7)
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "·" || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        for line in lines where !line.isEmpty {
            let normalised = line.replacingOccurrences(of: "–", with: "-")
            let parts = normalised.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { return nil }
            let dayRange = parts[0].split(separator: "-").map { String($0).lowercased() }
            let timeRange = parts[1].split(separator: "-").map(String.init)
            guard (1...2).contains(dayRange.count), timeRange.count == 2,
                  let first = dayIndex(dayRange[0]), let last = dayIndex(dayRange.last!), first <= last,
                  let opens = minutes(timeRange[0]), let closes = minutes(timeRange[1]), opens < closes else { return nil }
            for day in first...last { days[day] = Span(opens: opens, closes: closes) }
        }
        return OpeningHours(days: days)
    }

    private static func dayIndex(_ name: String) -> Int? {
        weekdayNames.firstIndex { $0.de.lowercased() == name || $0.en.lowercased() == name || $0.en.lowercased().prefix(2) == name }
    }

    private static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60 else { return nil }
        return hours * 60 + minutes
    }
}
