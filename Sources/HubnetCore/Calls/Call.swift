import Foundation

/// A competition or programme of the network or of one hub: rounds with opening and closing
/// times, an application form, who may apply, the criteria the jury scores, and how the jury
/// is put together.
public struct Call: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var title: LocalizedText
    public var description: LocalizedText
    public var kind: CallKind
    /// The organising hub; nil when the network (the hub agency) runs it.
    public var hub: String?
    public var rounds: [CallRound]
    public var definition: CallDefinition
    public var created: Date

    public init(id: UUID = UUID(), title: LocalizedText, description: LocalizedText, kind: CallKind, hub: String?,
                rounds: [CallRound], definition: CallDefinition = CallDefinition(), created: Date = Date()) {
        self.id = id
        self.title = title
        self.description = description
        self.kind = kind
        self.hub = hub
        self.rounds = rounds
        self.definition = definition
        self.created = created
    }

    /// The round open at `date`, if any.
    public func openRound(at date: Date) -> CallRound? { rounds.first { $0.opens <= date && date < $0.closes } }

    /// The round applications go to now: the open one. Before the first round opens there is none.
    public func phase(at date: Date) -> CallPhase {
        if let round = openRound(at: date) { return .open(round: round.number) }
        if let next = rounds.first(where: { date < $0.opens }) { return .upcoming(opens: next.opens) }
        return .closed
    }

    public static let titleLength = 3...160
    public static let descriptionLength = 10...5_000

    /// Every rule at once, in both languages.
    public func validated() throws(ValidationFailure) -> Call {
        var call = self
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ de: String, _ en: String) { problems.append(FieldProblem(field: field, message: .init(de: de, en: en))) }
        call.title = LocalizedText(de: title.de.trimmingCharacters(in: .whitespacesAndNewlines), en: title.en.trimmingCharacters(in: .whitespacesAndNewlines))
        call.description = LocalizedText(de: description.de.trimmingCharacters(in: .whitespacesAndNewlines),
                                         en: description.en.trimmingCharacters(in: .whitespacesAndNewlines))
        for (field, text) in [("titleDe", call.title.de), ("titleEn", call.title.en)]
        where !Self.titleLength.contains(text.count) || !TextRules.isClean(text) {
            problem(field, "Der Titel braucht 3 bis 160 Zeichen (auf Deutsch und auf Englisch).",
                    "The title needs 3 to 160 characters (in German and in English).")
        }
        for (field, text) in [("descriptionDe", call.description.de), ("descriptionEn", call.description.en)]
        where !Self.descriptionLength.contains(text.count) || !TextRules.isClean(text, multiline: true) {
            problem(field, "Die Beschreibung braucht 10 bis 5.000 Zeichen (auf Deutsch und auf Englisch).",
                    "The description needs 10 to 5,000 characters (in German and in English).")
        }
        if let hub, Network.hub(hub) == nil { problem("hub", "Unbekannter Hub „\(hub)“.", "Unknown hub '\(hub)'.") }
        if rounds.isEmpty { problem("rounds", "Ein Call braucht mindestens eine Runde.", "A call needs at least one round.") }
        for (index, round) in rounds.enumerated() {
            if round.number != index + 1 { call.rounds[index].number = index + 1 }
            if round.closes <= round.opens {
                problem("round\(index + 1)", "Runde \(index + 1) muss nach ihrem Beginn enden.", "Round \(index + 1) must close after it opens.")
            }
            if index > 0, round.opens < rounds[index - 1].closes {
                problem("round\(index + 1)", "Runde \(index + 1) darf erst nach Runde \(index) beginnen.",
                        "Round \(index + 1) may only open after round \(index) closes.")
            }
        }
        do { call.definition = try definition.validated() } catch { problems += error.problems }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return call
    }
}

public enum CallKind: String, CaseIterable, Codable, Sendable {
    case hubCompetition = "hub_competition"
    case programme
    case pitchNight = "pitch_night"
    case award

    public var label: LocalizedText {
        switch self {
        case .hubCompetition: .init(de: "Hub-Wettbewerb", en: "Hub competition")
        case .programme: .init(de: "Programm", en: "Programme")
        case .pitchNight: .init(de: "Pitch-Abend", en: "Pitch night")
        case .award: .init(de: "Preis", en: "Award")
        }
    }
}

public struct CallRound: Hashable, Sendable, Codable {
    public var number: Int
    public var opens: Date
    public var closes: Date
    /// When the jury's decisions of this round were published.
    public var publishedAt: Date?

    public init(number: Int, opens: Date, closes: Date, publishedAt: Date? = nil) {
        self.number = number
        self.opens = opens
        self.closes = closes
        self.publishedAt = publishedAt
    }
}

public enum CallPhase: Hashable, Sendable {
    case upcoming(opens: Date)
    case open(round: Int)
    case closed
}

/// The part of a call its organisers shape: the form, who may apply, the criteria and the jury's rules.
public struct CallDefinition: Hashable, Sendable, Codable {
    public var fields: [ApplicationField]
    public var criteria: [CallCriterionDefinition]
    /// Organisation kinds that may apply; empty means every kind.
    public var eligibleKinds: [OrganisationKind]
    /// Hubs whose organisations may apply; empty means every hub.
    public var eligibleHubs: [String]
    /// Only organisations founded in or after this year.
    public var foundedFrom: Int?
    public var reviewersPerApplication: Int
    public var jurorLoad: Int
    /// A juror of the applicant's home hub counts as conflicted.
    public var sameHubIsConflict: Bool
    /// Rank by z-scores per juror rather than by raw scores.
    public var normalisePerReviewer: Bool
    /// A spread of review values (0…1) above this is flagged for discussion.
    public var disagreementThreshold: Double
    /// Set for history: only the days decisions were made are known, not the rounds' times.
    public var decisionDaysOnly: Bool?
    /// The total affinity each application's reviewers should reach at least (fairness).
    public var affinityFloor: Double?

    public init(fields: [ApplicationField] = [], criteria: [CallCriterionDefinition] = [], eligibleKinds: [OrganisationKind] = [],
                eligibleHubs: [String] = [], foundedFrom: Int? = nil, reviewersPerApplication: Int = 3, jurorLoad: Int = 10,
                sameHubIsConflict: Bool = false, normalisePerReviewer: Bool = false, disagreementThreshold: Double = 0.3,
                decisionDaysOnly: Bool? = nil, affinityFloor: Double? = nil) {
        self.fields = fields
        self.criteria = criteria
        self.eligibleKinds = eligibleKinds
        self.eligibleHubs = eligibleHubs
        self.foundedFrom = foundedFrom
        self.reviewersPerApplication = reviewersPerApplication
        self.jurorLoad = jurorLoad
        self.sameHubIsConflict = sameHubIsConflict
        self.normalisePerReviewer = normalisePerReviewer
        self.disagreementThreshold = disagreementThreshold
        self.decisionDaysOnly = decisionDaysOnly
        self.affinityFloor = affinityFloor
    }

    public var scoring: [CallCriterion] { criteria.map { CallCriterion(key: $0.key, weight: $0.weight, lowest: $0.lowest, highest: $0.highest) } }

    public func validated() throws(ValidationFailure) -> CallDefinition {
        var definition = self
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ de: String, _ en: String) { problems.append(FieldProblem(field: field, message: .init(de: de, en: en))) }
        definition.fields = fields.enumerated().map { index, field in
            var field = field
            field.key = "f\(index + 1)"
            field.label = LocalizedText(de: field.label.de.trimmingCharacters(in: .whitespacesAndNewlines),
                                        en: field.label.en.trimmingCharacters(in: .whitespacesAndNewlines))
            field.choices = field.choices.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            return field
        }
        for field in definition.fields {
            if !(2...120).contains(field.label.de.count) || !(2...120).contains(field.label.en.count)
                || !TextRules.isClean(field.label.de) || !TextRules.isClean(field.label.en) {
                problem(field.key, "Jedes Formularfeld braucht eine Bezeichnung auf Deutsch und auf Englisch (2 bis 120 Zeichen).",
                        "Every form field needs a label in German and in English (2 to 120 characters).")
            }
            if field.kind == .choice, field.choices.count < 2 || field.choices.contains(where: { $0.count > 120 || !TextRules.isClean($0) }) {
                problem(field.key, "Ein Auswahlfeld braucht mindestens zwei Antworten.", "A choice field needs at least two answers.")
            }
        }
        if definition.fields.count > 30 { problem("fields", "Höchstens 30 Formularfelder.", "At most 30 form fields.") }
        definition.criteria = criteria.enumerated().map { index, criterion in
            var criterion = criterion
            criterion.key = "c\(index + 1)"
            criterion.label = LocalizedText(de: criterion.label.de.trimmingCharacters(in: .whitespacesAndNewlines),
                                            en: criterion.label.en.trimmingCharacters(in: .whitespacesAndNewlines))
            return criterion
        }
        if definition.criteria.isEmpty {
            problem("criteria", "Die Jury braucht mindestens ein Kriterium.", "The jury needs at least one criterion.")
        }
        for criterion in definition.criteria {
            if !(2...120).contains(criterion.label.de.count) || !(2...120).contains(criterion.label.en.count)
                || !TextRules.isClean(criterion.label.de) || !TextRules.isClean(criterion.label.en) {
                problem(criterion.key, "Jedes Kriterium braucht eine Bezeichnung auf Deutsch und auf Englisch.",
                        "Every criterion needs a label in German and in English.")
            }
            if !(criterion.weight > 0 && criterion.weight <= 100) {
                problem(criterion.key, "Das Gewicht eines Kriteriums liegt zwischen 0 und 100.", "A criterion's weight lies between 0 and 100.")
            }
            if !(0...1).contains(criterion.lowest) || !(criterion.lowest + 1...100).contains(criterion.highest) {
                problem(criterion.key, "Eine Skala beginnt bei 0 oder 1 und endet höher, höchstens bei 100.",
                        "A scale starts at 0 or 1 and ends higher, at most at 100.")
            }
        }
        if let unknown = eligibleHubs.first(where: { Network.hub($0) == nil }) { problem("eligibleHubs", "Unbekannter Hub „\(unknown)“.", "Unknown hub '\(unknown)'.") }
        if let year = foundedFrom, !(1800...2100).contains(year) {
            problem("foundedFrom", "Das Gründungsjahr liegt zwischen 1800 und 2100.", "The founding year lies between 1800 and 2100.")
        }
        if !(1...10).contains(reviewersPerApplication) {
            problem("reviewersPerApplication", "1 bis 10 Gutachten je Bewerbung.", "1 to 10 reviews per application.")
        }
        if !(1...500).contains(jurorLoad) { problem("jurorLoad", "1 bis 500 Bewerbungen je Jurymitglied.", "1 to 500 applications per juror.") }
        if let floor = affinityFloor, !(floor >= 0 && floor <= 10) {
            problem("affinityFloor", "Die Mindestpassung liegt zwischen 0 und 10.", "The minimum fit lies between 0 and 10.")
        }
        if !(disagreementThreshold > 0 && disagreementThreshold <= 1) {
            problem("disagreementThreshold", "Die Schwelle für Uneinigkeit liegt zwischen 0 und 1.", "The disagreement threshold lies between 0 and 1.")
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return definition
    }

    /// Why an organisation may not apply, or nil when it may.
    public func ineligibility(of organisation: Organisation) -> LocalizedText? {
        if !eligibleKinds.isEmpty, !eligibleKinds.contains(organisation.kind) {
            let kinds = eligibleKinds.map(\.pluralLabel)
            return .init(de: "Bewerben können nur \(kinds.map(\.de).joined(separator: ", ")).",
                         en: "Only \(kinds.map(\.en).joined(separator: ", ")) may apply.")
        }
        if !eligibleHubs.isEmpty, !eligibleHubs.contains(organisation.hubSlug) {
            let hubs = eligibleHubs.compactMap(Network.hub).map(\.name)
            return .init(de: "Bewerben können nur Organisationen der Hubs \(hubs.map(\.de).joined(separator: ", ")).",
                         en: "Only organisations of the \(hubs.map(\.en).joined(separator: ", ")) hubs may apply.")
        }
        if let foundedFrom, (organisation.foundedYear ?? 0) < foundedFrom {
            return .init(de: "Bewerben können nur Organisationen, die \(foundedFrom) oder später gegründet wurden (im Profil das Gründungsjahr angeben).",
                         en: "Only organisations founded in \(foundedFrom) or later may apply (give the founding year in the profile).")
        }
        return nil
    }
}

/// A question of a call's application form.
public struct ApplicationField: Hashable, Sendable, Codable {
    public var key: String
    public var kind: Kind
    public var label: LocalizedText
    public var required: Bool
    public var choices: [String]

    public enum Kind: String, CaseIterable, Codable, Sendable {
        case text
        case longText = "long_text"
        case number
        case choice
        /// A PDF, PNG or JPEG of at most 5 MB (a pitch deck, a one-pager).
        case file
        /// An organisation of the directory (a partner, a pilot customer), by its profile's
        /// address or id.
        case organisation

        public var label: LocalizedText {
            switch self {
            case .text: .init(de: "Kurzer Text", en: "Short text")
            case .longText: .init(de: "Langer Text", en: "Long text")
            case .number: .init(de: "Zahl", en: "Number")
            case .choice: .init(de: "Auswahl", en: "Choice")
            case .file: .init(de: "Datei (PDF, PNG, JPEG; 5 MB)", en: "File (PDF, PNG, JPEG; 5 MB)")
            case .organisation: .init(de: "Organisation aus dem Verzeichnis", en: "Organisation from the directory")
            }
        }
    }

    public init(key: String = "", kind: Kind, label: LocalizedText, required: Bool = true, choices: [String] = []) {
        self.key = key
        self.kind = kind
        self.label = label
        self.required = required
        self.choices = choices
    }

    /// The answer as it will be stored, or why it cannot be.
    public func check(_ raw: String?) -> (answer: String, problem: FieldProblem?) {
        let answer = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        func problem(_ de: String, _ en: String) -> (answer: String, problem: FieldProblem?) {
            (answer, FieldProblem(field: key, message: .init(de: "„\(label.de)“: \(de)", en: "'\(label.en)': \(en)")))
        }
        if answer.isEmpty { return required ? problem("bitte ausfüllen.", "please fill in.") : ("", nil) }
        switch kind {
        case .text:
            guard answer.count <= 300, TextRules.isClean(answer) else { return problem("höchstens 300 Zeichen in einer Zeile.", "at most 300 characters on one line.") }
        case .longText:
            guard answer.count <= 10_000, TextRules.isClean(answer, multiline: true) else { return problem("höchstens 10.000 Zeichen.", "at most 10,000 characters.") }
        case .number:
            guard let value = Double(answer.replacingOccurrences(of: ",", with: ".")), value.isFinite, abs(value) < 1e15 else {
                return problem("bitte eine Zahl angeben.", "please give a number.")
            }
        case .choice:
            guard choices.contains(answer) else { return problem("bitte eine der Antworten wählen.", "please choose one of the answers.") }
        case .organisation:
            // Whether it exists is the action's to check; here, that it names one.
            guard let id = Self.organisationID(in: answer) else {
                return problem("bitte die Adresse des Profils im Verzeichnis angeben (…/organisations/…).",
                               "please give the address of its profile in the directory (…/organisations/…).")
            }
            return (id.lowercased, nil)
        case .file:
            // Files come through the upload, which stores them and writes this answer.
            guard ApplicationAttachment(answer: answer) != nil else { return problem("bitte eine Datei hochladen.", "please upload a file.") }
        }
        return (answer, nil)
    }

    /// The organisation an answer names: a profile's address or its id.
    public static func organisationID(in answer: String) -> UUID? {
        answer.split(whereSeparator: { "/?#".contains($0) }).lazy.compactMap { UUID(uuidString: String($0)) }.last
    }
}

/// A criterion as organisers define it: a label in both languages, a weight and a scale.
public struct CallCriterionDefinition: Hashable, Sendable, Codable {
    public var key: String
    public var label: LocalizedText
    public var weight: Double
    public var lowest: Int
    public var highest: Int

    public init(key: String = "", label: LocalizedText, weight: Double = 1, lowest: Int = 1, highest: Int = 5) {
        self.key = key
        self.label = label
        self.weight = weight
        self.lowest = lowest
        self.highest = highest
    }
}
