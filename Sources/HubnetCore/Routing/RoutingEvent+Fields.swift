import Foundation

extension RoutingEvent {
    /// The event a form or an API body names: `event` and the fields that event needs
    /// (message, reason, recipients, hubs, organisation, hub, outcome). Unknown names and
    /// missing or malformed fields are named, in both languages.
    public init(name: String, fields: [String: String], lists: [String: [String]] = [:]) throws(ValidationFailure) {
        func text(_ field: String) -> String { (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func problem(_ field: String, _ de: String, _ en: String) -> ValidationFailure {
            ValidationFailure([FieldProblem(field: field, message: .init(de: de, en: en))])
        }
        func organisation(_ field: String = "organisation") throws(ValidationFailure) -> UUID {
            guard let id = UUID(uuidString: text(field)) else {
                throw problem(field, "Bitte eine Organisation angeben (ihre Kennung).", "Please name an organisation (its id).")
            }
            return id
        }
        func hub() throws(ValidationFailure) -> String {
            let slug = text("hub")
            guard Network.hub(slug) != nil else { throw problem("hub", "Unbekannter Hub „\(slug)“.", "Unknown hub '\(slug)'.") }
            return slug
        }
        func organisations(_ field: String) throws(ValidationFailure) -> [UUID] {
            var ids: [UUID] = []
            for value in lists[field] ?? [] {
                guard let id = UUID(uuidString: value) else {
                    throw problem(field, "„\(value)“ ist keine Kennung einer Organisation.", "'\(value)' is not an organisation id.")
                }
                if !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
        let limit = 2_000
        for field in ["message", "reason"] where text(field).count > limit {
            throw problem(field, "Höchstens \(limit) Zeichen.", "At most \(limit) characters.")
        }
        switch name {
        case "accept": self = .accept
        case "ask-for-changes": self = .askForChanges(message: text("message"))
        case "reject": self = .reject(reason: text("reason"))
        case "resubmit": self = .resubmit
        case "route":
            let hubs = lists["hubs"] ?? []
            if let unknown = hubs.first(where: { Network.hub($0) == nil }) {
                throw problem("hubs", "Unbekannter Hub „\(unknown)“.", "Unknown hub '\(unknown)'.")
            }
            var distinct: [String] = []
            for hub in hubs where !distinct.contains(hub) { distinct.append(hub) }
            self = .route(recipients: try organisations("recipients"), hubs: distinct)
        case "forward": self = .forward(hub: try hub(), recipients: try organisations("recipients"))
        case "decline-referral": self = .declineReferral(hub: try hub(), reason: text("reason"))
        case "express-interest": self = .expressInterest(organisation: try organisation(), message: text("message"))
        case "decline": self = .decline(organisation: try organisation(), reason: text("reason"))
        case "introduce": self = .introduce(organisation: try organisation())
        case "record-outcome":
            guard let outcome = RoutingOutcome(rawValue: text("outcome")) else {
                throw problem("outcome", "Bitte ein Ergebnis wählen: \(RoutingOutcome.allCases.map(\.rawValue).joined(separator: ", ")).",
                              "Please choose an outcome: \(RoutingOutcome.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            self = .recordOutcome(organisation: try organisation(), outcome)
        case "close": self = .close
        case "withdraw": self = .withdraw
        default:
            throw problem("event", "Unbekannter Schritt „\(name)“.", "Unknown step '\(name)'.")
        }
    }

    /// What the step is called in a history, for people.
    public static func label(_ name: String) -> LocalizedText {
        switch name {
        case "submit": .init(de: "Eingereicht", en: "Submitted")
        case "accept": .init(de: "Geprüft und veröffentlicht", en: "Vetted and published")
        case "ask-for-changes": .init(de: "Änderungen erbeten", en: "Changes requested")
        case "reject": .init(de: "Abgelehnt", en: "Rejected")
        case "resubmit": .init(de: "Erneut eingereicht", en: "Resubmitted")
        case "route": .init(de: "Verteilt", en: "Routed")
        case "forward": .init(de: "Vom Hub weitergeleitet", en: "Forwarded by the hub")
        case "decline-referral": .init(de: "Verweis abgelehnt", en: "Referral declined")
        case "express-interest": .init(de: "Interesse bekundet", en: "Interest expressed")
        case "decline": .init(de: "Abgesagt", en: "Declined")
        case "introduce": .init(de: "Vorgestellt", en: "Introduced")
        case "record-outcome": .init(de: "Ergebnis festgehalten", en: "Outcome recorded")
        case "close": .init(de: "Abgeschlossen", en: "Closed")
        case "expire": .init(de: "Frist abgelaufen", en: "Deadline passed")
        case "withdraw": .init(de: "Zurückgezogen", en: "Withdrawn")
        default: .init(name)
        }
    }
}
