import Foundation
import HubnetCore
import Vapor

/// A find-partners request as the API, the pages and the CLI take it, checked as a whole:
/// every unknown topic, kind or hub is named, and nothing is searched.
struct MatchRequest: Content {
    var text: String?
    var seeking: String?
    var offering: String?
    var topics: [String]?
    var kinds: [String]?
    var hubs: [String]?
    var onlyHubs: Bool?
    var homeHub: String?
    var limit: Int?

    static let limits = 1...100

    init(text: String? = nil, seeking: String? = nil, offering: String? = nil, topics: [String]? = nil, kinds: [String]? = nil,
         hubs: [String]? = nil, onlyHubs: Bool? = nil, homeHub: String? = nil, limit: Int? = nil) {
        self.text = text
        self.seeking = seeking
        self.offering = offering
        self.topics = topics
        self.kinds = kinds
        self.hubs = hubs
        self.onlyHubs = onlyHubs
        self.homeHub = homeHub
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, seeking, offering, topics, kinds, hubs, onlyHubs, homeHub, limit
    }

    /// A body names only known fields, as every write body does.
    init(from decoder: any Decoder) throws {
        try UnknownFields.refuse(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decodeIfPresent(String.self, forKey: .text),
            seeking: try container.decodeIfPresent(String.self, forKey: .seeking),
            offering: try container.decodeIfPresent(String.self, forKey: .offering),
            topics: try container.decodeIfPresent([String].self, forKey: .topics),
            kinds: try container.decodeIfPresent([String].self, forKey: .kinds),
            hubs: try container.decodeIfPresent([String].self, forKey: .hubs),
            onlyHubs: try container.decodeIfPresent(Bool.self, forKey: .onlyHubs),
            homeHub: try container.decodeIfPresent(String.self, forKey: .homeHub),
            limit: try container.decodeIfPresent(Int.self, forKey: .limit))
    }

    /// From query parameters: `q`, repeated or comma-separated `topic`, `kind`, `hub`, and
    /// `only-hubs`, `near`, `limit`.
    init(parameters pairs: [(name: String, value: String)]) throws(ValidationFailure) {
        let parameters = Dictionary(grouping: pairs, by: \.name).mapValues { $0.map(\.value) }
        func list(_ name: String) -> [String]? {
            let values = (parameters[name] ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
            return values.isEmpty ? nil : values
        }
        text = parameters["q"]?.first
        topics = list("topic")
        kinds = list("kind")
        hubs = list("hub")
        homeHub = parameters["near"]?.first.flatMap { $0.isEmpty ? nil : $0 }
        if let raw = parameters["only-hubs"]?.first { onlyHubs = ["1", "true", "yes", "on"].contains(raw.lowercased()) }
        if let raw = parameters["limit"]?.first, !raw.isEmpty {
            guard let value = Int(raw) else {
                throw ValidationFailure([FieldProblem(field: "limit", message: .init(
                    de: "„\(raw)“ ist keine Zahl.", en: "'\(raw)' is not a number."))])
            }
            limit = value
        }
    }

    func query() throws(ValidationFailure) -> MatchQuery {
        var problems: [FieldProblem] = []
        let topics = topics ?? [], kinds = kinds ?? [], hubs = hubs ?? []
        let unknownTopics = topics.filter { Taxonomy.topic($0) == nil }
        if !unknownTopics.isEmpty {
            problems.append(FieldProblem(field: "topic", message: .init(de: "Unbekannte Themen: \(unknownTopics.joined(separator: ", ")).",
                                                                        en: "Unknown topics: \(unknownTopics.joined(separator: ", ")).")))
        }
        let unknownKinds = kinds.filter { OrganisationKind(rawValue: $0) == nil }
        if !unknownKinds.isEmpty {
            problems.append(FieldProblem(field: "kind", message: .init(
                de: "Unbekannte Arten: \(unknownKinds.joined(separator: ", ")); erlaubt: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                en: "Unknown kinds: \(unknownKinds.joined(separator: ", ")); allowed: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).")))
        }
        let unknownHubs = (hubs + [homeHub].compactMap { $0 }).filter { Network.hub($0) == nil }
        if !unknownHubs.isEmpty {
            problems.append(FieldProblem(field: "hub", message: .init(de: "Unbekannte Hubs: \(unknownHubs.joined(separator: ", ")).",
                                                                      en: "Unknown hubs: \(unknownHubs.joined(separator: ", ")).")))
        }
        let limit = limit ?? 20
        if !Self.limits.contains(limit) {
            problems.append(FieldProblem(field: "limit", message: .init(de: "Zwischen 1 und 100.", en: "Between 1 and 100.")))
        }
        let words = [text, seeking, offering].compactMap { $0 }.joined(separator: " ")
        if words.count > 5_000 {
            problems.append(FieldProblem(field: "text", message: .init(de: "Höchstens 5000 Zeichen.", en: "At most 5000 characters.")))
        }
        if words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, topics.isEmpty {
            problems.append(FieldProblem(field: "q", message: .init(de: "Geben Sie Suchwörter oder mindestens ein Thema an.",
                                                                    en: "Give some words or at least one topic.")))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        var query = MatchQuery(text: text ?? "", topics: topics, kinds: Set(kinds.compactMap(OrganisationKind.init(rawValue:))), limit: limit)
        query.seeking = seeking ?? ""
        query.offering = offering ?? ""
        query.preferredHubs = Set(hubs)
        query.onlyPreferredHubs = onlyHubs ?? false
        query.homeHub = homeHub
        return query
    }
}
