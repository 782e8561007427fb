import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Tells the people a routing step concerns: a notification in Hubnet and a mail in their
/// language, both written in the step's transaction. Each mail's outbox key names the request,
/// the step's number and the member, so a step never mails anyone twice.
struct RoutingNotices {
    let context: ActionContext
    let database: any Database
    let opportunity: Opportunity
    let poster: Organisation

    /// Who hears of `step` (the last of `after`), and what.
    func tell(_ event: RoutingEvent, after: RoutingCase) async throws {
        let number = after.history.count - 1
        let title = opportunity.title
        let anonymous = opportunity.visibility == .anonymous
        let posterName = LocalizedText(de: anonymous ? "eine Organisation" : poster.name, en: anonymous ? "an organisation" : poster.name)
        let staff = { () async throws -> [MemberRecord] in try await MemberStore(database).staff(of: after.homeHub) }
        let posterSide = { () async throws -> [MemberRecord] in try await members(of: poster.id) }
        func name(_ organisation: UUID) async throws -> String {
            try await OrganisationStore(database).find(organisation)?.name ?? organisation.lowercased
        }
        func note(_ text: String) -> String { text.isEmpty ? "" : " „\(text)“" }

        switch event {
        case .accept:
            try await send(to: posterSide(), number, .init(de: "Ihre Anfrage „\(title)“ ist geprüft und veröffentlicht.",
                                                           en: "Your request '\(title)' has been vetted and published."))
        case .askForChanges(let message):
            try await send(to: posterSide(), number, .init(de: "Das Hub-Team bittet um Änderungen an „\(title)“:\(note(message))",
                                                           en: "The hub team asks for changes to '\(title)':\(note(message))"))
        case .reject(let reason):
            try await send(to: posterSide(), number, .init(de: "„\(title)“ wurde abgelehnt. Grund:\(note(reason))",
                                                           en: "'\(title)' was rejected. Reason:\(note(reason))"))
        case .resubmit:
            try await send(to: staff(), number, .init(de: "„\(title)“ von \(poster.name) wurde überarbeitet und wartet auf Ihre Prüfung.",
                                                      en: "'\(title)' from \(poster.name) was revised and waits for your vetting."))
        case .route(let recipients, let hubs):
            try await invite(recipients.filter { after.recipients[$0] != nil }, number, title: title, posterName: posterName)
            for hub in hubs {
                let hubName = Network.hub(hub)?.name ?? .init(hub)
                try await send(to: MemberStore(database).staff(of: hub), number, .init(
                    de: "„\(title)“ wurde an den Hub \(hubName.de) verwiesen. Bitte leiten Sie die Anfrage an passende Mitglieder weiter oder lehnen Sie mit Grund ab.",
                    en: "'\(title)' was referred to the \(hubName.en) hub. Please forward it to fitting members or decline with a reason."))
            }
        case .forward(_, let recipients):
            try await invite(recipients, number, title: title, posterName: posterName)
        case .declineReferral(let hub, let reason):
            let hubName = Network.hub(hub)?.name ?? .init(hub)
            try await send(to: staff(), number, .init(de: "Der Hub \(hubName.de) hat den Verweis auf „\(title)“ abgelehnt:\(note(reason))",
                                                      en: "The \(hubName.en) hub declined the referral of '\(title)':\(note(reason))"))
        case .expressInterest(let organisation, let message):
            let who = try await name(organisation)
            try await send(to: staff(), number, .init(de: "\(who) hat Interesse an „\(title)“:\(note(message)) Sie können beide Seiten einander vorstellen.",
                                                      en: "\(who) is interested in '\(title)':\(note(message)) You can introduce both sides."))
        case .decline(let organisation, let reason):
            let who = try await name(organisation)
            try await send(to: staff(), number, .init(de: "\(who) hat „\(title)“ abgesagt.\(note(reason))", en: "\(who) declined '\(title)'.\(note(reason))"))
        case .introduce(let organisation):
            let who = try await name(organisation)
            let theirs = try await members(of: organisation)
            let ours = try await posterSide()
            let contacts = { (people: [MemberRecord]) in OrganisationPeople.contacts(people).joined(separator: ", ") }
            try await send(to: ours, number, .init(de: "Zu „\(title)“ stellen wir Ihnen \(who) vor. Kontakt: \(contacts(theirs))",
                                                   en: "For '\(title)' we introduce you to \(who). Contact: \(contacts(theirs))"))
            try await send(to: theirs, number, .init(de: "Zu „\(title)“ stellen wir Ihnen \(poster.name) vor. Kontakt: \(contacts(ours))",
                                                     en: "For '\(title)' we introduce you to \(poster.name). Contact: \(contacts(ours))"))
        case .recordOutcome(let organisation, let outcome):
            let who = try await name(organisation)
            try await send(to: staff(), number, .init(de: "Ergebnis zu „\(title)“ mit \(who): \(outcome.label.de).",
                                                      en: "Outcome of '\(title)' with \(who): \(outcome.label.en)."))
        case .expire:
            try await send(to: posterSide(), number, .init(de: "Die Frist von „\(title)“ ist abgelaufen; die Anfrage ist beendet.",
                                                           en: "The deadline of '\(title)' has passed; the request has ended."))
        case .withdraw:
            try await send(to: staff(), number, .init(de: "„\(title)“ wurde zurückgezogen.", en: "'\(title)' was withdrawn."))
        case .close:
            break
        }
    }

    /// A new request for the home hub's staff to vet.
    func submitted(homeHub: String) async throws {
        try await send(to: MemberStore(database).staff(of: homeHub), 0, .init(
            de: "„\(opportunity.title)“ von \(poster.name) wartet auf Ihre Prüfung.",
            en: "'\(opportunity.title)' from \(poster.name) waits for your vetting."))
    }

    /// Reminds the staff of the hub that owes an overdue step, unless they were reminded of
    /// this breach already. Returns how many were reminded now.
    func remind(_ breach: ServiceBreach, key: String) async throws -> Int {
        let hubName = Network.hub(breach.hub)?.name ?? .init(breach.hub)
        let step: LocalizedText = switch breach.step {
        case .vetting: .init(de: "geprüft", en: "vetted")
        case .routing: .init(de: "verteilt", en: "routed")
        case .referral: .init(de: "vom Hub \(hubName.de) beantwortet", en: "answered by the \(hubName.en) hub")
        }
        let text = LocalizedText(de: "Überfällig: „\(opportunity.title)“ sollte bis \(NetworkCalendar.day(of: NetworkCalendar.previousDay(before: breach.due))) \(step.de) sein.",
                                 en: "Overdue: '\(opportunity.title)' should have been \(step.en) by \(NetworkCalendar.day(of: NetworkCalendar.previousDay(before: breach.due))).")
        return try await notice(text, subject: .init(de: "Überfällig: \(opportunity.title)", en: "Overdue: \(opportunity.title)"))
            .send(to: MemberStore(database).staff(of: breach.hub), key: key, onlyOnce: true)
    }

    private func invite(_ organisations: [UUID], _ number: Int, title: String, posterName: LocalizedText) async throws {
        for organisation in organisations {
            try await send(to: members(of: organisation), number, .init(
                de: "Das Verteilzentrum schickt Ihnen die Anfrage „\(title)“ von \(posterName.de). Haben Sie Interesse? Antworten Sie auf der Seite der Anfrage.",
                en: "The routing desk sends you the request '\(title)' from \(posterName.en). Are you interested? Answer on the request's page."),
                           subject: organisation)
        }
    }

    private func members(of organisation: UUID) async throws -> [MemberRecord] {
        try await OrganisationPeople(database: database).members(of: organisation)
    }

    /// One notification and one mail per person; the actor is not told of their own step.
    private func send(to people: [MemberRecord], _ number: Int, _ text: LocalizedText, subject organisation: UUID? = nil) async throws {
        try await notice(text, subject: .init(de: "Verteilzentrum: \(opportunity.title)", en: "Routing desk: \(opportunity.title)"))
            .send(to: people, key: "routing:\(opportunity.id.lowercased):\(number):\(organisation?.lowercased ?? "-")")
    }

    private func notice(_ text: LocalizedText, subject: LocalizedText) -> Notice {
        Notice(context: context, database: database, text: text, path: "opportunities/\(opportunity.id.lowercased)", subject: subject,
               opportunity: opportunity.id)
    }
}
