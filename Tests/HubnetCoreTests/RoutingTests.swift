import Foundation
import Testing
@testable import HubnetCore

/// The agency's routing: the lifecycle's legal and illegal steps, working days with each
/// state's public holidays, service levels, and the funnel.
struct RoutingTests {
    static func day(_ text: String, hour: Int = 10) -> Date {
        NetworkCalendar.startOfDay(text)!.addingTimeInterval(Double(hour) * 3_600)
    }

    let manager = UUID(), poster = UUID(), startup = UUID(), lab = UUID()

    @Test func aRequestWalksFromSubmissionToItsOutcome() throws {
        var request = RoutingCase.submitted(homeHub: "hamburg", by: poster, at: Self.day("2026-11-23"))
        request = try request.applying(.accept, by: manager, at: Self.day("2026-11-24"))
        #expect(request.state == .published)
        request = try request.applying(.route(recipients: [startup, lab], hubs: ["karlsruhe"]), by: manager, at: Self.day("2026-11-25"))
        #expect(request.state == .routed && request.referrals["karlsruhe"] == .pending && request.recipients[startup] == .invited)
        request = try request.applying(.expressInterest(organisation: startup, message: "Gern!"), by: nil, at: Self.day("2026-11-26"))
        request = try request.applying(.decline(organisation: lab, reason: "Kein Bedarf"), by: nil, at: Self.day("2026-11-26"))
        request = try request.applying(.declineReferral(hub: "karlsruhe", reason: "Kein Fit"), by: nil, at: Self.day("2026-11-26"))
        request = try request.applying(.introduce(organisation: startup), by: manager, at: Self.day("2026-11-27"))
        #expect(request.state == .introduced)
        request = try request.applying(.recordOutcome(organisation: startup, .pilot), by: poster, at: Self.day("2026-12-10"))
        // Every introduction has its outcome and nobody is left to answer: closed.
        #expect(request.state == .closed)
        #expect(request.outcomes[startup] == .pilot)
        #expect(request.history.map(\.event) == ["submit", "accept", "route", "express-interest", "decline", "decline-referral",
                                                   "introduce", "record-outcome"])
        #expect(request.history.last?.from == .introduced && request.history.last?.to == .closed)
        #expect(request.history[5].note == "Kein Fit" && request.history[5].subject == "karlsruhe")
    }

    @Test func illegalStepsAreRefusedAndChangeNothing() throws {
        let submitted = RoutingCase.submitted(homeHub: "hamburg", by: poster, at: Self.day("2026-11-23"))
        // Routing an unvetted post.
        #expect(throws: DomainError.self) { try submitted.applying(.route(recipients: [startup], hubs: []), by: manager, at: .now) }
        // Asking for changes without saying which.
        #expect(throws: DomainError.self) { try submitted.applying(.askForChanges(message: "  "), by: manager, at: .now) }
        let published = try submitted.applying(.accept, by: manager, at: .now)
        // Vetting twice, referring to the own hub, routing to nobody.
        #expect(throws: DomainError.self) { try published.applying(.accept, by: manager, at: .now) }
        #expect(throws: DomainError.self) { try published.applying(.route(recipients: [], hubs: ["hamburg"]), by: manager, at: .now) }
        #expect(throws: DomainError.self) { try published.applying(.route(recipients: [], hubs: []), by: manager, at: .now) }
        let routed = try published.applying(.route(recipients: [startup], hubs: []), by: manager, at: .now)
        // Introducing without interest; answering for an organisation that got nothing.
        #expect(throws: DomainError.self) { try routed.applying(.introduce(organisation: startup), by: manager, at: .now) }
        #expect(throws: DomainError.self) { try routed.applying(.expressInterest(organisation: lab, message: ""), by: nil, at: .now) }
        #expect(throws: DomainError.self) { try routed.applying(.forward(hub: "berlin", recipients: [lab]), by: nil, at: .now) }
        // Answering a closed request.
        let closed = try routed.applying(.close, by: poster, at: .now)
        let error = #expect(throws: DomainError.self) {
            try closed.applying(.expressInterest(organisation: startup, message: "Spät"), by: nil, at: .now)
        }
        #expect(error?.message.en.contains("ended already") == true)
        #expect(error?.message.de.contains("bereits beendet") == true)
        #expect(closed.history.count == routed.history.count + 1)
    }

    @Test func changesRequestedGoBackToThePosterAndReturnForVetting() throws {
        var request = RoutingCase.submitted(homeHub: "cologne", by: poster, at: Self.day("2026-11-23"))
        request = try request.applying(.askForChanges(message: "Bitte den Zeitraum nennen."), by: manager, at: Self.day("2026-11-23", hour: 12))
        #expect(request.state == .changesRequested)
        #expect(throws: DomainError.self) { try request.applying(.accept, by: manager, at: .now) }
        request = try request.applying(.resubmit, by: poster, at: Self.day("2026-11-24"))
        #expect(request.state == .submitted)
        let rejected = try request.applying(.reject(reason: "Keine Innovationsanfrage"), by: manager, at: Self.day("2026-11-24"))
        #expect(rejected.state == .rejected && rejected.state.isFinal)
        #expect(throws: DomainError.self) { try rejected.applying(.withdraw, by: poster, at: .now) }
    }

    @Test func theDeadlineEndsOpenRequestsButNotIntroductions() throws {
        let published = try RoutingCase.submitted(homeHub: "berlin", by: poster, at: .now).applying(.accept, by: manager, at: .now)
        #expect(try published.applying(.expire, by: nil, at: .now).state == .expired)
        let introduced = try published.applying(.route(recipients: [startup], hubs: []), by: manager, at: .now)
            .applying(.expressInterest(organisation: startup, message: ""), by: nil, at: .now)
            .applying(.introduce(organisation: startup), by: manager, at: .now)
        #expect(throws: DomainError.self) { try introduced.applying(.expire, by: nil, at: .now) }
    }

    // MARK: Working days

    @Test func easterAndTheMovableFeastsFallOnTheirPublishedDates() {
        #expect(NetworkCalendar.day(of: PublicHolidays.easterSunday(2024)) == "2024-03-31")
        #expect(NetworkCalendar.day(of: PublicHolidays.easterSunday(2026)) == "2026-04-05")
        #expect(NetworkCalendar.day(of: PublicHolidays.easterSunday(2027)) == "2027-03-28")
        let bavaria = PublicHolidays.of(.bayern, year: 2026, city: "München").map(\.day)
        // Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi 2026.
        for day in ["2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-06-04", "2026-08-15", "2026-01-06", "2026-11-01"] {
            #expect(bavaria.contains(day), "\(day) in München")
        }
        #expect(!PublicHolidays.of(.bayern, year: 2026, city: "Nürnberg").map(\.day).contains("2026-08-15"))
        // Saxony's Day of Repentance: the Wednesday before 23 November.
        #expect(PublicHolidays.of(.sachsen, year: 2026).map(\.day).contains("2026-11-18"))
        #expect(PublicHolidays.of(.sachsen, year: 2025).map(\.day).contains("2025-11-19"))
        #expect(PublicHolidays.of(.berlin, year: 2026).map(\.day).contains("2026-03-08"))
        #expect(PublicHolidays.of(.hamburg, year: 2026).map(\.day).contains("2026-10-31"))
        #expect(!PublicHolidays.of(.nordrheinWestfalen, year: 2026).map(\.day).contains("2026-10-31"))
        #expect(PublicHolidays.of(.nordrheinWestfalen, year: 2017).map(\.day).contains("2017-10-31"))
        #expect(PublicHolidays.of(.hessen, year: 2026).count == 10)
    }

    @Test func dueDatesSkipWeekendsAndTheHubsHolidays() {
        let hamburg = WorkingCalendar(hub: Network.hub("hamburg")!)
        // In on Friday afternoon, two working days: due at the end of Tuesday.
        #expect(hamburg.due(after: Self.day("2026-11-27", hour: 16), workingDays: 2) == NetworkCalendar.startOfDay("2026-12-02"))
        // Over Christmas: 24 Dec (Thu) is a working day, 25/26 are holidays, then the weekend.
        #expect(hamburg.due(after: Self.day("2026-12-23"), workingDays: 2) == NetworkCalendar.startOfDay("2026-12-29"))
        // Corpus Christi (4 June 2026) is off in Köln, not in Hamburg.
        let cologne = WorkingCalendar(hub: Network.hub("cologne")!)
        #expect(hamburg.due(after: Self.day("2026-06-03"), workingDays: 1) == NetworkCalendar.startOfDay("2026-06-05"))
        #expect(cologne.due(after: Self.day("2026-06-03"), workingDays: 1) == NetworkCalendar.startOfDay("2026-06-06"))
        // A twin hub across two states is off when either is: Epiphany in Mannheim (Baden-Württemberg).
        let twin = WorkingCalendar(hub: Network.hub("ludwigshafen-mannheim")!)
        #expect(!twin.isWorkingDay(Self.day("2027-01-06")))
        #expect(WorkingCalendar(state: .rheinlandPfalz).isWorkingDay(Self.day("2027-01-06")))
        #expect(hamburg.workingDays(from: Self.day("2026-11-27"), to: Self.day("2026-12-04")) == 5)
    }

    // MARK: Service levels and figures

    @Test func overdueStepsAreNamedOncePerBreach() throws {
        let levels: (String) -> ServiceLevels = { _ in .standard }
        let submitted = RoutingCase.submitted(homeHub: "hamburg", by: poster, at: Self.day("2026-11-27", hour: 16))
        #expect(submitted.breaches(at: Self.day("2026-12-01", hour: 23), levels: levels).isEmpty)
        let late = submitted.breaches(at: Self.day("2026-12-02", hour: 0), levels: levels)
        #expect(late.map(\.step) == [.vetting])
        #expect(late[0].key(for: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
                == late[0].key(for: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!))
        let routed = try submitted.applying(.accept, by: manager, at: Self.day("2026-11-30"))
            .applying(.route(recipients: [startup], hubs: ["karlsruhe"]), by: manager, at: Self.day("2026-11-30"))
        #expect(routed.breaches(at: Self.day("2026-12-04"), levels: levels).isEmpty)
        #expect(routed.breaches(at: Self.day("2026-12-08"), levels: levels).map(\.hub) == ["karlsruhe"])
        #expect(throws: ValidationFailure.self) { try ServiceLevels(vetWithin: 0, routeWithin: 5, answerReferralWithin: 61).validated() }
    }

    @Test func theFunnelCountsStagesAndMedianTimes() throws {
        let start = Self.day("2026-11-23")
        let hour = 3_600.0
        let a = try RoutingCase.submitted(homeHub: "hamburg", by: poster, at: start)
            .applying(.accept, by: manager, at: start.addingTimeInterval(2 * hour))
            .applying(.route(recipients: [startup], hubs: ["karlsruhe"]), by: manager, at: start.addingTimeInterval(4 * hour))
            .applying(.expressInterest(organisation: startup, message: ""), by: nil, at: start.addingTimeInterval(10 * hour))
        let b = try RoutingCase.submitted(homeHub: "hamburg", by: poster, at: start)
            .applying(.accept, by: manager, at: start.addingTimeInterval(4 * hour))
        let c = RoutingCase.submitted(homeHub: "berlin", by: poster, at: start)
        let funnel = RoutingFunnel(histories: [a.history, b.history, c.history])
        #expect(funnel.rows.map(\.reached) == [3, 2, 2, 1, 1, 0, 0])
        #expect(funnel.rows[1].medianSeconds == 3 * hour)
        #expect(funnel.rows[3].medianSeconds == 2 * hour)
        #expect(funnel.rows[5].medianSeconds == nil)
        let matrix = ReferralMatrix(cases: [a, b, c])
        #expect(matrix.cell(from: "hamburg", to: "karlsruhe") == ReferralMatrix.Cell(referred: 1, answered: 0))
    }
}

/// Who may take each routing step (the state machine says when).
struct RoutingPolicyTests {
    let poster = UUID(), recipient = UUID()

    func decide(_ event: RoutingEvent, _ roles: Set<Role>) -> Decision {
        Policy.decide(.routingStep(event, poster: poster, homeHub: "hamburg"), for: Principal(memberID: UUID(), roles: roles))
    }

    @Test func theHomeHubVetsAnotherHubDoesNot() {
        #expect(decide(.accept, [.hubManager(hub: "hamburg")]) == .allowed)
        #expect(decide(.accept, [.hubManager(hub: "berlin")]) == .forbidden)
        #expect(decide(.accept, [.organisationAdmin(organisation: poster)]) == .forbidden)
        #expect(decide(.accept, [.networkAdmin]) == .allowed)
        #expect(Policy.decide(.routingStep(.accept, poster: poster, homeHub: "hamburg"), for: .anonymous) == .signInRequired)
    }

    @Test func referredHubsRecipientsAndPostersEachTakeTheirOwnSteps() {
        #expect(decide(.forward(hub: "karlsruhe", recipients: []), [.hubManager(hub: "karlsruhe")]) == .allowed)
        #expect(decide(.forward(hub: "karlsruhe", recipients: []), [.hubManager(hub: "hamburg")]) == .forbidden)
        #expect(decide(.expressInterest(organisation: recipient, message: ""), [.organisationMember(organisation: recipient)]) == .allowed)
        #expect(decide(.expressInterest(organisation: recipient, message: ""), [.organisationMember(organisation: poster)]) == .forbidden)
        #expect(decide(.expressInterest(organisation: recipient, message: ""), [.hubManager(hub: "hamburg")]) == .forbidden)
        #expect(decide(.resubmit, [.organisationMember(organisation: poster)]) == .allowed)
        #expect(decide(.recordOutcome(organisation: recipient, .pilot), [.organisationAdmin(organisation: recipient)]) == .allowed)
        #expect(decide(.introduce(organisation: recipient), [.organisationAdmin(organisation: poster)]) == .forbidden)
        #expect(decide(.expire, [.networkAdmin]) == .forbidden)
    }
}
