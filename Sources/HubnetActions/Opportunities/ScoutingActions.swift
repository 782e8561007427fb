import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence

/// Scouting requests: the agency asks several hubs at once on behalf of an outside company;
/// each hub answers with a shortlist of its organisations and a note; the agency merges them
/// into one reply and mails it. Every write with its audit entry, notifications and mails in
/// one transaction.
public struct ScoutingActions: Sendable {
    let context: ActionContext

    public init(_ context: ActionContext) {
        self.context = context
    }

    static let thing = LocalizedText(de: "Eine Scouting-Anfrage", en: "scouting request")

    public func create(_ proposed: ScoutingRequest) async throws -> ScoutingRequest {
        let actor = try context.authorize(.runScouting)
        var request = try proposed.validated(today: context.now)
        request.created = context.now
        let created = request
        try await context.write { database in
            try await ScoutingStore(database).create(created, by: actor.memberID)
            try await context.audit("scouting.create", "scouting", created.id.lowercased, hub: nil,
                                    after: AuditJSON.encode(["title": created.title, "client": created.clientName, "hubs": created.hubs.joined(separator: ",")]),
                                    on: database)
            for hub in created.hubs {
                let name = Network.hub(hub)?.name ?? .init(hub)
                try await tell(MemberStore(database).staff(of: hub), about: created, step: "asked-\(hub)", on: database, .init(
                    de: "Scouting-Anfrage von \(created.clientName) an den Hub \(name.de): „\(created.title)“. Bitte nennen Sie bis \(NetworkCalendar.day(of: created.deadline)) passende Organisationen Ihres Hubs.",
                    en: "Scouting request from \(created.clientName) to the \(name.en) hub: '\(created.title)'. Please name fitting organisations of your hub by \(NetworkCalendar.day(of: created.deadline))."))
            }
        }
        return created
    }

    /// The requests the reader works on: all for the agency, those asking their hubs for a manager.
    public func list() async throws -> [ScoutingStore.Entry] {
        let actor = try context.authorize(.reviewClaims, reading: true)
        return try await ScoutingStore(context.database).list(hubs: actor.managedHubs)
    }

    public func find(_ id: UUID) async throws -> ScoutingStore.Entry {
        let actor = try context.authorize(.reviewClaims, reading: true)
        guard let entry = try await ScoutingStore(context.database).find(id),
              actor.isNetworkAdmin || entry.request.hubs.contains(where: actor.manages(hub:)) else {
            throw DomainError.notFound(Self.thing, id: id.lowercased)
        }
        return entry
    }

    /// The organisations the hubs named, by id, to show their answers.
    public func namedOrganisations(_ entry: ScoutingStore.Entry) async throws -> [UUID: Organisation] {
        Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.database)
            .find(Array(Set(entry.shortlists.flatMap(\.organisations)))).map { ($0.id, $0) })
    }

    /// A hub's shortlist, best first, and a note for the agency. The page suggests the hub's own
    /// organisations; a hub may also name one it knows elsewhere, which is why the merged reply
    /// takes each organisation once, with every hub that named it.
    public func answer(_ id: UUID, hub: String, organisations: [UUID], note: String) async throws {
        _ = try context.memberID()
        try context.authorize(.manageHub(hub: hub))
        let entry = try await find(id)
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        func problem(_ field: String, _ de: String, _ en: String) -> ValidationFailure {
            ValidationFailure([FieldProblem(field: field, message: .init(de: de, en: en))])
        }
        guard entry.request.repliedAt == nil else {
            throw DomainError.conflict(.init(de: "Die Antwort an den Kunden ist schon verschickt.", en: "The reply to the client has been sent already."))
        }
        guard entry.request.hubs.contains(hub) else {
            throw DomainError.conflict(.init(de: "Dieser Hub wurde nicht gefragt.", en: "This hub was not asked."))
        }
        guard !organisations.isEmpty || !trimmed.isEmpty else {
            throw problem("organisations", "Bitte Organisationen wählen oder in der Notiz sagen, warum keine passt.",
                          "Please choose organisations, or say in the note why none fits.")
        }
        guard trimmed.count <= 2_000 else { throw problem("note", "Höchstens 2.000 Zeichen.", "At most 2,000 characters.") }
        let found = try await OrganisationStore(context.database).find(organisations)
        if found.count < Set(organisations).count {
            throw problem("organisations", "Mindestens eine gewählte Organisation gibt es nicht.", "At least one chosen organisation does not exist.")
        }
        let shortlist = ScoutingShortlist(hub: hub, organisations: organisations.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, note: trimmed)
        try await context.write { database in
            guard try await ScoutingStore(database).answer(shortlist, of: id, by: context.actor.memberID, at: context.now) else {
                throw DomainError.conflict(.init(de: "Dieser Hub hat bereits geantwortet.", en: "This hub has answered already."))
            }
            try await context.audit("scouting.answer", "scouting", id.lowercased, hub: hub,
                                    after: AuditJSON.encode(["organisations": shortlist.organisations.map(\.lowercased).joined(separator: ","), "note": trimmed]),
                                    on: database)
            let name = Network.hub(hub)?.name ?? .init(hub)
            try await tell(MemberStore(database).networkAdmins(), about: entry.request, step: "answered-\(hub)", on: database, .init(
                de: "Der Hub \(name.de) hat auf „\(entry.request.title)“ geantwortet (\(shortlist.organisations.count) Organisationen).",
                en: "The \(name.en) hub answered '\(entry.request.title)' (\(shortlist.organisations.count) organisations)."))
        }
    }

    /// The merged reply as it will be sent: every shortlisted organisation once, ranked.
    public func mergedReply(_ entry: ScoutingStore.Entry) async throws -> [(organisation: Organisation, entry: ScoutingReply.Entry)] {
        let organisations = try await namedOrganisations(entry)
        return ScoutingReply.merge(entry.shortlists).compactMap { item in organisations[item.organisation].map { ($0, item) } }
    }

    /// Sends the one reply to the client, in the client's language; hubs that did not answer
    /// are named as such.
    public func reply(_ id: UUID) async throws {
        try context.authorize(.runScouting)
        let entry = try await find(id)
        guard entry.request.repliedAt == nil else {
            throw DomainError.conflict(.init(de: "Die Antwort ist schon verschickt.", en: "The reply has been sent already."))
        }
        guard !entry.shortlists.isEmpty else {
            throw DomainError.conflict(.init(de: "Noch hat kein Hub geantwortet.", en: "No hub has answered yet."))
        }
        let merged = try await mergedReply(entry)
        let language = entry.request.clientLanguage
        let body = Self.replyText(entry, merged, language: language, link: { context.link("organisations/\($0.lowercased)", language) })
        try await context.write { database in
            try await ScoutingStore(database).markReplied(id, at: context.now)
            try await Outbox(database).enqueue(key: "scouting:\(id.lowercased):reply", to: entry.request.clientEmail,
                                               subject: (language == .de ? "Antwort auf Ihre Scouting-Anfrage: " : "Reply to your scouting request: ") + entry.request.title,
                                               body: body)
            try await context.audit("scouting.reply", "scouting", id.lowercased, hub: nil,
                                    after: AuditJSON.encode(["organisations": String(merged.count), "hubs": entry.shortlists.map(\.hub).joined(separator: ",")]),
                                    on: database)
        }
    }

    static func replyText(_ entry: ScoutingStore.Entry, _ merged: [(organisation: Organisation, entry: ScoutingReply.Entry)],
                          language: SiteLanguage, link: (UUID) -> String) -> String {
        let de = language == .de
        let hubName = { (slug: String) in Network.hub(slug)?.name[language] ?? slug }
        var lines = [de ? "Guten Tag \(entry.request.clientName)," : "Dear \(entry.request.clientName),", "",
                     de ? "auf Ihre Anfrage „\(entry.request.title)“ haben die Digital Hubs \(entry.shortlists.map { hubName($0.hub) }.joined(separator: ", ")) geantwortet. Diese Organisationen empfehlen wir Ihnen:"
                        : "the Digital Hubs \(entry.shortlists.map { hubName($0.hub) }.joined(separator: ", ")) answered your request '\(entry.request.title)'. We recommend these organisations:", ""]
        for (index, item) in merged.enumerated() {
            let o = item.organisation
            lines.append("\(index + 1). \(o.name) — \(o.kind.label[language]), \(o.city) (\(hubName(o.hubSlug)))")
            lines.append("   " + (de ? "Genannt von: " : "Named by: ") + item.entry.hubs.map(hubName).joined(separator: ", "))
            if let website = o.website { lines.append("   \(website)") }
            lines.append("   \(link(o.id))")
        }
        let notes = entry.shortlists.filter { !$0.note.isEmpty }
        if !notes.isEmpty {
            lines += ["", de ? "Aus den Hubs:" : "From the hubs:"]
            for shortlist in notes { lines.append("- \(hubName(shortlist.hub)): \(shortlist.note)") }
        }
        if !entry.pending.isEmpty {
            lines += ["", (de ? "Ohne Antwort bis heute: " : "No answer so far: ") + entry.pending.map(hubName).joined(separator: ", ")]
        }
        lines += ["", de ? "Mit freundlichen Grüßen\nIhre Hub-Agentur" : "Kind regards\nThe hub agency"]
        return lines.joined(separator: "\n")
    }

    /// The clock: hubs that have not answered are reminded once when the deadline is two days
    /// away or less.
    public func remindDue() async throws -> Int {
        var reminded = 0
        for entry in try await ScoutingStore(context.database).list(hubs: nil, limit: 1_000)
            where entry.request.repliedAt == nil && entry.request.deadline.timeIntervalSince(context.now) < 2 * 86_400 {
            for hub in entry.pending {
                reminded += try await context.write { database in
                    try await tell(MemberStore(database).staff(of: hub), about: entry.request, step: "remind-\(hub)", on: database, .init(
                        de: "Erinnerung: Die Scouting-Anfrage „\(entry.request.title)“ wartet bis \(NetworkCalendar.day(of: entry.request.deadline)) auf die Antwort Ihres Hubs.",
                        en: "Reminder: the scouting request '\(entry.request.title)' waits for your hub's answer by \(NetworkCalendar.day(of: entry.request.deadline))."))
                }
            }
        }
        return reminded
    }

    /// A notification and a mail to each person, once per request and step (the outbox key).
    @discardableResult
    private func tell(_ people: [MemberRecord], about request: ScoutingRequest, step: String, on database: any Database,
                      _ text: LocalizedText) async throws -> Int {
        try await Notice(context: context, database: database, text: text, path: "scouting/\(request.id.lowercased)",
                         subject: .init("Scouting: " + request.title), opportunity: nil)
            .send(to: people, key: "scouting:\(request.id.lowercased):\(step)", onlyOnce: true)
    }
}
