import Foundation
import HubnetCore
import Vapor

/// A body of `POST /organisations` or `PATCH /organisations/{id}`. Every field is optional
/// here; `creating` demands the required ones, `applied(to:)` changes only what was sent.
/// An explicit `null` clears an optional field; a field the API does not know is refused.
struct OrganisationInput: Decodable {
    var id: UUID?
    var name: String?
    var kind: String?
    var hub: String?
    var city: String?
    var topics: [String]?
    var description: LocalizedTextDTO?
    var offers: LocalizedTextDTO?
    var seeks: LocalizedTextDTO?
    var website: String?
    var foundedYear: Int?
    var employees: String?
    var stage: String?
    /// Optional fields that were sent, including as null.
    var sent: Set<String> = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, kind, hub, city, topics, description, offers, seeks, website, foundedYear, employees, stage
    }

    init(from decoder: any Decoder) throws {
        try UnknownFields.refuse(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(UUID.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        hub = try container.decodeIfPresent(String.self, forKey: .hub)
        city = try container.decodeIfPresent(String.self, forKey: .city)
        topics = try container.decodeIfPresent([String].self, forKey: .topics)
        description = try container.decodeIfPresent(LocalizedTextDTO.self, forKey: .description)
        offers = try container.decodeIfPresent(LocalizedTextDTO.self, forKey: .offers)
        seeks = try container.decodeIfPresent(LocalizedTextDTO.self, forKey: .seeks)
        website = try container.decodeIfPresent(String.self, forKey: .website)
        foundedYear = try container.decodeIfPresent(Int.self, forKey: .foundedYear)
        employees = try container.decodeIfPresent(String.self, forKey: .employees)
        stage = try container.decodeIfPresent(String.self, forKey: .stage)
        sent = Set(container.allKeys.map(\.rawValue))
    }

    /// Reads the body of a write; only JSON is understood.
    static func decode(from request: Request) throws -> OrganisationInput {
        guard let type = request.headers.contentType, type.type == "application", type.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "Send the organisation as application/json.")
        }
        return try request.content.decode(OrganisationInput.self)
    }

    /// A new organisation from this body; names every missing or unusable field at once.
    func creating() throws(ValidationFailure) -> Organisation {
        var problems: [FieldProblem] = []
        for (field, present) in [("name", name != nil), ("kind", kind != nil), ("hub", hub != nil), ("city", city != nil),
                                 ("topics", topics != nil), ("description", description != nil)] where !present {
            problems.append(FieldProblem(field: field, message: .init(de: "Pflichtfeld fehlt.", en: "This field is required.")))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let blank = Organisation(
            id: id ?? UUID(), name: "", kind: .startup, hubSlug: "", city: "", topicSlugs: [], description: .init(""))
        return try applied(to: blank)
    }

    /// The organisation with this body's fields put in, validated.
    func applied(to organisation: Organisation) throws(ValidationFailure) -> Organisation {
        var result = organisation
        var problems: [FieldProblem] = []
        if let name { result.name = name }
        if let kind {
            if let parsed = OrganisationKind(rawValue: kind) { result.kind = parsed } else {
                problems.append(Self.unknown("kind", kind, OrganisationKind.allCases.map(\.rawValue)))
            }
        }
        if let hub { result.hubSlug = hub }
        if let city { result.city = city }
        if let topics { result.topicSlugs = topics }
        if let description { result.description = description.text }
        if let offers { result.offers = offers.text }
        if let seeks { result.seeks = seeks.text }
        if sent.contains("website") { result.website = website }
        if sent.contains("foundedYear") { result.foundedYear = foundedYear }
        if sent.contains("employees") {
            if let employees {
                if let band = EmployeeBand(rawValue: employees) { result.employees = band } else {
                    problems.append(Self.unknown("employees", employees, EmployeeBand.allCases.map(\.rawValue)))
                }
            } else {
                result.employees = nil
            }
        }
        if sent.contains("stage") {
            if let stage {
                if let parsed = FundingStage(rawValue: stage) { result.stage = parsed } else {
                    problems.append(Self.unknown("stage", stage, FundingStage.allCases.map(\.rawValue)))
                }
            } else {
                result.stage = nil
            }
        }
        let validated: Organisation
        do throws(ValidationFailure) {
            validated = try result.validated()
        } catch {
            throw ValidationFailure(problems + error.problems)
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return validated
    }

    private static func unknown(_ field: String, _ value: String, _ allowed: [String]) -> FieldProblem {
        FieldProblem(field: field, message: .init(
            de: "Unbekannter Wert „\(value)“; erlaubt: \(allowed.joined(separator: ", ")).",
            en: "Unknown value '\(value)'; allowed: \(allowed.joined(separator: ", "))."))
    }
}
