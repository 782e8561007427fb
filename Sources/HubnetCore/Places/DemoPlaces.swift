import Foundation

/// What a demo network's hubs lend and host: in each hub's first city four flexible desks
/// (Start-up Card), a 3D printer and a VR headset (everyone), a meeting room (the hub's own);
/// per hub a pitch night and a workshop in the coming weeks, and a matchmaking day in Karlsruhe.
public enum DemoPlaces {
    public static func resources() -> [Resource] {
        Network.hubs.flatMap { hub -> [Resource] in
            let city = hub.cities[0].name.de
            let desks = (1...4).map { number in
                Resource(hubSlug: hub.slug, city: city, kind: .desk, name: .init(de: "Flex-Desk \(number)", en: "Flex desk \(number)"),
                         description: .init(de: "Arbeitsplatz mit Monitor, WLAN und Kaffee.", en: "A desk with a monitor, Wi-Fi and coffee."),
                         openingHours: OpeningHours(days: Array(repeating: .init(opens: 8 * 60, closes: 20 * 60), count: 5) + [nil, nil]),
                         granularityMinutes: 60, maximumMinutes: 12 * 60, quotaDaysPerMonth: 8, rule: .startupCard)
            }
            return desks + [
                Resource(hubSlug: hub.slug, city: city, kind: .printer, name: .init(de: "3D-Drucker (FDM)", en: "3D printer (FDM)"),
                         description: .init(de: "Bauraum 25 × 21 × 21 cm, PLA und PETG. Einweisung vor dem ersten Druck.",
                                            en: "Build volume 25 × 21 × 21 cm, PLA and PETG. A short briefing before the first print."),
                         openingHours: .weekdays(9, 18), granularityMinutes: 30, maximumMinutes: 4 * 60, rule: .everyone),
                Resource(hubSlug: hub.slug, city: city, kind: .vrHeadset, name: .init(de: "VR-Brille", en: "VR headset"),
                         description: .init(de: "Mit Controllern und einem Rechner für Demos.", en: "With controllers and a computer for demos."),
                         openingHours: .weekdays(9, 18), granularityMinutes: 60, maximumMinutes: 3 * 60, rule: .everyone),
                Resource(hubSlug: hub.slug, city: city, kind: .room, name: .init(de: "Besprechungsraum", en: "Meeting room"),
                         description: .init(de: "Acht Plätze, Bildschirm, Whiteboard.", en: "Eight seats, a screen, a whiteboard."),
                         openingHours: .weekdays(8, 20), granularityMinutes: 30, maximumMinutes: 4 * 60, rule: .hubMembers),
            ]
        }
    }

    /// Events from `now` on, at Berlin times on weekdays.
    public static func events(now: Date) -> [Event] {
        let calendar = NetworkCalendar.calendar
        func weekday(after days: Int, hour: Int) -> Date {
            var day = calendar.date(byAdding: .day, value: days, to: calendar.startOfDay(for: now))!
            while OpeningHours.weekday(of: day) >= 5 { day = NetworkCalendar.nextDay(after: day) }
            return calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day)!
        }
        var events: [Event] = []
        for (index, hub) in Network.hubs.enumerated() {
            let focus = Taxonomy.topics.first { $0.slug == hub.focus[0].topicSlug }?.label ?? .init(hub.name.de)
            let start = weekday(after: 7 + index % 10, hour: 18)
            events.append(Event(hubSlug: hub.slug, kind: .pitchNight, title: .init(de: "Pitch-Abend \(focus.de)", en: "Pitch night: \(focus.en)"),
                                description: .init(de: "Fünf Startups, fünf Minuten, Fragen aus dem Publikum. Danach Netzwerken.",
                                                   en: "Five startups, five minutes each, questions from the floor. Networking afterwards."),
                                venue: "Digital Hub \(hub.name.de), \(hub.cities[0].name.de)", start: start,
                                end: start.addingTimeInterval(3 * 3600), capacity: 60, createdAt: now))
            let workshop = weekday(after: 10 + index % 12, hour: 10)
            events.append(Event(hubSlug: hub.slug, kind: .workshop, title: .init(de: "Workshop: Prototypen mit 3D-Druck", en: "Workshop: prototypes with 3D printing"),
                                description: .init(de: "Vom Entwurf zum Bauteil an einem Vormittag, mit dem Drucker des Hubs.",
                                                   en: "From design to part in one morning, with the hub's printer."),
                                venue: "Digital Hub \(hub.name.de), \(hub.cities[0].name.de)", start: workshop,
                                end: workshop.addingTimeInterval(3 * 3600), capacity: 12, createdAt: now))
        }
        let day = weekday(after: 14, hour: 9)
        events.append(Event(hubSlug: "karlsruhe", kind: .matchmakingDay, title: .init(de: "KI-Matchmaking-Tag", en: "AI matchmaking day"),
                            description: .init(de: "Eins-zu-eins-Treffen von 20 Minuten zwischen Mittelstand, Startups und Forschung rund um künstliche Intelligenz.",
                                               en: "20-minute one-to-one meetings between Mittelstand, startups and research around artificial intelligence."),
                            venue: "Digital Hub Karlsruhe", start: day, end: day.addingTimeInterval(4 * 3600), capacity: 200, createdAt: now))
        return events
    }
}
