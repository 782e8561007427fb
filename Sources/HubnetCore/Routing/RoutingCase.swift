import Foundation

/// Where an opportunity stands in the agency's work ("Verteilzentrum"): vetted by its home
/// hub, published, routed to organisations and other hubs, answered, introduced, closed.
public enum RoutingState: String, CaseIterable, Codable, Sendable {
    /// Waiting for a manager of the poster's home hub.
    case submitted
    /// Sent back to the poster with a message; the poster edits and resubmits.
    case changesRequested = "changes-requested"
    /// Vetted and visible; waiting for the agency to route it.
    case published
    /// Sent to recipients or other hubs; answers come in.
    case routed
    /// At least one introduction made; outcomes are awaited.
    case introduced
    case closed
    case rejected
    case expired
    case withdrawn

    /// No step leads out of these.
    public var isFinal: Bool { [.closed, .rejected, .expired, .withdrawn].contains(self) }

    /// Out in the network (vetted, and not withdrawn): shown to whoever the post's visibility
    /// admits. Before that only its poster and its hub's staff see it.
    public var isPublished: Bool { [.published, .routed, .introduced, .closed, .expired].contains(self) }

    /// Answers are welcome.
    public var isOpen: Bool { [.published, .routed, .introduced].contains(self) }

    public var label: LocalizedText {
        switch self {
        case .submitted: .init(de: "Eingereicht", en: "Submitted")
        case .changesRequested: .init(de: "Änderungen erbeten", en: "Changes requested")
        case .published: .init(de: "Veröffentlicht", en: "Published")
        case .routed: .init(de: "Verteilt", en: "Routed")
        case .introduced: .init(de: "Vorgestellt", en: "Introduced")
        case .closed: .init(de: "Abgeschlossen", en: "Closed")
        case .rejected: .init(de: "Abgelehnt", en: "Rejected")
        case .expired: .init(de: "Abgelaufen", en: "Expired")
        case .withdrawn: .init(de: "Zurückgezogen", en: "Withdrawn")
        }
    }
}

/// Where one recipient organisation stands with a routed request.
public enum RecipientState: String, CaseIterable, Codable, Sendable {
    case invited
    case interested
    case declined
    case introduced
    /// The introduction's outcome is recorded.
    case concluded
}

/// Where a request referred to another hub stands with that hub's managers.
public enum ReferralState: String, CaseIterable, Codable, Sendable {
    case pending
    case forwarded
    case declined
}

/// What came of an introduction, as either side records it.
public enum RoutingOutcome: String, CaseIterable, Codable, Sendable {
    case meetingHeld = "meeting-held"
    case pilot
    case agreement
    case investment
    case nothing

    public var label: LocalizedText {
        switch self {
        case .meetingHeld: .init(de: "Treffen fand statt", en: "Meeting held")
        case .pilot: .init(de: "Pilotprojekt", en: "Pilot")
        case .agreement: .init(de: "Vereinbarung", en: "Agreement")
        case .investment: .init(de: "Investition", en: "Investment")
        case .nothing: .init(de: "Nichts daraus geworden", en: "Nothing came of it")
        }
    }
}

/// Everything that can happen to a request. Who may cause each one is the Policy's question;
/// whether it may happen now is the case's (`RoutingCase.applying`).
public enum RoutingEvent: Hashable, Sendable {
    case accept
    case askForChanges(message: String)
    case reject(reason: String)
    case resubmit
    /// The agency sends the request to organisations and refers it to other hubs; it may do
    /// so more than once (more recipients later).
    case route(recipients: [UUID], hubs: [String])
    /// A referred hub's manager passes it on to organisations of that hub.
    case forward(hub: String, recipients: [UUID])
    case declineReferral(hub: String, reason: String)
    case expressInterest(organisation: UUID, message: String)
    case decline(organisation: UUID, reason: String)
    case introduce(organisation: UUID)
    case recordOutcome(organisation: UUID, RoutingOutcome)
    case close
    /// The deadline passed (the background job).
    case expire
    case withdraw

    static let routeName = "route"

    /// A stable name for the history, the audit log and the API.
    public var name: String {
        switch self {
        case .accept: "accept"
        case .askForChanges: "ask-for-changes"
        case .reject: "reject"
        case .resubmit: "resubmit"
        case .route: Self.routeName
        case .forward: "forward"
        case .declineReferral: "decline-referral"
        case .expressInterest: "express-interest"
        case .decline: "decline"
        case .introduce: "introduce"
        case .recordOutcome: "record-outcome"
        case .close: "close"
        case .expire: "expire"
        case .withdraw: "withdraw"
        }
    }

    /// The words that go with the step, for the history.
    public var note: String {
        switch self {
        case .askForChanges(let text), .reject(let text), .declineReferral(_, let text), .expressInterest(_, let text),
             .decline(_, let text): text
        case .recordOutcome(_, let outcome): outcome.rawValue
        default: ""
        }
    }
}

/// One step of a request's history: who, when, from which state to which, and about whom.
public struct RoutingStep: Hashable, Sendable, Codable {
    public let event: String
    public let from: RoutingState
    public let to: RoutingState
    public let actor: UUID?
    public let at: Date
    public let note: String
    /// The organisation or hub the step concerns, when it concerns one.
    public let subject: String?

    /// `at` is kept to the whole second: what both databases store exactly, so a history
    /// reads back as it was written.
    public init(event: String, from: RoutingState, to: RoutingState, actor: UUID?, at: Date, note: String, subject: String?) {
        self.event = event
        self.from = from
        self.to = to
        self.actor = actor
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.note = note
        self.subject = subject
    }
}

/// A request as the agency works on it: its state, its recipients and referrals, its
/// history. A pure value: `applying` returns the next case or refuses the step, changing
/// nothing, with a reason in both languages.
public struct RoutingCase: Hashable, Sendable {
    public private(set) var state: RoutingState
    public let homeHub: String
    public private(set) var recipients: [UUID: RecipientState]
    public private(set) var outcomes: [UUID: RoutingOutcome]
    public private(set) var referrals: [String: ReferralState]
    public private(set) var history: [RoutingStep]

    public init(homeHub: String, state: RoutingState = .submitted, recipients: [UUID: RecipientState] = [:],
                outcomes: [UUID: RoutingOutcome] = [:], referrals: [String: ReferralState] = [:], history: [RoutingStep] = []) {
        self.homeHub = homeHub
        self.state = state
        self.recipients = recipients
        self.outcomes = outcomes
        self.referrals = referrals
        self.history = history
    }

    /// A request as its poster submits it: the first step of its history.
    public static func submitted(homeHub: String, by actor: UUID?, at time: Date) -> RoutingCase {
        RoutingCase(homeHub: homeHub, history: [RoutingStep(event: "submit", from: .submitted, to: .submitted, actor: actor, at: time,
                                                            note: "", subject: nil)])
    }

    /// The case after `event`, or the reason it cannot happen now.
    public func applying(_ event: RoutingEvent, by actor: UUID?, at time: Date) throws(DomainError) -> RoutingCase {
        var next = self
        var subject: String?
        func refuse(_ de: String, _ en: String) -> DomainError { .conflict(.init(de: de, en: en)) }
        func require(_ states: Set<RoutingState>) throws(DomainError) {
            guard states.contains(state) else {
                throw state.isFinal
                    ? refuse("Diese Anfrage ist bereits beendet (\(state.label.de)).", "This request has ended already (\(state.label.en)).")
                    : refuse("Das geht im Stand „\(state.label.de)“ nicht.", "That cannot be done while the request is '\(state.label.en)'.")
            }
        }
        func requireText(_ text: String, _ de: String, _ en: String) throws(DomainError) {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw refuse(de, en) }
        }
        func recipient(_ organisation: UUID, in states: Set<RecipientState>, _ de: String, _ en: String) throws(DomainError) {
            guard let current = recipients[organisation] else {
                throw refuse("Diese Organisation hat die Anfrage nicht erhalten.", "This organisation did not receive the request.")
            }
            guard states.contains(current) else { throw refuse(de, en) }
        }

        switch event {
        case .accept:
            try require([.submitted])
            next.state = .published
        case .askForChanges(let message):
            try require([.submitted])
            try requireText(message, "Bitte schreiben Sie, was geändert werden soll.", "Please say what should change.")
            next.state = .changesRequested
        case .reject(let reason):
            try require([.submitted, .changesRequested])
            try requireText(reason, "Bitte nennen Sie den Grund der Ablehnung.", "Please give the reason for the rejection.")
            next.state = .rejected
        case .resubmit:
            try require([.changesRequested])
            next.state = .submitted
        case .route(let organisations, let hubs):
            guard state != .submitted, state != .changesRequested else {
                throw refuse("Eine Anfrage wird erst verteilt, wenn ihr Hub sie geprüft hat.", "A request is routed only once its hub has vetted it.")
            }
            try require([.published, .routed, .introduced])
            guard !organisations.isEmpty || !hubs.isEmpty else {
                throw refuse("Bitte wählen Sie mindestens eine Organisation oder einen Hub.", "Please choose at least one organisation or hub.")
            }
            guard !hubs.contains(homeHub) else {
                throw refuse("Eine Anfrage wird nicht an den eigenen Hub verwiesen.", "A request is not referred to its own hub.")
            }
            for organisation in organisations where next.recipients[organisation] == nil { next.recipients[organisation] = .invited }
            let newHubs = hubs.filter { referrals[$0] == nil }
            for hub in newHubs { next.referrals[hub] = .pending }
            // The hubs referred to in this step: each referral's clock starts here.
            subject = newHubs.isEmpty ? nil : newHubs.joined(separator: ",")
            if state == .published { next.state = .routed }
        case .forward(let hub, let organisations):
            try require([.routed, .introduced])
            guard referrals[hub] == .pending else {
                throw refuse(referrals[hub] == nil ? "Die Anfrage wurde an diesen Hub nicht verwiesen." : "Dieser Hub hat bereits geantwortet.",
                             referrals[hub] == nil ? "The request was not referred to this hub." : "This hub has answered already.")
            }
            guard !organisations.isEmpty else {
                throw refuse("Bitte wählen Sie mindestens eine Organisation.", "Please choose at least one organisation.")
            }
            next.referrals[hub] = .forwarded
            for organisation in organisations where next.recipients[organisation] == nil { next.recipients[organisation] = .invited }
            subject = hub
        case .declineReferral(let hub, let reason):
            try require([.routed, .introduced])
            guard referrals[hub] == .pending else {
                throw refuse("Dieser Hub hat keinen offenen Verweis.", "This hub has no open referral.")
            }
            try requireText(reason, "Bitte nennen Sie den Grund.", "Please give the reason.")
            next.referrals[hub] = .declined
            subject = hub
        case .expressInterest(let organisation, _):
            try require([.routed, .introduced])
            try recipient(organisation, in: [.invited], "Diese Organisation hat bereits geantwortet.", "This organisation has answered already.")
            next.recipients[organisation] = .interested
            subject = organisation.lowercased
        case .decline(let organisation, _):
            try require([.routed, .introduced])
            try recipient(organisation, in: [.invited, .interested], "Diese Organisation kann nicht mehr absagen.", "This organisation can no longer decline.")
            next.recipients[organisation] = .declined
            subject = organisation.lowercased
        case .introduce(let organisation):
            try require([.routed, .introduced])
            try recipient(organisation, in: [.interested],
                          recipients[organisation] == .introduced ? "Diese Organisation ist bereits vorgestellt." : "Vorgestellt wird nur, wer Interesse bekundet hat.",
                          recipients[organisation] == .introduced ? "This organisation has been introduced already." : "Only an organisation that expressed interest is introduced.")
            next.recipients[organisation] = .introduced
            next.state = .introduced
            subject = organisation.lowercased
        case .recordOutcome(let organisation, let outcome):
            try require([.introduced])
            try recipient(organisation, in: [.introduced], "Ein Ergebnis gibt es nur zu einer Vorstellung.", "An outcome is recorded only for an introduction.")
            next.recipients[organisation] = .concluded
            next.outcomes[organisation] = outcome
            subject = organisation.lowercased
            // Once every introduction has its outcome and nobody is still to answer, the case is done.
            if next.recipients.values.allSatisfy({ [.concluded, .declined].contains($0) }), !next.referrals.values.contains(.pending) {
                next.state = .closed
            }
        case .close:
            try require([.published, .routed, .introduced])
            next.state = .closed
        case .expire:
            // Introductions made before the deadline go on to their outcome.
            try require([.submitted, .changesRequested, .published, .routed])
            next.state = .expired
        case .withdraw:
            try require(Set(RoutingState.allCases.filter { !$0.isFinal }))
            next.state = .withdrawn
        }
        next.history.append(RoutingStep(event: event.name, from: state, to: next.state, actor: actor, at: time, note: event.note, subject: subject))
        return next
    }
}
