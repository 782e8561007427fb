import Foundation
import HubnetCore

/// What the call pages show; built by the server from the actions' answers.
public enum CallPages {
    public struct ListModel: Sendable {
        public let calls: [Call]
        public let now: Date
        public let mayCreate: Bool

        public init(calls: [Call], now: Date, mayCreate: Bool) {
            self.calls = calls
            self.now = now
            self.mayCreate = mayCreate
        }
    }

    public struct DetailModel: Sendable {
        public let call: Call
        public let now: Date
        /// The reader's organisations that may apply, with the reason when one may not.
        public let organisations: [(organisation: Organisation, ineligible: LocalizedText?)]
        /// The reader's own applications to this call.
        public let ownApplications: [CallApplication]
        /// Applications everyone may see: the decided ones of a historic call.
        public let publicApplications: [CallApplication]
        public let manages: Bool
        public let judges: Bool
        public let signedIn: Bool
        public let csrf: String
        public let problems: [FieldProblem]

        public init(call: Call, now: Date, organisations: [(organisation: Organisation, ineligible: LocalizedText?)], ownApplications: [CallApplication],
                    publicApplications: [CallApplication], manages: Bool, judges: Bool, signedIn: Bool, csrf: String, problems: [FieldProblem] = []) {
            self.call = call
            self.now = now
            self.organisations = organisations
            self.ownApplications = ownApplications
            self.publicApplications = publicApplications
            self.manages = manages
            self.judges = judges
            self.signedIn = signedIn
            self.csrf = csrf
            self.problems = problems
        }
    }

    /// The organiser's form: raw values, so what was typed comes back with its problems.
    public struct FormModel: Sendable {
        public var existing: UUID?
        public var values: [String: String]
        public var kinds: [String]
        public var hubs: [String]
        /// Which organisers the reader may choose: the network and/or hubs.
        public var network: Bool
        public var organisableHubs: [String]
        public var problems: [FieldProblem]
        public let csrf: String

        public static let roundRows = 3
        public static let fieldRows = 6
        public static let criterionRows = 5

        public init(existing: UUID?, values: [String: String], kinds: [String], hubs: [String], network: Bool, organisableHubs: [String],
                    problems: [FieldProblem] = [], csrf: String) {
            self.existing = existing
            self.values = values
            self.kinds = kinds
            self.hubs = hubs
            self.network = network
            self.organisableHubs = organisableHubs
            self.problems = problems
            self.csrf = csrf
        }

        /// The form filled from a call, for changing it.
        public static func values(of call: Call) -> (values: [String: String], kinds: [String], hubs: [String]) {
            var values: [String: String] = [
                "titleDe": call.title.de, "titleEn": call.title.en, "descriptionDe": call.description.de, "descriptionEn": call.description.en,
                "kind": call.kind.rawValue, "hub": call.hub ?? "", "foundedFrom": call.definition.foundedFrom.map(String.init) ?? "",
                "reviewersPerApplication": "\(call.definition.reviewersPerApplication)", "jurorLoad": "\(call.definition.jurorLoad)",
                "sameHubIsConflict": call.definition.sameHubIsConflict ? "on" : "", "normalise": call.definition.normalisePerReviewer ? "on" : "",
                "disagreement": String(format: "%.2f", call.definition.disagreementThreshold),
                "affinityFloor": call.definition.affinityFloor.map { String(format: "%.2f", $0) } ?? "",
            ]
            for (index, round) in call.rounds.enumerated() {
                values["opens\(index + 1)"] = NetworkCalendar.formValue(of: round.opens)
                values["closes\(index + 1)"] = NetworkCalendar.formValue(of: round.closes)
            }
            for (index, field) in call.definition.fields.enumerated() {
                let row = index + 1
                values["field\(row)De"] = field.label.de
                values["field\(row)En"] = field.label.en
                values["field\(row)Kind"] = field.kind.rawValue
                values["field\(row)Required"] = field.required ? "on" : ""
                values["field\(row)Choices"] = field.choices.joined(separator: "; ")
            }
            for (index, criterion) in call.definition.criteria.enumerated() {
                let row = index + 1
                values["criterion\(row)De"] = criterion.label.de
                values["criterion\(row)En"] = criterion.label.en
                values["criterion\(row)Weight"] = criterion.weight == criterion.weight.rounded() ? String(Int(criterion.weight)) : String(criterion.weight)
                values["criterion\(row)Lowest"] = "\(criterion.lowest)"
                values["criterion\(row)Highest"] = "\(criterion.highest)"
            }
            return (values, call.definition.eligibleKinds.map(\.rawValue), call.definition.eligibleHubs)
        }
    }

    public struct ApplicationModel: Sendable {
        public let application: CallApplication
        public let call: Call
        public let now: Date
        /// The reader may change it (the applicant's side).
        public let mayEdit: Bool
        /// The reader reviews it: criteria form with their scores so far.
        public let review: (scores: [String: Int], comment: String)?
        public let isReviewer: Bool
        /// For managers: every review of it, by juror name.
        public let reviews: [(juror: String, scores: [String: Int], comment: String)]
        public let manages: Bool
        public let csrf: String
        public let notice: String?
        public let problems: [FieldProblem]
        /// Values typed that did not save, shown again.
        public let typed: [String: String]
        /// Names of the organisations the answers name, by id.
        public let organisationNames: [UUID: String]

        public init(application: CallApplication, call: Call, now: Date, mayEdit: Bool, review: (scores: [String: Int], comment: String)?,
                    isReviewer: Bool, reviews: [(juror: String, scores: [String: Int], comment: String)], manages: Bool, csrf: String,
                    notice: String? = nil, problems: [FieldProblem] = [], typed: [String: String] = [:], organisationNames: [UUID: String] = [:]) {
            self.application = application
            self.call = call
            self.now = now
            self.mayEdit = mayEdit
            self.review = review
            self.isReviewer = isReviewer
            self.reviews = reviews
            self.manages = manages
            self.csrf = csrf
            self.notice = notice
            self.problems = problems
            self.typed = typed
            self.organisationNames = organisationNames
        }
    }

    public struct JuryModel: Sendable {
        public struct Juror: Sendable {
            public let id: UUID
            public let name: String
            public let email: String
            public let expertise: String
            public let organisations: [String]
            public init(id: UUID, name: String, email: String, expertise: String, organisations: [String]) {
                self.id = id
                self.name = name
                self.email = email
                self.expertise = expertise
                self.organisations = organisations
            }
        }

        public struct Pair: Sendable {
            public let juror: UUID
            public let state: String
            public let pinned: Bool
            public let affinity: Double
            public let reviewed: Bool
            public init(juror: UUID, state: String, pinned: Bool, affinity: Double, reviewed: Bool) {
                self.juror = juror
                self.state = state
                self.pinned = pinned
                self.affinity = affinity
                self.reviewed = reviewed
            }
        }

        public let call: Call
        public let jurors: [Juror]
        public let applications: [CallApplication]
        /// Per application: its pairs.
        public let pairs: [UUID: [Pair]]
        public let conflicts: [JuryConflict]
        public let csrf: String
        public let notice: String?
        public let problems: [FieldProblem]

        public init(call: Call, jurors: [Juror], applications: [CallApplication], pairs: [UUID: [Pair]], conflicts: [JuryConflict],
                    csrf: String, notice: String? = nil, problems: [FieldProblem] = []) {
            self.call = call
            self.jurors = jurors
            self.applications = applications
            self.pairs = pairs
            self.conflicts = conflicts
            self.csrf = csrf
            self.notice = notice
            self.problems = problems
        }
    }

    public struct DeskModel: Sendable {
        public let call: Call
        public let applications: [CallApplication]
        public let assigned: Set<UUID>
        public let declared: Set<UUID>
        public let reviewed: Set<UUID>
        public let expertise: String
        public let csrf: String
        public let notice: String?
        public let problems: [FieldProblem]

        public init(call: Call, applications: [CallApplication], assigned: Set<UUID>, declared: Set<UUID>, reviewed: Set<UUID>,
                    expertise: String, csrf: String, notice: String? = nil, problems: [FieldProblem] = []) {
            self.call = call
            self.applications = applications
            self.assigned = assigned
            self.declared = declared
            self.reviewed = reviewed
            self.expertise = expertise
            self.csrf = csrf
            self.notice = notice
            self.problems = problems
        }
    }

    public struct RankingModel: Sendable {
        public struct Row: Sendable {
            public let application: CallApplication
            public let entry: CallRanking.Entry?
            public let done: Int
            public let assigned: Int
            public init(application: CallApplication, entry: CallRanking.Entry?, done: Int, assigned: Int) {
                self.application = application
                self.entry = entry
                self.done = done
                self.assigned = assigned
            }
        }

        public let call: Call
        public let round: Int
        public let rows: [Row]
        public let normalised: Bool
        public let published: Bool
        /// Decisions waiting for the manager's confirmation, by application.
        public let pending: [UUID: ApplicationDecision?]?
        public let message: String
        public let csrf: String
        public let notice: String?
        public let problems: [FieldProblem]

        public init(call: Call, round: Int, rows: [Row], normalised: Bool, published: Bool, pending: [UUID: ApplicationDecision?]? = nil,
                    message: String = "", csrf: String, notice: String? = nil, problems: [FieldProblem] = []) {
            self.call = call
            self.round = round
            self.rows = rows
            self.normalised = normalised
            self.published = published
            self.pending = pending
            self.message = message
            self.csrf = csrf
            self.notice = notice
            self.problems = problems
        }
    }
}
