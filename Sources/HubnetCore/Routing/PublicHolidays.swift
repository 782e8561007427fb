import Foundation

/// Germany's statutory public holidays (gesetzliche Feiertage), by federal state, as the
/// states' holiday acts define them. Sundays are left out: they are days off anyway.
public enum PublicHolidays {
    public struct Holiday: Hashable, Sendable {
        /// The day, YYYY-MM-DD.
        public let day: String
        public let name: LocalizedText
    }

    /// The holidays of a year in a state, in date order. `city` matters only in Bavaria,
    /// where the Assumption (15 August) is a holiday in communities with a Catholic majority —
    /// München, not Nürnberg or Erlangen.
    public static func of(_ state: FederalState, year: Int, city: String? = nil) -> [Holiday] {
        let easter = easterSunday(year)
        func fixed(_ month: Int, _ day: Int, _ de: String, _ en: String) -> Holiday {
            Holiday(day: String(format: "%04d-%02d-%02d", year, month, day), name: .init(de: de, en: en))
        }
        func movable(_ offset: Int, _ de: String, _ en: String) -> Holiday {
            Holiday(day: NetworkCalendar.day(of: NetworkCalendar.calendar.date(byAdding: .day, value: offset, to: easter)!),
                    name: .init(de: de, en: en))
        }
        var holidays = [
            fixed(1, 1, "Neujahr", "New Year's Day"),
            movable(-2, "Karfreitag", "Good Friday"),
            movable(1, "Ostermontag", "Easter Monday"),
            fixed(5, 1, "Tag der Arbeit", "Labour Day"),
            movable(39, "Christi Himmelfahrt", "Ascension Day"),
            movable(50, "Pfingstmontag", "Whit Monday"),
            fixed(10, 3, "Tag der Deutschen Einheit", "German Unity Day"),
            fixed(12, 25, "1. Weihnachtstag", "Christmas Day"),
            fixed(12, 26, "2. Weihnachtstag", "Boxing Day"),
        ]
        if [.badenWuerttemberg, .bayern].contains(state) {
            holidays.append(fixed(1, 6, "Heilige Drei Könige", "Epiphany"))
        }
        if state == .berlin, year >= 2019 {
            holidays.append(fixed(3, 8, "Internationaler Frauentag", "International Women's Day"))
        }
        if state == .berlin, year == 2020 || year == 2025 {
            // Once each, by Berlin law, for the 75th and 80th anniversary of the war's end.
            holidays.append(fixed(5, 8, "Tag der Befreiung", "Liberation Day"))
        }
        if [.badenWuerttemberg, .bayern, .hessen, .nordrheinWestfalen, .rheinlandPfalz].contains(state) {
            holidays.append(movable(60, "Fronleichnam", "Corpus Christi"))
        }
        if state == .bayern, city == "München" {
            holidays.append(fixed(8, 15, "Mariä Himmelfahrt", "Assumption Day"))
        }
        if [.brandenburg, .sachsen].contains(state) || (state == .hamburg && year >= 2018) || year == 2017 {
            // 2017, the Reformation's 500th anniversary, was a holiday in every state.
            holidays.append(fixed(10, 31, "Reformationstag", "Reformation Day"))
        }
        if [.badenWuerttemberg, .bayern, .nordrheinWestfalen, .rheinlandPfalz].contains(state) {
            holidays.append(fixed(11, 1, "Allerheiligen", "All Saints' Day"))
        }
        if state == .sachsen {
            // Buß- und Bettag: the Wednesday before 23 November.
            let november23 = NetworkCalendar.calendar.date(from: DateComponents(year: year, month: 11, day: 23))!
            let weekday = NetworkCalendar.calendar.component(.weekday, from: november23)  // 1 = Sunday … 4 = Wednesday
            let back = (weekday - 4 + 7) % 7 == 0 ? 7 : (weekday - 4 + 7) % 7
            holidays.append(Holiday(day: NetworkCalendar.day(of: NetworkCalendar.calendar.date(byAdding: .day, value: -back, to: november23)!),
                                    name: .init(de: "Buß- und Bettag", en: "Day of Repentance and Prayer")))
        }
        return holidays.sorted { $0.day < $1.day }
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876), at the start
    /// of that day in the network's time zone.
    public static func easterSunday(_ year: Int) -> Date {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return NetworkCalendar.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
