import Foundation
import HubnetCore

/// The view models of the places, events and matchmaking pages: plain values, no database.
public enum PlacePages {
    public struct ListModel: Sendable {
        public let resources: [Resource]
        public let hub: String?
        public let kind: ResourceKind?
        /// Hubs whose resources the reader may set up.
        public let managedHubs: [String]

        public init(resources: [Resource], hub: String?, kind: ResourceKind?, managedHubs: [String]) {
            self.resources = resources
            self.hub = hub
            self.kind = kind
            self.managedHubs = managedHubs
        }
    }

    public struct ResourceModel: Sendable {
        public let resource: Resource
        public let week: WeekAvailability
        /// The reader's organisations that may book it (name, id); empty for visitors.
        public let organisations: [(id: UUID, name: String)]
        /// The reader's organisations the rule turns away, with the rule's words.
        public let refused: [String]
        public let signedIn: Bool
        public let manages: Bool
        public let csrf: String
        public let problems: [FieldProblem]
        public let booked: Booking?

        public init(resource: Resource, week: WeekAvailability, organisations: [(id: UUID, name: String)], refused: [String], signedIn: Bool,
                    manages: Bool, csrf: String, problems: [FieldProblem] = [], booked: Booking? = nil) {
            self.resource = resource
            self.week = week
            self.organisations = organisations
            self.refused = refused
            self.signedIn = signedIn
            self.manages = manages
            self.csrf = csrf
            self.problems = problems
            self.booked = booked
        }
    }

    public struct ResourceFormModel: Sendable {
        public let existing: UUID?
        public let values: [String: String]
        public let hubs: [String]
        public let problems: [FieldProblem]
        public let csrf: String

        public init(existing: UUID?, values: [String: String], hubs: [String], problems: [FieldProblem], csrf: String) {
            self.existing = existing
            self.values = values
            self.hubs = hubs
            self.problems = problems
            self.csrf = csrf
        }
    }

    public struct BookingRow: Sendable {
        public let booking: Booking
        public let resource: Resource
        public let organisation: String

        public init(booking: Booking, resource: Resource, organisation: String) {
            self.booking = booking
            self.resource = resource
            self.organisation = organisation
        }
    }

    public struct BookingsModel: Sendable {
        public let rows: [BookingRow]
        public let now: Date
        public let csrf: String

        public init(rows: [BookingRow], now: Date, csrf: String) {
            self.rows = rows
            self.now = now
            self.csrf = csrf
        }
    }

    public struct HubModel: Sendable {
        public let hub: Hub
        public let monday: Date
        public let utilisation: [(Resource, Utilisation)]
        public let bookings: [BookingRow]
        /// Start-up Card: the hub's organisations working in other hubs.
        public let travels: [BookingRow]
        public let now: Date
        public let csrf: String

        public init(hub: Hub, monday: Date, utilisation: [(Resource, Utilisation)], bookings: [BookingRow], travels: [BookingRow], now: Date, csrf: String) {
            self.hub = hub
            self.monday = monday
            self.utilisation = utilisation
            self.bookings = bookings
            self.travels = travels
            self.now = now
            self.csrf = csrf
        }
    }

    public struct EventListModel: Sendable {
        public let events: [(Event, Int)]
        public let hub: String?
        public let managedHubs: [String]
        public let signedIn: Bool

        public init(events: [(Event, Int)], hub: String?, managedHubs: [String], signedIn: Bool) {
            self.events = events
            self.hub = hub
            self.managedHubs = managedHubs
            self.signedIn = signedIn
        }
    }

    public struct EventModel: Sendable {
        public let event: Event
        public let seatsTaken: Int
        public let registration: Registration?
        public let waitlistPosition: Int?
        public let organisations: [(id: UUID, name: String)]
        public let signedIn: Bool
        public let manages: Bool
        public let now: Date
        public let csrf: String
        public let problems: [FieldProblem]

        public init(event: Event, seatsTaken: Int, registration: Registration?, waitlistPosition: Int?, organisations: [(id: UUID, name: String)],
                    signedIn: Bool, manages: Bool, now: Date, csrf: String, problems: [FieldProblem] = []) {
            self.event = event
            self.seatsTaken = seatsTaken
            self.registration = registration
            self.waitlistPosition = waitlistPosition
            self.organisations = organisations
            self.signedIn = signedIn
            self.manages = manages
            self.now = now
            self.csrf = csrf
            self.problems = problems
        }
    }

    public struct EventFormModel: Sendable {
        public let existing: UUID?
        public let values: [String: String]
        public let hubs: [String]
        public let problems: [FieldProblem]
        public let csrf: String

        public init(existing: UUID?, values: [String: String], hubs: [String], problems: [FieldProblem], csrf: String) {
            self.existing = existing
            self.values = values
            self.hubs = hubs
            self.problems = problems
            self.csrf = csrf
        }
    }

    public struct Attendee: Sendable {
        public let registration: Registration
        public let name: String
        public let organisation: String?

        public init(registration: Registration, name: String, organisation: String?) {
            self.registration = registration
            self.name = name
            self.organisation = organisation
        }
    }

    public struct CheckInModel: Sendable {
        public let event: Event
        public let attendees: [Attendee]
        public let csrf: String

        public init(event: Event, attendees: [Attendee], csrf: String) {
            self.event = event
            self.attendees = attendees
            self.csrf = csrf
        }
    }

    public struct Person: Sendable {
        public let participant: MeetingParticipant
        public let name: String
        public let organisation: String
        /// Why the engine suggests meeting them, in the reader's words; nil when not suggested.
        public let suggestion: String?

        public init(participant: MeetingParticipant, name: String, organisation: String, suggestion: String?) {
            self.participant = participant
            self.name = name
            self.organisation = organisation
            self.suggestion = suggestion
        }
    }

    public struct MatchmakingModel: Sendable {
        public let event: Event
        public let settings: MatchmakingSettings
        public let own: MeetingParticipant?
        public let people: [Person]
        public let requests: [MeetingRequest]
        public let organisations: [(id: UUID, name: String)]
        /// Before one takes part: what the first organisation's profile offers and seeks.
        public let profile: (offer: String, seek: String)
        public let manages: Bool
        public let signedIn: Bool
        public let outcome: (placed: Int, unplaced: Int, bound: Int)?
        public let csrf: String
        public let problems: [FieldProblem]

        public init(event: Event, settings: MatchmakingSettings, own: MeetingParticipant?, people: [Person], requests: [MeetingRequest],
                    organisations: [(id: UUID, name: String)], profile: (offer: String, seek: String) = ("", ""), manages: Bool, signedIn: Bool,
                    outcome: (placed: Int, unplaced: Int, bound: Int)?, csrf: String, problems: [FieldProblem] = []) {
            self.event = event
            self.settings = settings
            self.own = own
            self.people = people
            self.requests = requests
            self.organisations = organisations
            self.profile = profile
            self.manages = manages
            self.signedIn = signedIn
            self.outcome = outcome
            self.csrf = csrf
            self.problems = problems
        }

        public func person(_ id: UUID) -> Person? { people.first { $0.participant.id == id } }
    }

    public struct AgendaItem: Sendable {
        public let start: Date
        public let end: Date
        public let table: Int
        public let with: String
        public let organisation: String

        public init(start: Date, end: Date, table: Int, with: String, organisation: String) {
            self.start = start
            self.end = end
            self.table = table
            self.with = with
            self.organisation = organisation
        }
    }

    public struct AgendaModel: Sendable {
        public let event: Event
        public let name: String
        public let items: [AgendaItem]
        public let printable: Bool
        public let feed: String?

        public init(event: Event, name: String, items: [AgendaItem], printable: Bool, feed: String?) {
            self.event = event
            self.name = name
            self.items = items
            self.printable = printable
            self.feed = feed
        }
    }

    public struct CalendarModel: Sendable {
        public let personal: String
        public let hubs: [(Hub, String)]
        public let csrf: String

        public init(personal: String, hubs: [(Hub, String)], csrf: String) {
            self.personal = personal
            self.hubs = hubs
            self.csrf = csrf
        }
    }
}
