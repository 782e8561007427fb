import Foundation

/// A scouting request: an outside company looks for innovation in a field, and the agency asks
/// several hubs at once for their fitting organisations.
public struct ScoutingRequest: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var title: String
    public var text: String
    public var topicSlugs: [String]
    public var clientName: String
    public var clientEmail: String
    public var clientLanguage: SiteLanguage
    /// The last day hubs answer; the agency replies after it (or earlier, once all answered).
    public var deadline: Date
    public var hubs: [String]
    public var created: Date
    public var repliedAt: Date?

    public init(id: UUID = UUID(), title: String, text: String, topicSlugs: [String], clientName: String, clientEmail: String,
                clientLanguage: SiteLanguage, deadline: Date, hubs: [String], created: Date = Date(), repliedAt: Date? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.topicSlugs = topicSlugs
        self.clientName = clientName
        self.clientEmail = clientEmail
        self.clientLanguage = clientLanguage
        self.deadline = deadline
        self.hubs = hubs
        self.created = created
        self.repliedAt = repliedAt
    }

    /// Every rule at once, in both languages; `today` rules out deadlines in the past.
    public func validated(today: Date) throws(ValidationFailure) -> ScoutingRequest {
        var request = self
        request.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        request.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        request.clientName = clientName.trimmingCharacters(in: .whitespacesAndNewlines)
        request.clientEmail = clientEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ de: String, _ en: String) { problems.append(FieldProblem(field: field, message: .init(de: de, en: en))) }
        if !Opportunity.titleLength.contains(request.title.count) || !TextRules.isClean(request.title) {
            problem("title", "Der Titel braucht 3 bis 160 Zeichen.", "The title needs 3 to 160 characters.")
        }
        if !Opportunity.textLength.contains(request.text.count) {
            problem("text", "Die Beschreibung braucht 10 bis 5.000 Zeichen.", "The description needs 10 to 5,000 characters.")
        }
        if !(2...160).contains(request.clientName.count) || !TextRules.isClean(request.clientName) {
            problem("clientName", "Bitte den Namen des Unternehmens angeben.", "Please give the company's name.")
        }
        if !SignUp.isPlausible(email: request.clientEmail) || !TextRules.isClean(request.clientEmail) {
            problem("clientEmail", "Bitte eine gültige E-Mail-Adresse angeben.", "Please give a valid e-mail address.")
        }
        if let unknown = topicSlugs.first(where: { Taxonomy.topic($0) == nil }) {
            problem("topics", "Unbekanntes Thema „\(unknown)“.", "Unknown topic '\(unknown)'.")
        }
        let distinctHubs = hubs.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if distinctHubs.isEmpty || distinctHubs.contains(where: { Network.hub($0) == nil }) {
            problem("hubs", "Bitte mindestens einen Hub wählen.", "Please choose at least one hub.")
        }
        request.hubs = distinctHubs
        if deadline < Calendar(identifier: .gregorian).startOfDay(for: today) {
            problem("deadline", "Die Frist darf nicht in der Vergangenheit liegen.", "The deadline must not lie in the past.")
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return request
    }
}

/// One hub's answer: its organisations in the order it ranks them, and a note.
public struct ScoutingShortlist: Hashable, Sendable {
    public let hub: String
    public let organisations: [UUID]
    public let note: String

    public init(hub: String, organisations: [UUID], note: String) {
        self.hub = hub
        self.organisations = organisations
        self.note = note
    }
}

/// The one reply the agency sends: every hub's shortlist merged.
public enum ScoutingReply {
    public struct Entry: Hashable, Sendable {
        public let organisation: UUID
        /// The hubs that named it, in the order of the request's hubs.
        public let hubs: [String]
        /// Its best place in any shortlist, 1 first.
        public let bestPlace: Int
        public let score: Double
    }

    /// Each organisation once. Named by more hubs first; among those, the better its best
    /// place in a shortlist, then the engine's score, then its id (a stable order).
    public static func merge(_ shortlists: [ScoutingShortlist], scores: [UUID: Double] = [:]) -> [Entry] {
        var hubs: [UUID: [String]] = [:], best: [UUID: Int] = [:]
        for shortlist in shortlists {
            for (index, organisation) in shortlist.organisations.enumerated() {
                if hubs[organisation]?.contains(shortlist.hub) != true { hubs[organisation, default: []].append(shortlist.hub) }
                best[organisation] = min(best[organisation] ?? .max, index + 1)
            }
        }
        return hubs.map { Entry(organisation: $0.key, hubs: $0.value, bestPlace: best[$0.key] ?? .max, score: scores[$0.key] ?? 0) }
            .sorted { ($1.hubs.count, $0.bestPlace, $1.score, $0.organisation.uuidString) < ($0.hubs.count, $1.bestPlace, $0.score, $1.organisation.uuidString) }
    }
}
