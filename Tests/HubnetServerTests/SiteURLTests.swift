import Foundation
import HubnetCore
@testable import HubnetServer
import HubnetTestSupport
import HubnetViews
import Testing
import Vapor

/// The typed site URL registers the pages and prints every link: each kind of page resolves
/// to a served route, and nothing is served under a language that `SiteURL` cannot print.
@Suite struct SiteURLTests {
    /// One URL of each kind; the switch keeps the list complete.
    static func example(_ route: SiteURL.Route) -> SiteURL {
        let id = UUID()
        return switch route {
        case .home: .home
        case .hubs: .hubs
        case .hub: .hub(slug: "karlsruhe")
        case .directory: .directory(DirectoryQuery(text: "KI & Logistik", hubs: ["hamburg"]))
        case .organisations: .organisations
        case .organisation: .organisation(id: id, notice: .claimed)
        case .newOrganisation: .newOrganisation
        case .editOrganisation: .editOrganisation(id: id, saved: true)
        case .claimOrganisation: .claimOrganisation(id: id)
        case .approveOrganisation: .approveOrganisation(id: id)
        case .organisationLogo: .organisationLogo(id: id)
        case .removeOrganisationLogo: .removeOrganisationLogo(id: id)
        case .signUp: .signUp
        case .signIn: .signIn
        case .signOut: .signOut
        case .confirm: .confirm
        case .forgotPassword: .forgotPassword
        case .resetPassword: .resetPassword
        case .account: .account
        case .accountTokens: .accountTokens
        case .accountPassword: .accountPassword
        case .accountEmail: .accountEmail
        case .confirmEmailChange: .confirmEmailChange
        case .revokeToken: .revokeToken(id: id)
        case .accountExport: .accountExport
        case .accountDelete: .accountDelete
        case .claims: .claims(decided: id)
        case .approveClaim: .decideClaim(id: id, approve: true)
        case .rejectClaim: .decideClaim(id: id, approve: false)
        case .audit: .audit(AuditFilter(hub: "cologne", action: "claim", page: 2))
        case .staff: .staff
        case .appointRole: .appointRole
        case .removeRole: .removeRole
        case .findPartners: .findPartners(text: "Versicherung+KI", topic: "insurtech")
        case .organisationMatches: .organisationMatches(id: id)
        case .organisationInvestors: .organisationInvestors(id: id)
        case .opportunities: .opportunities
        case .opportunity: .opportunity(id: id)
        case .newOpportunity: .newOpportunity
        case .deleteOpportunity: .deleteOpportunity(id: id)
        case .routingStep: .routingStep(id: id)
        case .routingQueue: .routingQueue(RoutingQueueFilter(state: .submitted))
        case .routingServiceLevels: .routingServiceLevels
        case .notifications: .notifications
        case .scouting: .scouting
        case .newScouting: .newScouting
        case .scoutingRequest: .scoutingRequest(id: id)
        case .answerScouting: .answerScouting(id: id)
        case .replyScouting: .replyScouting(id: id)
        case .markNotificationsRead: .markNotificationsRead
        case .calls: .calls
        case .newCall: .newCall
        case .call: .call(id: id)
        case .editCall: .editCall(id: id)
        case .applyToCall: .applyToCall(id: id)
        case .application: .application(id: id)
        case .withdrawApplication: .withdrawApplication(id: id)
        case .reviewApplication: .reviewApplication(id: id)
        case .applicationFile: .applicationFile(id: id, field: "f1")
        case .callJury: .callJury(id: id)
        case .inviteJuror: .inviteJuror(id: id)
        case .removeJuror: .removeJuror(id: id)
        case .assignJury: .assignJury(id: id)
        case .confirmJury: .confirmJury(id: id)
        case .changeJuryPair: .changeJuryPair(id: id)
        case .callReview: .callReview(id: id)
        case .declareConflict: .declareConflict(id: id)
        case .jurorExpertise: .jurorExpertise(id: id)
        case .callRanking: .callRanking(id: id, round: 2)
        case .callRankingCSV: .callRankingCSV(id: id)
        case .decideCall: .decideCall(id: id)
        case .publishCall: .publishCall(id: id)
        case .places: .places(hub: "karlsruhe", kind: .printer)
        case .resource: .resource(id: id, week: "2026-12-07")
        case .bookResource: .bookResource(id: id)
        case .newResource: .newResource(hub: "berlin")
        case .editResource: .editResource(id: id)
        case .bookings: .bookings
        case .cancelBooking: .cancelBooking(id: id)
        case .noShowBooking: .noShowBooking(id: id)
        case .hubPlaces: .hubPlaces(slug: "cologne", week: "2026-12-07")
        case .events: .events(hub: "potsdam")
        case .event: .event(id: id)
        case .newEvent: .newEvent(hub: "hamburg", kind: .workshop)
        case .editEvent: .editEvent(id: id)
        case .cancelEvent: .cancelEvent(id: id)
        case .registerForEvent: .registerForEvent(id: id)
        case .cancelRegistration: .cancelRegistration(id: id)
        case .checkIn: .checkIn(id: id)
        case .matchmaking: .matchmaking(id: id)
        case .joinMatchmaking: .joinMatchmaking(id: id)
        case .requestMeeting: .requestMeeting(id: id)
        case .answerMeeting: .answerMeeting(id: id)
        case .matchmakingSettings: .matchmakingSettings(id: id)
        case .scheduleMatchmaking: .scheduleMatchmaking(id: id)
        case .agenda: .agenda(id: id, print: true)
        case .calendar: .calendar
        case .renewCalendar: .renewCalendar
        case .apiGuide: .apiGuide
        case .imprint: .imprint
        case .privacy: .privacy
        }
    }

    @Test func everyKindOfPageIsServedWhereItsLinksPoint() async throws {
        try await TestApp.with(.sqlite) { app in
            for route in SiteURL.Route.allCases {
                let url = Self.example(route)
                #expect(url.route == route)
                for language in SiteLanguage.allCases {
                    let path = String(url.path(language).prefix { $0 != "?" })
                    #expect(!app.routeTable.methods(for: path).isEmpty, "\(route) → \(path) is not served")
                }
            }
            // The other way round: every page route is a pattern of SiteURL.
            let patterns = Set(SiteURL.Route.allCases.map { $0.pattern.joined(separator: "/") })
            for served in app.routes.all {
                let parts = served.path.map(\.description)
                guard let first = parts.first, SiteLanguage(rawValue: first) != nil else { continue }
                let pattern = parts.dropFirst().joined(separator: "/").replacingOccurrences(of: #":\w+"#, with: ":id", options: .regularExpression)
                #expect(patterns.contains(pattern) || patterns.contains(parts.dropFirst().joined(separator: "/")), "\(served.method) \(parts.joined(separator: "/")) has no SiteURL")
            }
        }
    }

    @Test func guessedListAddressesLeadToTheLists() async throws {
        try await TestApp.with(.sqlite) { app in
            let hubs = try await app.testing().sendRequest(.GET, "/de/hubs")
            #expect(hubs.status == .movedPermanently && hubs.headers.first(name: .location) == "/de#counts-table")
            let organisations = try await app.testing().sendRequest(.GET, "/en/organisations")
            #expect(organisations.status == .movedPermanently && organisations.headers.first(name: .location) == "/en/directory")
        }
    }

    @Test func redirectsAreTypedToo() {
        let id = UUID(uuidString: "5C7A4A8F-0000-4000-8000-000000000001")!
        #expect(SiteURL.editOrganisation(id: id, saved: true).path(.de) == "/de/organisations/5c7a4a8f-0000-4000-8000-000000000001/edit?saved=1")
        #expect(SiteURL.organisation(id: id, notice: .claimed).path(.en) == "/en/organisations/5c7a4a8f-0000-4000-8000-000000000001?notice=claimed")
        #expect(SiteURL.findPartners(text: "KI+Logistik").path(.de) == "/de/matches?q=KI%2BLogistik")
    }
}
