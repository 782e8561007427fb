import Foundation
import HubnetCore
import Plot

/// Words and small pieces the call pages share.
enum CallWords {
    static func t(_ language: SiteLanguage) -> (String, String) -> String { { language == .de ? $0 : $1 } }

    /// A moment in Berlin time, marked so the browser rewrites it in the visitor's own zone.
    static func moment(_ date: Date, _ language: SiteLanguage) -> Node<HTML.BodyContext> {
        .element(named: "time", nodes: [
            .attribute(named: "datetime", value: ISO8601DateFormatter().string(from: date)),
            .attribute(named: "data-local", value: "1"),
            .text(NetworkCalendar.dayAndTime(of: date, language: language) + (language == .de ? " (Berlin)" : " (Berlin time)")),
        ])
    }

    /// A day for reading, in Berlin: "17. November 2016" or "17 November 2016".
    static func day(_ date: Date, _ language: SiteLanguage) -> String {
        let text = NetworkCalendar.dayAndTime(of: date, language: language)
        return String(text.prefix { $0 != "," })
    }

    static func organiser(_ call: Call, _ language: SiteLanguage) -> String {
        guard let hub = call.hub.flatMap(Network.hub) else { return language == .de ? "Hub-Agentur (Netzwerk)" : "Hub agency (network)" }
        return "Hub " + hub.name[language]
    }

    static func phase(_ call: Call, now: Date, _ language: SiteLanguage) -> Node<HTML.BodyContext> {
        let t = t(language)
        switch call.phase(at: now) {
        case .open(let round):
            let closes = call.rounds.first { $0.number == round }!.closes
            return .span(.class("phase open"), .text(t("Offen · Runde \(round) bis ", "Open · round \(round) until ")), moment(closes, language))
        case .upcoming(let opens):
            return .span(.class("phase"), .text(t("Öffnet am ", "Opens on ")), moment(opens, language))
        case .closed:
            return .span(.class("phase closed"), .text(call.rounds.allSatisfy { $0.publishedAt != nil }
                                                       ? t("Abgeschlossen, Ergebnisse veröffentlicht", "Finished, results published")
                                                       : t("Bewerbungsfrist abgelaufen", "Applications closed")))
        }
    }

    static func state(_ application: CallApplication, _ language: SiteLanguage) -> String {
        if application.state == .decided, let decision = application.decision { return decision.label[language] }
        return application.state.label[language]
    }

    static func title(_ language: SiteLanguage) -> String { language == .de ? "Calls und Wettbewerbe" : "Calls and competitions" }
}
