import Foundation
import HubnetCore
import HubnetViews
import Vapor

/// The JSON shapes of API v1. Kept apart from the domain so the wire format changes only on purpose.
struct LocalizedTextDTO: Content, Equatable {
    var de: String
    var en: String

    init(_ text: LocalizedText) {
        de = text.de
        en = text.en
    }

    var text: LocalizedText { .init(de: de, en: en) }

    private enum CodingKeys: String, CodingKey, CaseIterable { case de, en }

    /// Only `de` and `en`: a text in a third language is refused, not dropped.
    init(from decoder: any Decoder) throws {
        try UnknownFields.refuse(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        de = try container.decode(String.self, forKey: .de)
        en = try container.decode(String.self, forKey: .en)
    }
}

struct CityDTO: Content {
    let name: LocalizedTextDTO
    let federalState: String
    let latitude: Double
    let longitude: Double
    let namedOn: String
}

struct FocusDTO: Content {
    let topic: String
    let city: String?
}

struct HubDTO: Content {
    let slug: String
    let name: LocalizedTextDTO
    let cities: [CityDTO]
    let federalStates: [String]
    let focus: [FocusDTO]
    let round: Int
    let namedOn: String
    let agencyContact: AgencyContactDTO
    let organisationCount: Int
    let organisationsByKind: [String: Int]

    struct AgencyContactDTO: Content {
        let team: LocalizedTextDTO
        let email: String
    }

    init(_ hub: Hub, counts: [OrganisationKind: Int]) {
        slug = hub.slug
        name = .init(hub.name)
        cities = hub.cities.map {
            CityDTO(name: .init($0.name), federalState: $0.state.rawValue, latitude: $0.latitude,
                    longitude: $0.longitude, namedOn: $0.namedOn.description)
        }
        federalStates = hub.federalStates.map(\.rawValue)
        focus = hub.focus.map { FocusDTO(topic: $0.topicSlug, city: $0.city) }
        round = hub.round.rawValue
        namedOn = hub.round.date.description
        agencyContact = .init(team: .init(hub.agencyContact.team), email: hub.agencyContact.email)
        organisationCount = counts.values.reduce(0, +)
        organisationsByKind = Dictionary(uniqueKeysWithValues: OrganisationKind.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
    }
}

struct TopicDTO: Content {
    let slug: String
    let label: LocalizedTextDTO
    let group: String

    init(_ topic: Topic) {
        slug = topic.slug
        label = .init(topic.label)
        group = topic.group.rawValue
    }
}

struct OrganisationDTO: Content {
    /// Lower case, as RFC 9562 writes UUIDs.
    let id: String
    let name: String
    let kind: String
    let hub: String
    let city: String
    let topics: [String]
    let description: LocalizedTextDTO
    let offers: LocalizedTextDTO
    let seeks: LocalizedTextDTO
    let website: String?
    let foundedYear: Int?
    let employees: String?
    let stage: String?
    /// The logo's address on this site (a PNG of at most 256 × 256 pixels), or null.
    let logo: String?

    init(_ organisation: Organisation) {
        id = organisation.id.uuidString.lowercased()
        name = organisation.name
        kind = organisation.kind.rawValue
        hub = organisation.hubSlug
        city = organisation.city
        topics = organisation.topicSlugs
        description = .init(organisation.description)
        offers = .init(organisation.offers)
        seeks = .init(organisation.seeks)
        website = organisation.website
        foundedYear = organisation.foundedYear
        employees = organisation.employees?.rawValue
        stage = organisation.stage?.rawValue
        logo = organisation.logoVersion.map { SiteURL.logo(of: organisation.id, version: $0) }
    }

    // Explicit nulls, so every field is always present in responses.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(hub, forKey: .hub)
        try container.encode(city, forKey: .city)
        try container.encode(topics, forKey: .topics)
        try container.encode(description, forKey: .description)
        try container.encode(offers, forKey: .offers)
        try container.encode(seeks, forKey: .seeks)
        try container.encode(website, forKey: .website)
        try container.encode(foundedYear, forKey: .foundedYear)
        try container.encode(employees, forKey: .employees)
        try container.encode(stage, forKey: .stage)
        try container.encode(logo, forKey: .logo)
    }
}

struct OrganisationPageDTO: Content {
    let items: [OrganisationDTO]
    let total: Int
    let page: Int
    let per: Int
    let pageCount: Int
    let facets: Facets

    struct Facets: Content {
        let hub: [String: Int]
        let kind: [String: Int]
        let topic: [String: Int]
    }
}
