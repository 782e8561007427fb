import Foundation

/// The city competition of 2016/2017 that chose the 12 hubs, as a finished call: the expert
/// board's first round, decided on 17 November 2016 at the IT Summit in Saarbrücken, and its
/// second round in April 2017. Built from the network's own facts (`Network.hubs`): each hub's
/// cities named in the same round applied together.
public enum HubCompetition {
    public static let callID = UUID(uuidString: "d161b000-2016-4017-8000-000000000012")!

    /// Only the decision days are known; the rounds here close on them.
    static let roundDays: [SelectionRound: (opens: Date, closes: Date)] = [
        .first: (day(2016, 4, 1), day(2016, 11, 17)),
        .second: (day(2016, 11, 18), day(2017, 4, 21)),
    ]

    public static var call: Call {
        Call(id: callID,
             title: .init(de: "Digital-Hub-Wettbewerb 2016/2017", en: "Digital Hub competition 2016/2017"),
             description: .init(
                de: "Der Städtewettbewerb der Digital Hub Initiative: Regionen bewarben sich mit einem Schwerpunkt, in dem Konzerne, Mittelstand, Startups, Wissenschaft und Investoren die digitale Transformation einer Leitbranche gemeinsam vorantreiben. Ein hochrangiger Expertenbeirat wählte in zwei Runden aus: am 17. November 2016 auf dem IT-Gipfel in Saarbrücken fünf Hubs, im April 2017 sieben weitere, dazu Darmstadt mit Cyber Security an der Seite Frankfurts.",
                en: "The city competition of the Digital Hub Initiative: regions applied with a focus in which corporates, Mittelstand, startups, science and investors drive the digital transformation of a leading industry together. A high-ranking expert board chose in two rounds: five hubs on 17 November 2016 at the IT Summit in Saarbrücken, seven more in April 2017, and Darmstadt with Cyber Security beside Frankfurt."),
             kind: .hubCompetition, hub: nil,
             rounds: SelectionRound.allCases.map { round in
                 CallRound(number: round.rawValue, opens: roundDays[round]!.opens, closes: roundDays[round]!.closes,
                           publishedAt: roundDays[round]!.closes)
             },
             definition: CallDefinition(
                fields: [ApplicationField(key: "f1", kind: .longText, label: .init(de: "Schwerpunkt", en: "Focus"))],
                criteria: [CallCriterionDefinition(key: "c1", label: .init(de: "Stärke des Ökosystems", en: "Strength of the ecosystem"))],
                reviewersPerApplication: 1, decisionDaysOnly: true),
             created: day(2016, 4, 1))
    }

    /// One application per hub and round: the hub's cities named in that round, accepted,
    /// with the focus they brought.
    public static var applications: [CallApplication] {
        Network.hubs.flatMap { hub in
            SelectionRound.allCases.compactMap { round -> CallApplication? in
                let cities = hub.cities.filter { city in
                    round == .first ? city.namedOn == SelectionRound.first.date : city.namedOn != SelectionRound.first.date
                }
                guard !cities.isEmpty else { return nil }
                let focus = hub.focus.filter { $0.city.map { city in cities.contains { $0.name.de == city } } ?? true }
                    .compactMap { Taxonomy.topic($0.topicSlug)?.label }
                let closes = roundDays[round]!.closes
                return CallApplication(
                    id: UUID(uuidString: String(format: "d161b000-2016-4017-8%03d-%012d", round.rawValue, Network.hubs.firstIndex(of: hub)! + 1))!,
                    callID: callID, round: round.rawValue, organisationID: nil,
                    applicantName: cities.map(\.name.de).joined(separator: "/"), hubSlug: hub.slug, applicantMemberID: nil,
                    state: .decided, answers: ["f1": focus.map(\.de).joined(separator: ", ") + " / " + focus.map(\.en).joined(separator: ", ")],
                    decision: .accepted,
                    submittedAt: roundDays[round]!.opens, updatedAt: closes)
            }
        }
    }

    /// The focus areas a historic application brought: the hub's focus named for its cities.
    public static func focus(of application: CallApplication) -> [Topic] {
        guard application.organisationID == nil, let hub = application.hubSlug.flatMap(Network.hub) else { return [] }
        let cities = Set(application.applicantName.split(separator: "/").map(String.init))
        return hub.focus.filter { focus in focus.city.map { city in cities.contains(city) } ?? true }.compactMap { Taxonomy.topic($0.topicSlug) }
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }
}
