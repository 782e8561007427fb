import FluentKit
import Foundation
import HubnetActions
import HubnetCore
import HubnetPersistence
@testable import HubnetServer
import HubnetTestSupport
import Testing
import Vapor

/// Bookings, events and matchmaking days through the actions, on both databases.
@Suite struct PlaceActionTests {
    static let now = NetworkCalendar.moment("2026-12-01T10:00")!

    static func context(_ app: Application, _ member: TestMember) async throws -> ActionContext {
        try await CallActionTests.context(app, member, at: now)
    }

    static func startups(_ app: Application, count: Int, hub: String = "berlin") async throws -> [Organisation] {
        var organisations = DemoEcosystem(seed: 11).organisations(count: count)
        for index in organisations.indices {
            organisations[index].kind = .startup
            organisations[index].hubSlug = hub
        }
        for organisation in organisations { try await OrganisationStore(app.db).create(organisation) }
        return organisations
    }

    static func desk(_ app: Application, hub: String = "karlsruhe", quota: Int? = nil) async throws -> Resource {
        let manager = try await TestMember.make(app, roles: [.hubManager(hub: hub)])
        return try await PlaceActions(context(app, manager)).save(Resource(
            hubSlug: hub, city: Network.hub(hub)!.cities[0].name.de, kind: .desk, name: .init(de: "Flex-Desk 1", en: "Flex desk 1"),
            quotaDaysPerMonth: quota, rule: .startupCard))
    }

    @Test(arguments: TestDatabase.kinds)
    func hundredAttemptsAtTheSameDeskAndHourMakeExactlyOneBooking(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let desk = try await Self.desk(app)
            let startups = try await Self.startups(app, count: 5)
            let founders = try await startups.asyncMap { try await TestMember.make(app, roles: [.organisationAdmin(organisation: $0.id)]) }
            let start = NetworkCalendar.moment("2026-12-07T09:00")!, end = NetworkCalendar.moment("2026-12-07T12:00")!
            let contexts = try await founders.asyncMap { try await Self.context(app, $0) }
            let outcomes = await withTaskGroup(of: String.self) { group in
                for attempt in 0..<100 {
                    let founder = attempt % 5
                    // Overlapping, not only equal, times: 08–11, 09–12 and 10–13 all collide.
                    let shift = Double((attempt % 3) - 1) * 3600
                    group.addTask {
                        do {
                            _ = try await PlaceActions(contexts[founder]).book(resource: desk.id, organisation: startups[founder].id,
                                                                                start: start.addingTimeInterval(shift), end: end.addingTimeInterval(shift))
                            return "booked"
                        } catch let error as DomainError where error == PlaceActions.taken {
                            return "taken"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            }
            #expect(outcomes == ["booked": 1, "taken": 99])
            let held = try await PlaceStore(app.db).bookings(resources: [desk.id], from: start.addingTimeInterval(-7200), to: end.addingTimeInterval(7200))
            #expect(held.count == 1)
            #expect(try await BookingUnitRecord.query(on: app.db).count() == 12)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aQuotaHoldsWhenBookingsOfDifferentDesksArriveAtOnce(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "karlsruhe")])
            var desks: [Resource] = []
            for number in 1...4 {
                desks.append(try await PlaceActions(Self.context(app, manager)).save(Resource(
                    hubSlug: "karlsruhe", city: "Karlsruhe", kind: .desk, name: .init("Desk \(number)"), quotaDaysPerMonth: 2, rule: .startupCard)))
            }
            let startup = try await Self.startups(app, count: 1)[0]
            let founder = try await Self.context(app, try await TestMember.make(app, roles: [.organisationAdmin(organisation: startup.id)]))
            // Twelve bookings on four desks and three days of one month: the quota admits two days.
            let booked = await withTaskGroup(of: String?.self) { group in
                for attempt in 0..<12 {
                    let day = ["2026-12-07", "2026-12-08", "2026-12-09"][attempt % 3]
                    let desk = desks[attempt % 4]
                    group.addTask {
                        let start = NetworkCalendar.moment(day + "T09:00")!
                        return try? await PlaceActions(founder).book(resource: desk.id, organisation: startup.id, start: start,
                                                                     end: start.addingTimeInterval(3600)).day
                    }
                }
                return await group.reduce(into: Set<String>()) { if let day = $1 { $0.insert(day) } }
            }
            #expect(booked.count == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func bookingRulesNameWhatIsWrongAndACancelledTimeIsFreeAgain(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let desk = try await Self.desk(app, quota: 2)
            let startup = try await Self.startups(app, count: 1)[0]
            var corporate = DemoEcosystem(seed: 12).organisations(count: 1)[0]
            corporate.kind = .corporate
            corporate.hubSlug = "berlin"
            try await OrganisationStore(app.db).create(corporate)
            let founder = try await TestMember.make(app, roles: [.organisationAdmin(organisation: startup.id), .organisationAdmin(organisation: corporate.id)])
            let actions = PlaceActions(try await Self.context(app, founder))
            func book(_ from: String, _ to: String, for organisation: UUID = startup.id) async throws -> Booking {
                try await actions.book(resource: desk.id, organisation: organisation, start: NetworkCalendar.moment(from)!, end: NetworkCalendar.moment(to)!)
            }
            // A Sunday, Christmas Day, before opening, off the grid, too far ahead, a Berlin corporate in Karlsruhe.
            for (from, to, words) in [("2026-12-06T09:00", "2026-12-06T10:00", "Sun"), ("2026-12-25T09:00", "2026-12-25T10:00", "Christmas Day"),
                                      ("2026-12-07T07:00", "2026-12-07T09:00", "opening hours"), ("2026-12-07T09:30", "2026-12-07T10:30", "grid"),
                                      ("2027-06-07T09:00", "2027-06-07T10:00", "ahead")] {
                do {
                    _ = try await book(from, to)
                    Issue.record("\(from) was booked")
                } catch let failure as ValidationFailure {
                    #expect(failure.problems.contains { $0.message.en.contains(words) }, "\(from): \(failure)")
                }
            }
            await #expect(throws: DomainError.self) { _ = try await book("2026-12-07T09:00", "2026-12-07T10:00", for: corporate.id) }
            // The quota: two days a month; a second booking on a booked day is free.
            let first = try await book("2026-12-07T09:00", "2026-12-07T10:00")
            _ = try await book("2026-12-07T14:00", "2026-12-07T15:00")
            _ = try await book("2026-12-08T09:00", "2026-12-08T10:00")
            await #expect(throws: DomainError.self) { _ = try await book("2026-12-09T09:00", "2026-12-09T10:00") }
            // Cancelled, the hour is free for anyone again, and cancelling twice says so.
            #expect(try await actions.cancel(first.id).state == .cancelled)
            await #expect(throws: DomainError.self) { _ = try await actions.cancel(first.id) }
            let again = try await book("2026-12-07T09:00", "2026-12-07T10:00")
            #expect(again.state == .booked)
            let week = try await actions.week(of: desk, monday: NetworkCalendar.startOfDay("2026-12-07")!)
            #expect(week.days[0].slots.first { $0.start == again.start }?.state == .own)
            #expect(week.days[6].closedBecause != nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aFreedSeatGoesToTheLongestWaitingWhoIsToldAndRegistrationsNeverExceedTheCapacity(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "cologne")])
            let start = NetworkCalendar.moment("2026-12-10T18:00")!
            let event = try await EventActions(Self.context(app, manager)).save(Event(
                hubSlug: "cologne", kind: .pitchNight, title: .init(de: "InsurTech-Pitches", en: "InsurTech pitches"), venue: "Digital Hub Köln",
                start: start, end: start.addingTimeInterval(3 * 3600), capacity: 3, createdAt: Self.now))
            let people = try await Array(0..<10).asyncMap { _ in try await TestMember.make(app) }
            let contexts = try await people.asyncMap { try await Self.context(app, $0) }
            let states = await withTaskGroup(of: RegistrationState?.self) { group in
                for context in contexts { group.addTask { try? await EventActions(context).register(event.id).state } }
                return await group.reduce(into: [RegistrationState?]()) { $0.append($1) }
            }
            #expect(states.filter { $0 == .registered }.count == 3)
            #expect(states.filter { $0 == .waitlisted }.count == 7)
            // Registering twice is the same registration.
            let registrations = try await EventStore(app.db).registrations(event: event.id)
            let seated = registrations.first { $0.state == .registered }!
            let seatedIndex = people.firstIndex { $0.id == seated.memberID }!
            #expect(try await EventActions(contexts[seatedIndex]).register(event.id).id == seated.id)
            // A seat frees up: the longest-waiting moves up and has a mail.
            let next = Waitlist.promotions(registrations.map { $0.id == seated.id ? Registration(id: $0.id, eventID: $0.eventID, memberID: $0.memberID, organisationID: nil, state: .cancelled, createdAt: $0.createdAt) : $0 }, capacity: 3)[0]
            _ = try await EventActions(contexts[seatedIndex]).cancelRegistration(event.id)
            #expect(try await EventStore(app.db).registration(next.id)?.state == .registered)
            let promotedMember = try await MemberRecord.find(next.memberID, on: app.db)!
            let mails = try await OutboxMessageRecord.query(on: app.db).filter(\.$recipient == promotedMember.email).all()
            #expect(mails.contains { $0.subject.contains("InsurTech") })
            #expect(try await EventStore(app.db).registeredCounts(events: [event.id])[event.id] == 3)
            // Moved by an hour: everyone with a seat or in line hears it, once.
            var moved = try await EventActions(Self.context(app, manager)).event(event.id)
            moved.start = moved.start.addingTimeInterval(3600)
            moved.end = moved.end.addingTimeInterval(3600)
            let saved = try await EventActions(Self.context(app, manager)).save(moved)
            #expect(saved.sequence == 1)
            let changed = try await OutboxMessageRecord.query(on: app.db).filter(\.$subject == "Geändert: InsurTech-Pitches").count()
            #expect(changed == 9)
            // Calling the event off shows in the hub's feed as a cancellation with a higher SEQUENCE.
            let before = try await CalendarFeeds(Self.context(app, manager)).hub("cologne", language: .de).text
            _ = try await EventActions(Self.context(app, manager)).cancelEvent(event.id)
            let after = try await CalendarFeeds(Self.context(app, manager)).hub("cologne", language: .de).text
            #expect(before.contains("SEQUENCE:1") && before.contains("STATUS:CONFIRMED"))
            #expect(after.contains("UID:event-\(event.id.lowercased)@hubnet") && after.contains("SEQUENCE:2") && after.contains("STATUS:CANCELLED"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func scheduleAllPlacesAcceptedMeetingsWithinTheRulesAndKeepsConfirmedOnes(_ kind: TestDatabase.Kind) async throws {
        try await TestApp.with(kind) { app in
            let manager = try await TestMember.make(app, roles: [.hubManager(hub: "karlsruhe")])
            let start = NetworkCalendar.moment("2026-12-11T09:00")!
            let event = try await EventActions(Self.context(app, manager)).save(Event(
                hubSlug: "karlsruhe", kind: .matchmakingDay, title: .init(de: "KI-Matchmaking", en: "AI matchmaking"), venue: "Digital Hub Karlsruhe",
                start: start, end: start.addingTimeInterval(2 * 3600), capacity: 50, createdAt: Self.now))
            _ = try await MatchmakingActions(Self.context(app, manager)).saveSettings(event.id, MatchmakingSettings(
                firstSlot: start, slotMinutes: 20, slots: 4, tables: 2, capPerPerson: 3))
            let startups = try await Self.startups(app, count: 5, hub: "karlsruhe")
            let people = try await startups.asyncMap { try await TestMember.make(app, roles: [.organisationAdmin(organisation: $0.id)]) }
            var participants: [MeetingParticipant] = []
            for (index, person) in people.enumerated() {
                // The last one is there only in the first two slots.
                participants.append(try await MatchmakingActions(Self.context(app, person)).join(
                    event.id, organisation: startups[index].id, offer: "KI", seek: "Pilotkunden", availability: index == 4 ? 0b0011 : 0b1111))
            }
            // Everyone asks everyone after them; the invitees accept.
            for a in 0..<5 {
                for b in (a + 1)..<5 {
                    let request = try await MatchmakingActions(Self.context(app, people[a])).request(event.id, with: participants[b].id, message: "Hallo")
                    _ = try await MatchmakingActions(Self.context(app, people[b])).respond(request.id, accept: true)
                }
            }
            let outcome = try await MatchmakingActions(Self.context(app, manager)).scheduleAll(event.id)
            // 4 slots × 2 tables = 8 seats; the bound says how many can stand.
            #expect(outcome.placements.count == outcome.bound)
            let requests = try await MeetingStore(app.db).requests(event: event.id)
            var seen = Set<String>()
            for request in requests where request.slot != nil {
                let slot = request.slot!
                #expect(seen.insert("t\(slot)-\(request.table!)").inserted)
                for person in [request.requesterID, request.inviteeID] {
                    #expect(seen.insert("p\(slot)-\(person)").inserted)
                    let availability = participants.first { $0.id == person }!.availability
                    #expect(availability & (1 << UInt64(slot)) != 0)
                }
            }
            // A second run keeps every confirmed meeting where it was.
            _ = try await MatchmakingActions(Self.context(app, manager)).scheduleAll(event.id)
            let again = try await MeetingStore(app.db).requests(event: event.id)
            for request in requests where request.slot != nil {
                #expect(again.first { $0.id == request.id }?.slot == request.slot)
            }
            let (_, agenda) = try await MatchmakingActions(Self.context(app, people[0])).agenda(event.id)
            #expect(!agenda.isEmpty && agenda.map(\.start) == agenda.map(\.start).sorted())
            let token = try await CalendarFeeds(Self.context(app, people[0])).token()
            let feed = try await CalendarFeeds(Self.context(app, people[0])).member(token: token)!.text
            #expect(feed.components(separatedBy: "UID:meeting-").count - 1 == agenda.count)
        }
    }
}
