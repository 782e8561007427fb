import Foundation
import HubnetCore
import Plot

/// Words and small pieces the places and events pages share.
enum PlaceWords {
    static func t(_ language: SiteLanguage) -> (String, String) -> String { { language == .de ? $0 : $1 } }

    static func formatter(_ language: SiteLanguage, _ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.timeZone = NetworkCalendar.timeZone
        formatter.locale = Locale(identifier: language == .de ? "de_DE" : "en_GB")
        formatter.dateFormat = format
        return formatter
    }

    /// "09:00" in Berlin.
    static func clock(_ date: Date) -> String { formatter(.de, "HH:mm").string(from: date) }

    /// "Mo, 7. Dez." / "Mon 7 Dec".
    static func shortDay(_ date: Date, _ language: SiteLanguage) -> String {
        formatter(language, language == .de ? "EEE, d. MMM" : "EEE d MMM").string(from: date)
    }

    /// "Mo, 7. Dez., 09:00–11:00".
    static func span(_ start: Date, _ end: Date, _ language: SiteLanguage) -> String {
        "\(shortDay(start, language)), \(clock(start))–\(clock(end))"
    }

    /// When an event happens, at its venue: "Di., 8. Dez. 2026, 18:00–21:00" (English pages add
    /// "Berlin time"). Venue time, not the reader's: people travel to it.
    static func eventTime(_ start: Date, _ end: Date, _ language: SiteLanguage) -> String {
        let day = formatter(language, language == .de ? "EEE, d. MMM yyyy" : "EEE d MMM yyyy").string(from: start)
        let sameDay = NetworkCalendar.day(of: start) == NetworkCalendar.day(of: end.addingTimeInterval(-1))
        let until = sameDay ? clock(end) : shortDay(end, language) + ", " + clock(end)
        return "\(day), \(clock(start))–\(until)" + (language == .en ? " (Berlin time)" : "")
    }

    static func hubName(_ slug: String, _ language: SiteLanguage) -> String { Network.hub(slug)?.name[language] ?? slug }

    static func placesTitle(_ language: SiteLanguage) -> String { language == .de ? "Orte & Geräte" : "Places & equipment" }
    static func eventsTitle(_ language: SiteLanguage) -> String { language == .de ? "Veranstaltungen" : "Events" }

    /// A hub choice for filters and forms.
    static func hubOptions(_ slugs: [String], selected: String?, _ language: SiteLanguage, any: String?) -> Node<HTML.SelectContext> {
        .group([any.map { Node<HTML.SelectContext>.choice(value: "", label: $0, selected: selected == nil) }].compactMap { $0 }
               + slugs.map { slug in .choice(value: slug, label: hubName(slug, language), selected: slug == selected) })
    }
}
