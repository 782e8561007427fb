import Foundation
import HubnetCore

/// What a profile page confirms at the top after a form led there.
public enum ProfileNotice: String, Sendable, Hashable {
    case claimed
    case created
}

/// Every page of the site. Views take their links from here, never from string literals, and
/// every path carries its language, so a link can be shared and read in the language it shows.
public enum SiteURL: Hashable, Sendable {
    case home
    /// The hubs: their map and table are on the home page, where this leads.
    case hubs
    case hub(slug: String)
    case directory(DirectoryQuery = DirectoryQuery())
    /// `claimed` adds the notice that a claim was sent.
    /// All organisations: the directory, where this leads.
    case organisations
    case organisation(id: UUID, notice: ProfileNotice? = nil)
    case newOrganisation
    /// `saved` adds the notice that the changes were saved.
    case editOrganisation(id: UUID, saved: Bool = false)
    case claimOrganisation(id: UUID)
    case approveOrganisation(id: UUID)
    /// Uploading (a form post with the file) and removing an organisation's logo.
    case organisationLogo(id: UUID)
    case removeOrganisationLogo(id: UUID)
    case signUp
    case signIn
    case signOut
    case confirm
    case forgotPassword
    case resetPassword
    case account
    case accountTokens
    case accountPassword
    case accountEmail
    /// The link an address change sends to the new address.
    case confirmEmailChange
    case revokeToken(id: UUID)
    case accountExport
    case accountDelete
    /// `decided` adds the notice of the claim just decided.
    case claims(decided: UUID? = nil)
    case decideClaim(id: UUID, approve: Bool)
    case audit(AuditFilter = AuditFilter())
    /// The staff's start page: what waits, and (for the agency) who holds which role.
    case staff
    case appointRole
    case removeRole
    /// Find partners; with words or a topic, the results.
    case findPartners(text: String = "", topic: String? = nil, hub: String? = nil)
    case organisationMatches(id: UUID)
    case organisationInvestors(id: UUID)
    case opportunities
    case opportunity(id: UUID)
    case newOpportunity
    case deleteOpportunity(id: UUID)
    /// A step of the routing desk on a request (a form post naming the step).
    case routingStep(id: UUID)
    /// The agency's queue: the requests of the hubs one manages, by state.
    case routingQueue(RoutingQueueFilter = RoutingQueueFilter())
    /// A hub manager sets the hub's service levels.
    case routingServiceLevels
    /// Scouting requests: the list (with the agency's form for a new one), one request, a
    /// hub's shortlist, the agency's merged reply.
    case scouting
    case newScouting
    case scoutingRequest(id: UUID)
    case answerScouting(id: UUID)
    case replyScouting(id: UUID)
    /// A member's notifications, and marking them read.
    case notifications
    case markNotificationsRead
    // Calls and their jury
    case calls
    case newCall
    case call(id: UUID)
    case editCall(id: UUID)
    case applyToCall(id: UUID)
    case application(id: UUID)
    case withdrawApplication(id: UUID)
    case reviewApplication(id: UUID)
    case applicationFile(id: UUID, field: String)
    case callJury(id: UUID)
    case inviteJuror(id: UUID)
    case removeJuror(id: UUID)
    case assignJury(id: UUID)
    case confirmJury(id: UUID)
    case changeJuryPair(id: UUID)
    case callReview(id: UUID)
    case declareConflict(id: UUID)
    case jurorExpertise(id: UUID)
    case callRanking(id: UUID, round: Int? = nil)
    case callRankingCSV(id: UUID, round: Int? = nil)
    case decideCall(id: UUID)
    case publishCall(id: UUID)
    /// Places: what the hubs lend, a resource's week, booking, one's bookings, a hub's view.
    case places(hub: String? = nil, kind: ResourceKind? = nil)
    case resource(id: UUID, week: String? = nil)
    case bookResource(id: UUID)
    case newResource(hub: String? = nil)
    case editResource(id: UUID)
    case bookings
    case cancelBooking(id: UUID)
    case noShowBooking(id: UUID)
    case hubPlaces(slug: String, week: String? = nil)
    /// Events: the list, one event, registering, the organisers' forms and the door list.
    case events(hub: String? = nil)
    case event(id: UUID)
    case newEvent(hub: String? = nil, kind: EventKind? = nil)
    case editEvent(id: UUID)
    case cancelEvent(id: UUID)
    case registerForEvent(id: UUID)
    case cancelRegistration(id: UUID)
    case checkIn(id: UUID)
    /// A matchmaking day: take part, ask and answer, the organiser's settings, the agenda.
    case matchmaking(id: UUID)
    case joinMatchmaking(id: UUID)
    case requestMeeting(id: UUID)
    case answerMeeting(id: UUID)
    case matchmakingSettings(id: UUID)
    case scheduleMatchmaking(id: UUID)
    case agenda(id: UUID, print: Bool = false)
    /// The member's calendar addresses.
    case calendar
    case renewCalendar

    /// How to use the API, for people; the OpenAPI document is for machines.
    case apiGuide
    /// Impressum and Datenschutzerklärung, as the operator provides them.
    case imprint
    case privacy

    /// The kinds of page, each with the pattern of its path below the language; parameters
    /// are written `:name`. The server registers its routes from these patterns and every
    /// link is printed from them, so the two cannot drift apart (`SiteURLTests`).
    public enum Route: String, CaseIterable, Sendable {
        case home, hubs, hub, directory, organisations, organisation, newOrganisation, editOrganisation, claimOrganisation, approveOrganisation
        case organisationLogo, removeOrganisationLogo
        case signUp, signIn, signOut, confirm, forgotPassword, resetPassword
        case account, accountTokens, accountPassword, accountEmail, confirmEmailChange, revokeToken, accountExport, accountDelete
        case claims, approveClaim, rejectClaim, audit, staff, appointRole, removeRole
        case findPartners, organisationMatches, organisationInvestors, opportunities, opportunity, newOpportunity, deleteOpportunity
        case routingStep, routingQueue, routingServiceLevels, notifications, markNotificationsRead
        case scouting, newScouting, scoutingRequest, answerScouting, replyScouting
        case calls, newCall, call, editCall, applyToCall, application, withdrawApplication, reviewApplication, applicationFile
        case callJury, inviteJuror, removeJuror, assignJury, confirmJury, changeJuryPair, callReview, declareConflict, jurorExpertise
        case callRanking, callRankingCSV, decideCall, publishCall
        case places, resource, bookResource, newResource, editResource, bookings, cancelBooking, noShowBooking, hubPlaces
        case events, event, newEvent, editEvent, cancelEvent, registerForEvent, cancelRegistration, checkIn
        case matchmaking, joinMatchmaking, requestMeeting, answerMeeting, matchmakingSettings, scheduleMatchmaking, agenda
        case calendar, renewCalendar
        case apiGuide, imprint, privacy

        public var pattern: [String] {
            switch self {
            case .home: []
            case .hubs: ["hubs"]
            case .hub: ["hubs", ":slug"]
            case .directory: ["directory"]
            case .organisations: ["organisations"]
            case .organisation: ["organisations", ":id"]
            case .newOrganisation: ["organisations", "new"]
            case .editOrganisation: ["organisations", ":id", "edit"]
            case .claimOrganisation: ["organisations", ":id", "claim"]
            case .approveOrganisation: ["organisations", ":id", "approve"]
            case .organisationLogo: ["organisations", ":id", "logo"]
            case .removeOrganisationLogo: ["organisations", ":id", "logo", "remove"]
            case .signUp: ["sign-up"]
            case .signIn: ["sign-in"]
            case .signOut: ["sign-out"]
            case .confirm: ["confirm"]
            case .forgotPassword: ["password", "forgot"]
            case .resetPassword: ["password", "reset"]
            case .account: ["account"]
            case .accountTokens: ["account", "tokens"]
            case .accountPassword: ["account", "password"]
            case .accountEmail: ["account", "email"]
            case .confirmEmailChange: ["email", "confirm"]
            case .revokeToken: ["account", "tokens", ":id", "revoke"]
            case .accountExport: ["account", "export"]
            case .accountDelete: ["account", "delete"]
            case .claims: ["claims"]
            case .approveClaim: ["claims", ":id", "approve"]
            case .rejectClaim: ["claims", ":id", "reject"]
            case .audit: ["audit"]
            case .staff: ["staff"]
            case .appointRole: ["staff", "roles"]
            case .removeRole: ["staff", "roles", "remove"]
            case .findPartners: ["matches"]
            case .organisationMatches: ["organisations", ":id", "matches"]
            case .organisationInvestors: ["organisations", ":id", "investors"]
            case .opportunities: ["opportunities"]
            case .opportunity: ["opportunities", ":id"]
            case .newOpportunity: ["opportunities", "new"]
            case .deleteOpportunity: ["opportunities", ":id", "withdraw"]
            case .routingStep: ["opportunities", ":id", "steps"]
            case .routingQueue: ["routing"]
            case .routingServiceLevels: ["routing", "service-levels"]
            case .notifications: ["notifications"]
            case .scouting: ["scouting"]
            case .newScouting: ["scouting", "new"]
            case .scoutingRequest: ["scouting", ":id"]
            case .answerScouting: ["scouting", ":id", "answer"]
            case .replyScouting: ["scouting", ":id", "reply"]
            case .markNotificationsRead: ["notifications", "read"]
            case .calls: ["calls"]
            case .newCall: ["calls", "new"]
            case .call: ["calls", ":id"]
            case .editCall: ["calls", ":id", "edit"]
            case .applyToCall: ["calls", ":id", "apply"]
            case .application: ["applications", ":id"]
            case .withdrawApplication: ["applications", ":id", "withdraw"]
            case .reviewApplication: ["applications", ":id", "review"]
            case .applicationFile: ["applications", ":id", "files", ":field"]
            case .callJury: ["calls", ":id", "jury"]
            case .inviteJuror: ["calls", ":id", "jury", "invite"]
            case .removeJuror: ["calls", ":id", "jury", "remove"]
            case .assignJury: ["calls", ":id", "jury", "assign"]
            case .confirmJury: ["calls", ":id", "jury", "confirm"]
            case .changeJuryPair: ["calls", ":id", "jury", "pair"]
            case .callReview: ["calls", ":id", "review"]
            case .declareConflict: ["calls", ":id", "review", "conflict"]
            case .jurorExpertise: ["calls", ":id", "review", "expertise"]
            case .callRanking: ["calls", ":id", "ranking"]
            case .callRankingCSV: ["calls", ":id", "ranking.csv"]
            case .decideCall: ["calls", ":id", "decisions"]
            case .publishCall: ["calls", ":id", "publish"]
            case .places: ["places"]
            case .resource: ["resources", ":id"]
            case .bookResource: ["resources", ":id", "book"]
            case .newResource: ["resources", "new"]
            case .editResource: ["resources", ":id", "edit"]
            case .bookings: ["bookings"]
            case .cancelBooking: ["bookings", ":id", "cancel"]
            case .noShowBooking: ["bookings", ":id", "no-show"]
            case .hubPlaces: ["hubs", ":slug", "places"]
            case .events: ["events"]
            case .event: ["events", ":id"]
            case .newEvent: ["events", "new"]
            case .editEvent: ["events", ":id", "edit"]
            case .cancelEvent: ["events", ":id", "cancel"]
            case .registerForEvent: ["events", ":id", "register"]
            case .cancelRegistration: ["events", ":id", "unregister"]
            case .checkIn: ["events", ":id", "check-in"]
            case .matchmaking: ["events", ":id", "matchmaking"]
            case .joinMatchmaking: ["events", ":id", "matchmaking", "join"]
            case .requestMeeting: ["events", ":id", "matchmaking", "request"]
            case .answerMeeting: ["meetings", ":id", "answer"]
            case .matchmakingSettings: ["events", ":id", "matchmaking", "settings"]
            case .scheduleMatchmaking: ["events", ":id", "matchmaking", "schedule"]
            case .agenda: ["events", ":id", "agenda"]
            case .calendar: ["calendar"]
            case .renewCalendar: ["calendar", "renew"]
            case .apiGuide: ["api"]
            case .imprint: ["imprint"]
            case .privacy: ["privacy"]
            }
        }
    }

    public var route: Route {
        switch self {
        case .home: .home
        case .hubs: .hubs
        case .hub: .hub
        case .directory: .directory
        case .organisations: .organisations
        case .organisation: .organisation
        case .newOrganisation: .newOrganisation
        case .editOrganisation: .editOrganisation
        case .claimOrganisation: .claimOrganisation
        case .approveOrganisation: .approveOrganisation
        case .organisationLogo: .organisationLogo
        case .removeOrganisationLogo: .removeOrganisationLogo
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
        case .revokeToken: .revokeToken
        case .accountExport: .accountExport
        case .accountDelete: .accountDelete
        case .claims: .claims
        case .decideClaim(_, let approve): approve ? .approveClaim : .rejectClaim
        case .audit: .audit
        case .staff: .staff
        case .appointRole: .appointRole
        case .removeRole: .removeRole
        case .findPartners: .findPartners
        case .organisationMatches: .organisationMatches
        case .organisationInvestors: .organisationInvestors
        case .opportunities: .opportunities
        case .opportunity: .opportunity
        case .newOpportunity: .newOpportunity
        case .deleteOpportunity: .deleteOpportunity
        case .routingStep: .routingStep
        case .routingQueue: .routingQueue
        case .routingServiceLevels: .routingServiceLevels
        case .notifications: .notifications
        case .scouting: .scouting
        case .newScouting: .newScouting
        case .scoutingRequest: .scoutingRequest
        case .answerScouting: .answerScouting
        case .replyScouting: .replyScouting
        case .markNotificationsRead: .markNotificationsRead
        case .calls: .calls
        case .newCall: .newCall
        case .call: .call
        case .editCall: .editCall
        case .applyToCall: .applyToCall
        case .application: .application
        case .withdrawApplication: .withdrawApplication
        case .reviewApplication: .reviewApplication
        case .applicationFile: .applicationFile
        case .callJury: .callJury
        case .inviteJuror: .inviteJuror
        case .removeJuror: .removeJuror
        case .assignJury: .assignJury
        case .confirmJury: .confirmJury
        case .changeJuryPair: .changeJuryPair
        case .callReview: .callReview
        case .declareConflict: .declareConflict
        case .jurorExpertise: .jurorExpertise
        case .callRanking: .callRanking
        case .callRankingCSV: .callRankingCSV
        case .decideCall: .decideCall
        case .publishCall: .publishCall
        case .places: .places
        case .resource: .resource
        case .bookResource: .bookResource
        case .newResource: .newResource
        case .editResource: .editResource
        case .bookings: .bookings
        case .cancelBooking: .cancelBooking
        case .noShowBooking: .noShowBooking
        case .hubPlaces: .hubPlaces
        case .events: .events
        case .event: .event
        case .newEvent: .newEvent
        case .editEvent: .editEvent
        case .cancelEvent: .cancelEvent
        case .registerForEvent: .registerForEvent
        case .cancelRegistration: .cancelRegistration
        case .checkIn: .checkIn
        case .matchmaking: .matchmaking
        case .joinMatchmaking: .joinMatchmaking
        case .requestMeeting: .requestMeeting
        case .answerMeeting: .answerMeeting
        case .matchmakingSettings: .matchmakingSettings
        case .scheduleMatchmaking: .scheduleMatchmaking
        case .agenda: .agenda
        case .calendar: .calendar
        case .renewCalendar: .renewCalendar
        case .apiGuide: .apiGuide
        case .imprint: .imprint
        case .privacy: .privacy
        }
    }

    /// The values of the pattern's parameters.
    private var parameters: [String: String] {
        switch self {
        case .hub(let slug), .hubPlaces(let slug, _): [":slug": slug]
        case .applicationFile(let id, let field): [":id": id.uuidString.lowercased(), ":field": field.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""]
        case .organisation(let id, _), .editOrganisation(let id, _), .claimOrganisation(let id), .approveOrganisation(let id),
             .organisationLogo(let id), .removeOrganisationLogo(let id),
             .revokeToken(let id), .decideClaim(let id, _), .organisationMatches(let id), .organisationInvestors(let id),
             .opportunity(let id), .deleteOpportunity(let id), .routingStep(let id), .scoutingRequest(let id), .answerScouting(let id),
             .replyScouting(let id), .call(let id), .editCall(let id), .applyToCall(let id), .application(let id),
             .withdrawApplication(let id), .reviewApplication(let id), .callJury(let id), .inviteJuror(let id), .removeJuror(let id),
             .assignJury(let id), .confirmJury(let id), .changeJuryPair(let id), .callReview(let id), .declareConflict(let id),
             .jurorExpertise(let id), .callRanking(let id, _), .callRankingCSV(let id, _), .decideCall(let id), .publishCall(let id),
             .resource(let id, _), .bookResource(let id), .editResource(let id), .cancelBooking(let id), .noShowBooking(let id),
             .event(let id), .editEvent(let id), .cancelEvent(let id), .registerForEvent(let id), .cancelRegistration(let id),
             .checkIn(let id), .matchmaking(let id), .joinMatchmaking(let id), .requestMeeting(let id), .answerMeeting(let id),
             .matchmakingSettings(let id), .scheduleMatchmaking(let id), .agenda(let id, _):
            [":id": id.uuidString.lowercased()]
        default: [:]
        }
    }

    /// The query string, with its "?"; empty when there is none.
    private var query: String {
        switch self {
        case .directory(let query): Self.queryString(query)
        case .audit(let filter): Self.queryString(filter)
        case .organisation(_, let notice): notice.map { "?notice=\($0.rawValue)" } ?? ""
        case .claims(let decided): decided.map { "?decided=\($0.uuidString.lowercased())" } ?? ""
        case .editOrganisation(_, let saved): saved ? "?saved=1" : ""
        case .callRanking(_, let round), .callRankingCSV(_, let round): round.map { "?round=\($0)" } ?? ""
        case .places(let hub, let kind):
            Self.encoded((hub.map { [URLQueryItem(name: "hub", value: $0)] } ?? []) + (kind.map { [URLQueryItem(name: "kind", value: $0.rawValue)] } ?? []))
        case .resource(_, let week), .hubPlaces(_, let week): Self.encoded(week.map { [URLQueryItem(name: "week", value: $0)] } ?? [])
        case .newResource(let hub), .events(let hub): Self.encoded(hub.map { [URLQueryItem(name: "hub", value: $0)] } ?? [])
        case .newEvent(let hub, let kind):
            Self.encoded((hub.map { [URLQueryItem(name: "hub", value: $0)] } ?? []) + (kind.map { [URLQueryItem(name: "kind", value: $0.rawValue)] } ?? []))
        case .agenda(_, let print): print ? "?print=1" : ""
        case .routingQueue(let filter): Self.encoded(filter.parameters.map { URLQueryItem(name: $0.name, value: $0.value) })
        case .findPartners(let text, let topic, let hub):
            Self.encoded((text.isEmpty ? [] : [URLQueryItem(name: "q", value: text)])
                + (topic.map { [URLQueryItem(name: "topic", value: $0)] } ?? [])
                + (hub.map { [URLQueryItem(name: "hub", value: $0), URLQueryItem(name: "only-hubs", value: "1")] } ?? []))
        default: ""
        }
    }

    public func path(_ language: SiteLanguage) -> String {
        let parameters = parameters
        let segments = [language.rawValue] + route.pattern.map { parameters[$0] ?? $0 }
        return "/" + segments.joined(separator: "/") + query
    }

    /// The API's documents and the language-neutral entry point.
    public static let openAPIDocument = "/api/v1/openapi.json"
    public static let apiRoot = "/api/v1"
    /// An organisation's logo. The version (a digest of the image) makes each logo's address
    /// unique, so browsers keep it for good and a new logo is a new address.
    public static func logo(of id: UUID, version: String) -> String {
        "/logos/\(id.uuidString.lowercased()).png?v=" + (version.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
    /// Development only: the mails the outbox holds, when no SMTP server is set.
    public static let mailbox = "/dev/mailbox"
}
