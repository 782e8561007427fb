import Foundation

/// An application to a call: kept as a draft, submitted before the round closes, withdrawn by
/// the applicant, reviewed by the jury, decided, and told once the round's results are published.
public struct CallApplication: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var callID: UUID
    public var round: Int
    /// The organisation applying; nil only for historic applicants outside the directory (the
    /// cities of the 2016/2017 hub competition).
    public var organisationID: UUID?
    /// The organisation's or applicant's name as shown to the jury.
    public var applicantName: String
    /// The applicant's hub: the organisation's home hub, or the hub a city applied to become.
    public var hubSlug: String?
    public var applicantMemberID: UUID?
    public var state: ApplicationState
    public var answers: [String: String]
    public var decision: ApplicationDecision?
    public var decisionMessage: String
    public var submittedAt: Date?
    public var updatedAt: Date

    public init(id: UUID = UUID(), callID: UUID, round: Int, organisationID: UUID?, applicantName: String, hubSlug: String?, applicantMemberID: UUID?,
                state: ApplicationState = .draft, answers: [String: String] = [:], decision: ApplicationDecision? = nil,
                decisionMessage: String = "", submittedAt: Date? = nil, updatedAt: Date = Date()) {
        self.id = id
        self.callID = callID
        self.round = round
        self.organisationID = organisationID
        self.applicantName = applicantName
        self.hubSlug = hubSlug
        self.applicantMemberID = applicantMemberID
        self.state = state
        self.answers = answers
        self.decision = decision
        self.decisionMessage = decisionMessage
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
    }

    /// The answers checked against the form; every problem at once.
    public static func checkedAnswers(_ raw: [String: String], for fields: [ApplicationField]) throws(ValidationFailure) -> [String: String] {
        var answers: [String: String] = [:], problems: [FieldProblem] = []
        for field in fields {
            let (answer, problem) = field.check(raw[field.key])
            if let problem { problems.append(problem) } else if !answer.isEmpty { answers[field.key] = answer }
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return answers
    }

    /// The text the jury's affinity is computed from: the answers in form order.
    public func text(fields: [ApplicationField]) -> String {
        fields.filter { $0.kind != .file }.compactMap { answers[$0.key] }.joined(separator: "\n")
    }
}

public enum ApplicationState: String, CaseIterable, Codable, Sendable {
    case draft
    case submitted
    case withdrawn
    case underReview = "under_review"
    /// Decided and published.
    case decided

    public var label: LocalizedText {
        switch self {
        case .draft: .init(de: "Entwurf", en: "Draft")
        case .submitted: .init(de: "Eingereicht", en: "Submitted")
        case .withdrawn: .init(de: "Zurückgezogen", en: "Withdrawn")
        case .underReview: .init(de: "In Begutachtung", en: "Under review")
        case .decided: .init(de: "Entschieden", en: "Decided")
        }
    }

    /// Still in the competition: reviewed and ranked.
    public var isInCompetition: Bool { self == .submitted || self == .underReview }
}

public enum ApplicationDecision: String, CaseIterable, Codable, Sendable {
    case accepted
    case waitlisted
    case rejected

    public var label: LocalizedText {
        switch self {
        case .accepted: .init(de: "Angenommen", en: "Accepted")
        case .waitlisted: .init(de: "Warteliste", en: "Waitlisted")
        case .rejected: .init(de: "Abgelehnt", en: "Rejected")
        }
    }
}
