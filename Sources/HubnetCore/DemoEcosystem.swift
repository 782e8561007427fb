import Foundation

/// A plausible, invented network for demos and benchmarks: organisations spread over the hubs
/// in line with each hub's focus (logistics in Hamburg and Dortmund, chemistry in
/// Ludwigshafen/Mannheim, …). Every name is made up and every website lies under the reserved
/// `.example` domain, so no real company is shown with invented facts.
public struct DemoEcosystem: Sendable {
    public let seed: UInt64

    public init(seed: UInt64 = 2017) {
        self.seed = seed
    }

    /// The first `count` organisations; the same seed and count always give the same list.
    public func organisations(count: Int) -> [Organisation] {
        Array(stream(count: count))
    }

    /// The same organisations one at a time, for networks too large to hold as texts at once.
    public func stream(count: Int) -> some Sequence<Organisation> {
        var generator = SeededGenerator(seed: seed)
        var remaining = count
        var taken = DemoNames.Taken()
        return AnyIterator { () -> Organisation? in
            guard remaining > 0 else { return nil }
            remaining -= 1
            return self.organisation(taken: &taken, using: &generator)
        }
    }

    // The big metropolitan hubs hold more of the ecosystem.
    static let hubWeights: [String: Double] = [
        "berlin": 16, "munich": 12, "hamburg": 10, "frankfurt-darmstadt": 10, "cologne": 8, "stuttgart": 8,
        "dresden-leipzig": 8, "karlsruhe": 6, "dortmund": 6, "nuremberg-erlangen": 6, "ludwigshafen-mannheim": 5,
        "potsdam": 5,
    ]
    static let kindWeights: [(OrganisationKind, Double)] = [
        (.startup, 42), (.mittelstand, 20), (.corporate, 8), (.research, 13), (.investor, 9), (.public, 8),
    ]

    private func organisation(taken: inout DemoNames.Taken, using generator: inout SeededGenerator) -> Organisation {
        let hubs = Network.hubs
        let hub = hubs.element(weightedBy: hubs.map { Self.hubWeights[$0.slug] ?? 5 }, using: &generator)
        let kind = Self.kindWeights.map(\.0).element(weightedBy: Self.kindWeights.map(\.1), using: &generator)
        // Three in four organisations work on their hub's focus; the rest bring other strengths.
        let focus: FocusArea
        if Double.random(in: 0..<1, using: &generator) < 0.75 {
            focus = hub.focus.randomElement(using: &generator)!
        } else {
            let other = Taxonomy.focusAreas.randomElement(using: &generator)!.slug
            focus = hub.focus.first { $0.topicSlug == other } ?? FocusArea(other)
        }
        var topics = [focus.topicSlug]
        let technologies = Taxonomy.technologiesOfFocus[focus.topicSlug] ?? []
        for technology in technologies.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)) {
            topics.append(technology)
        }
        let city = hub.cities.first { $0.name.de == focus.city }
            ?? hub.cities.randomElement(using: &generator)!
        let name = DemoNames.uniqueName(for: kind, focus: focus.topicSlug, city: city, taken: &taken, using: &generator)
        let stage: FundingStage? = kind == .startup ? FundingStage.allCases.randomElement(using: &generator) : nil
        let texts = DemoTexts(
            name: name, kind: kind, city: city.name,
            focus: Taxonomy.topic(focus.topicSlug)!.label,
            technology: Taxonomy.topic(topics[1])!.label,
            stage: stage)
        return Organisation(
            id: Self.uuid(using: &generator),
            name: name, kind: kind, hubSlug: hub.slug, city: city.name.de, topicSlugs: topics,
            description: texts.description(variant: Int.random(in: 0..<3, using: &generator)),
            offers: texts.offers(variant: Int.random(in: 0..<3, using: &generator)),
            seeks: texts.seeks(variant: Int.random(in: 0..<3, using: &generator)),
            website: "https://\(DemoNames.domainLabel(name)).example",
            foundedYear: Self.foundedYear(kind, using: &generator),
            employees: Self.employees(kind, using: &generator),
            stage: stage)
    }

    private static func foundedYear(_ kind: OrganisationKind, using generator: inout SeededGenerator) -> Int {
        switch kind {
        case .startup: Int.random(in: 2009...2025, using: &generator)
        case .mittelstand: Int.random(in: 1890...2008, using: &generator)
        case .corporate: Int.random(in: 1850...1995, using: &generator)
        case .research: Int.random(in: 1950...2018, using: &generator)
        case .investor: Int.random(in: 1995...2022, using: &generator)
        case .public: Int.random(in: 1970...2018, using: &generator)
        }
    }

    private static func employees(_ kind: OrganisationKind, using generator: inout SeededGenerator) -> EmployeeBand {
        let bands: [EmployeeBand] = switch kind {
        case .startup: [.micro, .small]
        case .mittelstand: [.small, .medium, .large]
        case .corporate: [.enterprise]
        case .research: [.medium, .large]
        case .investor: [.micro, .small]
        case .public: [.small, .medium]
        }
        return bands.randomElement(using: &generator)!
    }

    /// A version-4 UUID from the generator, so the same seed gives the same ids.
    static func uuid(using generator: inout SeededGenerator) -> UUID {
        let (high, low) = (generator.next(), generator.next())
        var bytes = withUnsafeBytes(of: high.bigEndian) { Array($0) } + withUnsafeBytes(of: low.bigEndian) { Array($0) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40 // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
