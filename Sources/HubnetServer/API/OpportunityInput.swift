import Foundation
import HubnetCore
import Vapor

/// A body of `POST /opportunities` or `PATCH /opportunities/{id}`: `creating` demands the
/// required fields, `applied(to:)` changes only what was sent; unknown fields are refused.
struct OpportunityInput: Decodable {
    var organisation: UUID?
    var kind: String?
    var title: String?
    var text: String?
    var language: String?
    var topics: [String]?
    var soughtKinds: [String]?
    var preferredHubs: [String]?
    var deadline: String?
    var visibility: String?
    var sent: Set<String> = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case organisation, kind, title, text, language, topics, soughtKinds, preferredHubs, deadline, visibility
    }

    /// Deadlines are days, `2027-03-31`, kept as midnight UTC so a SQL `date` column holds the same day.
    static let day: DateFormatter = {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    init(from decoder: any Decoder) throws {
        try UnknownFields.refuse(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organisation = try container.decodeIfPresent(UUID.self, forKey: .organisation)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        topics = try container.decodeIfPresent([String].self, forKey: .topics)
        soughtKinds = try container.decodeIfPresent([String].self, forKey: .soughtKinds)
        preferredHubs = try container.decodeIfPresent([String].self, forKey: .preferredHubs)
        deadline = try container.decodeIfPresent(String.self, forKey: .deadline)
        visibility = try container.decodeIfPresent(String.self, forKey: .visibility)
        sent = Set(container.allKeys.map(\.rawValue))
    }

    static func decode(from request: Request) throws -> OpportunityInput {
        guard let type = request.headers.contentType, type.type == "application", type.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "Send the opportunity as application/json.")
        }
        return try request.content.decode(OpportunityInput.self)
    }

    func creating() throws(ValidationFailure) -> Opportunity {
        var problems: [FieldProblem] = []
        for (field, present) in [("organisation", organisation != nil), ("kind", kind != nil), ("title", title != nil),
                                 ("text", text != nil), ("topics", topics != nil)] where !present {
            problems.append(FieldProblem(field: field, message: .init(de: "Pflichtfeld fehlt.", en: "This field is required.")))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let blank = Opportunity(organisationID: organisation!, kind: .challenge, title: "", text: "", language: .de, topicSlugs: [])
        return try applied(to: blank, today: Date())
    }

    /// The post with this body's fields put in, validated; with `today`, a deadline must not have passed.
    func applied(to post: Opportunity, today: Date? = nil) throws(ValidationFailure) -> Opportunity {
        var result = post
        var problems: [FieldProblem] = []
        func parse<Value: RawRepresentable & CaseIterable>(_ field: String, _ raw: String, as: Value.Type) -> Value?
            where Value.RawValue == String {
            if let value = Value(rawValue: raw) { return value }
            problems.append(FieldProblem(field: field, message: .init(
                de: "Unbekannter Wert „\(raw)“; erlaubt: \(Value.allCases.map(\.rawValue).joined(separator: ", ")).",
                en: "Unknown value '\(raw)'; allowed: \(Value.allCases.map(\.rawValue).joined(separator: ", ")).")))
            return nil
        }
        if let kind, let parsed = parse("kind", kind, as: OpportunityKind.self) { result.kind = parsed }
        if let title { result.title = title }
        if let text { result.text = text }
        if let language, let parsed = parse("language", language, as: SiteLanguage.self) { result.language = parsed }
        if let topics { result.topicSlugs = topics }
        if let soughtKinds { result.soughtKinds = soughtKinds.compactMap { parse("soughtKinds", $0, as: OrganisationKind.self) } }
        if let preferredHubs { result.preferredHubs = preferredHubs }
        if let visibility, let parsed = parse("visibility", visibility, as: OpportunityVisibility.self) { result.visibility = parsed }
        if sent.contains("deadline") {
            if let deadline {
                if let day = Self.day.date(from: deadline), Self.day.string(from: day) == deadline { result.deadline = day } else {
                    problems.append(FieldProblem(field: "deadline", message: .init(
                        de: "Die Frist muss ein Tag wie 2027-03-31 sein.", en: "The deadline must be a day like 2027-03-31.")))
                }
            } else {
                result.deadline = nil
            }
        }
        let validated: Opportunity
        do throws(ValidationFailure) {
            validated = try result.validated(today: today)
        } catch {
            throw ValidationFailure(problems + error.problems)
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return validated
    }
}
