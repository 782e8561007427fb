import HubnetCore

/// A reproducible mix of directory searches as visitors make them: browsing by facets,
/// typing words (whole or begun), both together, on the first pages, in every sort order.
enum BenchQueries {
    static let words = [
        "logistik", "logistics", "robot", "künstliche intelligenz", "ai", "versicherung", "insurtech", "pilot",
        "startup", "energie", "smart", "health", "gesundheit", "chemie", "materials", "fintech", "payments",
        "cyber", "security", "mobility", "fahrzeug", "media", "studio", "berlin", "hamburg", "münchen", "karlsruhe",
        "sensor", "cloud", "industrie 4.0", "3d", "investor", "seed", "series", "forschung", "transfer", "plattform",
        "daten", "blockchain", "medizintechnik", "grid", "dresden", "leipzig", "köln", "nordlicht", "hoffmann",
    ]

    /// With a vocabulary, a third of the typed words come from it, drawn by frequency: the rare
    /// words of a real network are what people look for by name.
    static func make(count: Int, seed: UInt64, vocabulary: BenchmarkVocabulary? = nil) -> [DirectoryQuery] {
        var generator = SeededGenerator(seed: seed ^ 0x5EA2C4)
        return (0..<count).map { _ in
            var query = DirectoryQuery()
            let shape = Int.random(in: 0..<10, using: &generator)
            if shape >= 4 {
                if let vocabulary, Int.random(in: 0..<3, using: &generator) == 0 {
                    query.text = vocabulary.draw(using: &generator)
                } else {
                    query.text = words.randomElement(using: &generator)!
                }
                if Int.random(in: 0..<4, using: &generator) == 0 { query.text += " " + words.randomElement(using: &generator)! }
            }
            if shape < 4 || shape >= 8 {
                if Bool.random(using: &generator) { query.hubs = [Network.hubs.randomElement(using: &generator)!.slug] }
                if Bool.random(using: &generator) { query.kinds = [OrganisationKind.allCases.randomElement(using: &generator)!] }
                if Int.random(in: 0..<3, using: &generator) == 0 { query.topics = [Taxonomy.topics.randomElement(using: &generator)!.slug] }
            }
            query.sort = [nil, .name, .newest].randomElement(using: &generator)!
            query.page = [1, 1, 1, 2, 3].randomElement(using: &generator)!
            return query
        }
    }
}
