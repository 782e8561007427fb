/// The topic taxonomy shared by the whole network: every focus the article names, plus the
/// technologies organisations describe themselves with. Order is the display order.
public enum Taxonomy {
    public static let topics: [Topic] = focusAreas + technologies

    public static let focusAreas: [Topic] = [
        Topic(slug: "internet-of-things", label: .init(de: "Internet der Dinge", en: "Internet of Things"), group: .focus),
        Topic(slug: "fintech", label: .init("FinTech"), group: .focus),
        Topic(slug: "cyber-security", label: .init(de: "Cyber-Sicherheit", en: "Cyber Security"), group: .focus),
        Topic(slug: "logistics", label: .init(de: "Logistik", en: "Logistics"), group: .focus),
        Topic(slug: "mobility", label: .init(de: "Mobilität", en: "Mobility"), group: .focus),
        Topic(slug: "artificial-intelligence", label: .init(de: "Künstliche Intelligenz", en: "Artificial Intelligence"), group: .focus),
        Topic(slug: "insurtech", label: .init(de: "InsurTech (Versicherungstechnik)", en: "InsurTech"), group: .focus),
        Topic(slug: "media", label: .init(de: "Medien", en: "Media"), group: .focus),
        Topic(slug: "future-industries", label: .init("Future Industries"), group: .focus),
        Topic(slug: "smart-systems", label: .init(de: "Intelligente Systeme", en: "Smart Systems"), group: .focus),
        Topic(slug: "energy", label: .init(de: "Energie", en: "Energy"), group: .focus),
        Topic(slug: "chemistry", label: .init(de: "Chemie", en: "Chemistry"), group: .focus),
        Topic(slug: "health", label: .init(de: "Gesundheit", en: "Health"), group: .focus),
    ]

    public static let technologies: [Topic] = [
        Topic(slug: "machine-learning", label: .init(de: "Maschinelles Lernen", en: "Machine Learning"), group: .technology),
        Topic(slug: "robotics", label: .init(de: "Robotik", en: "Robotics"), group: .technology),
        Topic(slug: "3d-printing", label: .init(de: "3D-Druck", en: "3D Printing"), group: .technology),
        Topic(slug: "virtual-reality", label: .init(de: "Virtuelle Realität", en: "Virtual Reality"), group: .technology),
        Topic(slug: "blockchain", label: .init("Blockchain"), group: .technology),
        Topic(slug: "cloud-computing", label: .init("Cloud Computing"), group: .technology),
        Topic(slug: "big-data", label: .init(de: "Big Data & Analytics", en: "Big Data & Analytics"), group: .technology),
        Topic(slug: "autonomous-driving", label: .init(de: "Autonomes Fahren", en: "Autonomous Driving"), group: .technology),
        Topic(slug: "e-commerce", label: .init(de: "E-Commerce", en: "E-Commerce"), group: .technology),
        Topic(slug: "industry-4-0", label: .init(de: "Industrie 4.0", en: "Industry 4.0"), group: .technology),
        Topic(slug: "medtech", label: .init(de: "Medizintechnik", en: "Medical Technology"), group: .technology),
        Topic(slug: "biotech", label: .init(de: "Biotechnologie", en: "Biotechnology"), group: .technology),
        Topic(slug: "new-materials", label: .init(de: "Neue Materialien", en: "New Materials"), group: .technology),
        Topic(slug: "smart-grid", label: .init(de: "Intelligente Netze", en: "Smart Grids"), group: .technology),
        Topic(slug: "supply-chain", label: .init(de: "Lieferketten", en: "Supply Chain"), group: .technology),
        Topic(slug: "payments", label: .init(de: "Zahlungsverkehr", en: "Payments"), group: .technology),
        Topic(slug: "gaming", label: .init(de: "Games", en: "Gaming"), group: .technology),
        Topic(slug: "edtech", label: .init(de: "Bildungstechnologie", en: "EdTech"), group: .technology),
        Topic(slug: "sensors", label: .init(de: "Sensorik", en: "Sensors"), group: .technology),
        Topic(slug: "5g-networks", label: .init(de: "5G & Netze", en: "5G & Networks"), group: .technology),
        Topic(slug: "digital-health", label: .init(de: "Digitale Gesundheit", en: "Digital Health"), group: .technology),
        Topic(slug: "software", label: .init(de: "Software-Entwicklung", en: "Software Development"), group: .technology),
    ]

    /// Technologies that go with each focus area: what matching counts as related topics.
    public static let technologiesOfFocus: [String: [String]] = [
        "internet-of-things": ["sensors", "5g-networks", "cloud-computing", "industry-4-0"],
        "fintech": ["payments", "blockchain", "big-data", "software"],
        "cyber-security": ["cloud-computing", "software", "machine-learning", "5g-networks"],
        "logistics": ["supply-chain", "robotics", "sensors", "e-commerce"],
        "mobility": ["autonomous-driving", "sensors", "machine-learning", "5g-networks"],
        "artificial-intelligence": ["machine-learning", "robotics", "big-data", "software"],
        "insurtech": ["big-data", "machine-learning", "software", "payments"],
        "media": ["virtual-reality", "gaming", "e-commerce", "software", "edtech"],
        "future-industries": ["industry-4-0", "3d-printing", "robotics", "new-materials"],
        "smart-systems": ["sensors", "industry-4-0", "machine-learning", "5g-networks"],
        "energy": ["smart-grid", "sensors", "big-data", "new-materials"],
        "chemistry": ["new-materials", "biotech", "3d-printing", "industry-4-0"],
        "health": ["medtech", "digital-health", "biotech", "machine-learning"],
    ]

    /// Topics next to this one in the taxonomy: a focus area's technologies, a technology's
    /// focus areas. Matching gives partial credit for them.
    public static func related(_ slug: String) -> Set<String> {
        relatedBySlug[slug] ?? []
    }

    private static let relatedBySlug: [String: Set<String>] = technologiesOfFocus.reduce(into: [:]) { related, entry in
        for technology in entry.value {
            related[entry.key, default: []].insert(technology)
            related[technology, default: []].insert(entry.key)
        }
    }

    private static let bySlug: [String: Topic] = Dictionary(uniqueKeysWithValues: topics.map { ($0.slug, $0) })

    public static func topic(_ slug: String) -> Topic? { bySlug[slug] }

    private static let indexBySlug: [String: Int] = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.slug, $0) })

    /// The position of a topic in the taxonomy; the match index keeps topics as bits.
    static func index(of slug: String) -> Int? { indexBySlug[slug] }

    /// Topics as bits, one per position in the taxonomy (35 topics fit a UInt64); unknown slugs are left out.
    static func mask(_ slugs: some Sequence<String>) -> UInt64 {
        slugs.compactMap(index(of:)).reduce(0) { $0 | (1 << UInt64($1)) }
    }
}
