import Foundation
import HubnetCore
@testable import HubnetViews
import Testing

/// Pages rendered from view models alone, without a server or a database: whatever a person
/// typed reaches the HTML as text, never as markup, in text and in every attribute.
@Suite struct HTMLEscapingTests {
    static let hostile = #"x"><script>alert(1)</script><img src=x onerror=alert(2)>' onfocus='alert(3)"#

    /// No element of the hostile text became markup: no script or img element, and no tag
    /// carries an event handler (inside tags, an escaped value holds no ">" to end them early).
    static func isSafe(_ html: String) -> Bool {
        // The site's own script file is the one script a page may load.
        let own = "<script src=\"\(Script.path)\" defer=\"defer\"></script>"
        guard html.components(separatedBy: own).count <= 2 else { return false }
        // Each tag with its quoted values taken out: what remains are element and attribute names.
        let tags = html.replacingOccurrences(of: own, with: "").matches(of: /<[^>]*>/).map { String($0.output).replacing(/"[^"]*"/, with: "") }
        return !tags.contains { $0.hasPrefix("<script") || $0.hasPrefix("<img") || $0.contains("onerror") || $0.contains("onfocus") }
    }

    static let visitor = PageContext(language: .en, page: .home)
    static let member = PageContext(language: .de, page: .account, viewer: Viewer(name: hostile, csrfToken: hostile, reviewsClaims: true, readsAudit: true))

    static var organisation: Organisation {
        Organisation(name: hostile, kind: .startup, hubSlug: "hamburg", city: hostile, topicSlugs: ["logistics"],
                     description: .init(de: hostile, en: hostile), offers: .init(hostile), seeks: .init(hostile),
                     website: "https://example.org/?a=\(hostile)")
    }

    @Test func attributeValuesAreEscaped() {
        #expect(Self.hostile.attributeEscaped == "x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39; onfocus=&#39;alert(3)")
    }

    @Test(arguments: [visitor, member])
    func aProfileShowsHostileTextAsText(_ context: PageContext) {
        let html = OrganisationProfileView.render(OrganisationProfileModel(organisation: Self.organisation, canEdit: true, claim: .possible,
                                                                           csrf: Self.hostile, notice: Self.hostile), context)
        #expect(Self.isSafe(html))
        #expect(html.contains(#"<meta property="og:title" content="x&quot;&gt;&lt;script&gt;"#))
    }

    @Test func formsKeepHostileValuesInsideTheirAttributes() {
        let edit = OrganisationEditView.render(Self.organisation, problems: [FieldProblem(field: "name", message: .init(Self.hostile))],
                                               saved: false, csrf: Self.hostile, Self.member)
        #expect(Self.isSafe(edit))
        let state = AccountFormsView.FormState(values: ["email": Self.hostile, "name": Self.hostile], notice: [Self.hostile])
        for html in [AccountFormsView.signIn(state, csrf: Self.hostile, returnTo: Self.hostile, Self.visitor),
                     AccountFormsView.signUp(state, csrf: Self.hostile, Self.visitor),
                     AccountFormsView.resetPassword(token: Self.hostile, state, csrf: Self.hostile, Self.visitor)] {
            #expect(Self.isSafe(html))
        }
    }

    @Test func anErrorPageShowsItsMessagesAsText() {
        #expect(Self.isSafe(ErrorPageView.render(status: 422, messages: [Self.hostile], Self.member)))
    }

    @Test func theAuditLogAndTheStaffPageShowHostileValuesAsText() {
        let row = AuditModel.Row(occurredAt: Date(), actor: Self.hostile, actorID: UUID(), action: Self.hostile, objectType: Self.hostile,
                                 objectID: Self.hostile, hub: Self.hostile, objectName: Self.hostile,
                                 changes: [FieldChange(field: Self.hostile, before: Self.hostile, after: Self.hostile)])
        let audit = AuditModel(filter: AuditFilter(action: Self.hostile), rows: [row], more: true, hubs: ["hamburg", "cologne"],
                               actorName: Self.hostile, problems: [FieldProblem(field: "from", message: .init(Self.hostile))])
        #expect(Self.isSafe(AuditView.render(audit, Self.member)))
        let staff = StaffView.Model(claimsWaiting: 1, organisationsWaiting: 0,
                                    staff: [.init(id: UUID(), name: Self.hostile, email: Self.hostile, role: .hubManager(hub: "hamburg"))],
                                    values: ["email": Self.hostile, "scope": Self.hostile], notice: Self.hostile, csrf: Self.hostile)
        #expect(Self.isSafe(StaffView.render(staff, Self.member)))
    }

    /// Every hub city has its own label on the map, in the page's language.
    @Test func theMapLabelsEveryHubCity() {
        for context in [Self.visitor, Self.member] {
            let html = HomeView.render(HomeModel(counts: [:]), context)
            let labels = html.matches(of: /<text class="label"[^>]*>([^<]*)<\/text>/).map { String($0.output.1) }
            let cities = Network.hubs.flatMap(\.cities).map { $0.name[context.language] }
            #expect(labels.sorted() == cities.sorted())
            #expect(cities.count == 16)
        }
    }

    @Test func callPagesShowHostileTextAsText() {
        let hostile = Self.hostile
        let now = Date()
        let call = Call(title: .init(hostile), description: .init(hostile), kind: .award, hub: "hamburg",
                        rounds: [CallRound(number: 1, opens: now.addingTimeInterval(-60), closes: now.addingTimeInterval(3_600))],
                        definition: CallDefinition(fields: [ApplicationField(key: "f1", kind: .choice, label: .init(hostile), choices: [hostile, "b"])],
                                                   criteria: [CallCriterionDefinition(key: "c1", label: .init(hostile))]))
        let application = CallApplication(callID: call.id, round: 1, organisationID: UUID(), applicantName: hostile, hubSlug: "hamburg",
                                          applicantMemberID: nil, state: .draft, answers: ["f1": hostile], decision: .accepted, decisionMessage: hostile)
        let detail = CallPages.DetailModel(call: call, now: now, organisations: [(Self.organisation, .init(hostile))], ownApplications: [application],
                                           publicApplications: [application], manages: true, judges: true, signedIn: true, csrf: hostile,
                                           problems: [FieldProblem(field: "", message: .init(hostile))])
        #expect(Self.isSafe(CallDetailView.render(detail, Self.member)))
        let page = CallPages.ApplicationModel(application: application, call: call, now: now, mayEdit: true, review: (["c1": 3], hostile),
                                              isReviewer: true, reviews: [(hostile, ["c1": 2], hostile)], manages: true, csrf: hostile,
                                              notice: hostile, problems: [FieldProblem(field: "f1", message: .init(hostile))], typed: ["f1": hostile, "c1": hostile])
        #expect(Self.isSafe(ApplicationView.render(page, Self.member)))
        let juror = UUID()
        let jury = CallPages.JuryModel(call: call, jurors: [.init(id: juror, name: hostile, email: hostile, expertise: hostile, organisations: [hostile])],
                                       applications: [application], pairs: [application.id: [.init(juror: juror, state: "proposed", pinned: false, affinity: 0.5, reviewed: false)]],
                                       conflicts: [JuryConflict(juror: juror, application: application.id, source: .declared, reason: .init(hostile))],
                                       csrf: hostile, notice: hostile)
        #expect(Self.isSafe(JuryView.render(jury, Self.member)))
        let ranking = CallPages.RankingModel(call: call, round: 1, rows: [.init(application: application, entry: nil, done: 0, assigned: 1)],
                                             normalised: false, published: false, pending: [application.id: .accepted], message: hostile, csrf: hostile)
        #expect(Self.isSafe(RankingView.render(ranking, Self.member)))
        var values = CallPages.FormModel.values(of: call)
        values.values["titleDe"] = hostile
        let form = CallPages.FormModel(existing: nil, values: values.values, kinds: [hostile], hubs: [hostile], network: true, organisableHubs: ["hamburg"],
                                       problems: [FieldProblem(field: "titleDe", message: .init(hostile))], csrf: hostile)
        #expect(Self.isSafe(CallFormView.render(form, Self.member)))
        let desk = CallPages.DeskModel(call: call, applications: [application], assigned: [application.id], declared: [], reviewed: [],
                                       expertise: hostile, csrf: hostile, notice: hostile)
        #expect(Self.isSafe(JuryDeskView.render(desk, Self.member)))
    }

    @Test func placeAndEventPagesShowHostileTextAsText() {
        let hostile = Self.hostile
        let now = Date()
        let resource = Resource(hubSlug: "hamburg", city: "Hamburg", kind: .desk, name: .init(hostile), description: .init(hostile),
                                closures: [Closure(from: "2026-12-24", to: "2026-12-31", reason: .init(hostile))], quotaDaysPerMonth: 3)
        let monday = WeekAvailability.monday(of: now)
        let booking = Booking(resourceID: resource.id, organisationID: UUID(), memberID: UUID(), start: monday, end: monday.addingTimeInterval(3600), createdAt: now)
        let week = WeekAvailability(resource: resource, week: monday, bookings: [booking], organisations: [booking.organisationID], now: now)
        let problems = [FieldProblem(field: "start", message: .init(hostile))]
        let organisations = [(id: UUID(), name: hostile)]
        var pages: [String] = []
        pages.append(PlaceListView.render(.init(resources: [resource], hub: hostile, kind: .desk, managedHubs: ["hamburg"]), Self.member))
        pages.append(ResourceView.render(.init(resource: resource, week: week, organisations: organisations, refused: [hostile], signedIn: true,
                                               manages: true, csrf: hostile, problems: problems, booked: booking), Self.member))
        var values = ["hub": "hamburg"]
        for key in ["city", "kind", "rule", "name_de", "name_en", "description_de", "description_en", "opening_hours", "closures", "granularity",
                    "maximum", "quota", "ahead", "title_de", "title_en", "venue", "start", "end", "capacity"] { values[key] = hostile }
        pages.append(ResourceFormView.render(.init(existing: nil, values: values, hubs: ["hamburg"], problems: problems, csrf: hostile), Self.member))
        let row = PlacePages.BookingRow(booking: booking, resource: resource, organisation: hostile)
        pages.append(BookingsView.render(.init(rows: [row], now: now, csrf: hostile), Self.member))
        pages.append(HubPlacesView.render(.init(hub: Network.hub("hamburg")!, monday: monday, utilisation: [(resource, Utilisation(resource: resource, bookings: [booking], from: monday, to: now))],
                                                bookings: [row], travels: [row], now: now, csrf: hostile), Self.member))
        let event = Event(hubSlug: "hamburg", kind: .matchmakingDay, title: .init(hostile), description: .init(hostile), venue: hostile,
                          start: now, end: now.addingTimeInterval(3600), capacity: 2, createdAt: now)
        let registration = Registration(eventID: event.id, memberID: UUID(), organisationID: nil, state: .waitlisted, createdAt: now)
        pages.append(EventListView.render(.init(events: [(event, 1)], hub: hostile, managedHubs: ["hamburg"], signedIn: true), Self.member))
        pages.append(EventView.render(.init(event: event, seatsTaken: 2, registration: registration, waitlistPosition: 1, organisations: organisations,
                                            signedIn: true, manages: true, now: now, csrf: hostile, problems: problems), Self.member))
        pages.append(EventFormView.render(.init(existing: event.id, values: values, hubs: ["hamburg"], problems: problems, csrf: hostile), Self.member))
        pages.append(CheckInView.render(.init(event: event, attendees: [.init(registration: registration, name: hostile, organisation: hostile)],
                                              csrf: hostile), Self.member))
        let settings = MatchmakingSettings(firstSlot: now, slots: 4, tables: 2)
        let own = MeetingParticipant(eventID: event.id, memberID: UUID(), organisationID: UUID(), offer: hostile, seek: hostile, availability: 0b1111)
        let other = MeetingParticipant(eventID: event.id, memberID: UUID(), organisationID: UUID(), offer: hostile, seek: hostile, availability: 0b11)
        let request = MeetingRequest(eventID: event.id, requesterID: other.id, inviteeID: own.id, message: hostile, state: .accepted, slot: 1, table: 0, createdAt: now)
        let people = [own, other].map { PlacePages.Person(participant: $0, name: hostile, organisation: hostile, suggestion: hostile) }
        pages.append(MatchmakingView.render(.init(event: event, settings: settings, own: own, people: people, requests: [request], organisations: organisations,
                                                  manages: true, signedIn: true, outcome: (1, 0, 1), csrf: hostile, problems: problems), Self.member))
        for printable in [false, true] {
            pages.append(AgendaView.render(.init(event: event, name: hostile, items: [.init(start: now, end: now, table: 1, with: hostile, organisation: hostile)],
                                                 printable: printable, feed: "https://example.org/" + hostile), Self.member))
        }
        pages.append(CalendarView.render(.init(personal: hostile, hubs: [(Network.hub("hamburg")!, hostile)], csrf: hostile), Self.member))
        for (index, html) in pages.enumerated() {
            #expect(Self.isSafe(html), "page \(index)")
        }
    }
}
