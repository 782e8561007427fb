import Foundation

extension Organisation {
    public static let nameLength = 2...120
    public static let cityLength = 1...80
    public static let topicCount = 1...8
    public static let descriptionLimit = 2_000
    public static let offerLimit = 1_000

    /// Trims what a person typed and checks every rule; the field names are the API's.
    public func validated(currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date()))
        throws(ValidationFailure) -> Organisation
    {
        var organisation = self
        organisation.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        organisation.city = city.trimmingCharacters(in: .whitespacesAndNewlines)
        organisation.website = website?.trimmingCharacters(in: .whitespacesAndNewlines)
        if organisation.website?.isEmpty == true { organisation.website = nil }
        for keyPath in [\Organisation.description, \.offers, \.seeks] {
            organisation[keyPath: keyPath].de = organisation[keyPath: keyPath].de.trimmingCharacters(in: .whitespacesAndNewlines)
            organisation[keyPath: keyPath].en = organisation[keyPath: keyPath].en.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Order kept, repeats dropped: a repeated topic is a slip, not an error.
        organisation.topicSlugs = topicSlugs.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }

        var check = ProblemCollector()
        check.clean([("name", organisation.name, false), ("city", organisation.city, false),
                     ("website", organisation.website ?? "", false)]
                    + [("description", organisation.description), ("offers", organisation.offers), ("seeks", organisation.seeks)]
                        .flatMap { field, text in [(field, text.de, true), (field, text.en, true)] })
        check(Self.nameLength.contains(organisation.name.count), "name",
              de: "Der Name muss 2 bis 120 Zeichen lang sein.", en: "The name must be 2 to 120 characters long.")
        check(Network.hub(hubSlug) != nil, "hub",
              de: "Unbekannter Hub „\(hubSlug)“.", en: "Unknown hub '\(hubSlug)'.")
        check(Self.cityLength.contains(organisation.city.count), "city",
              de: "Die Stadt muss 1 bis 80 Zeichen lang sein.", en: "The city must be 1 to 80 characters long.")
        check.topics(organisation.topicSlugs)
        check(!organisation.description.isEmpty, "description",
              de: "Eine Beschreibung auf Deutsch oder Englisch fehlt.", en: "A description in German or English is missing.")
        for (field, text, limit) in [
            ("description", organisation.description, Self.descriptionLimit),
            ("offers", organisation.offers, Self.offerLimit), ("seeks", organisation.seeks, Self.offerLimit),
        ] {
            check(text.de.count <= limit && text.en.count <= limit, field,
                  de: "Höchstens \(limit) Zeichen je Sprache.", en: "At most \(limit) characters per language.")
        }
        if let website = organisation.website {
            let url = URL(string: website)
            check(["http", "https"].contains(url?.scheme?.lowercased()) && url?.host?.contains(".") == true, "website",
                  de: "Die Website muss eine http(s)-Adresse sein, z. B. https://beispiel.de.",
                  en: "The website must be an http(s) address, e.g. https://example.com.")
        }
        if let foundedYear {
            check((1800...currentYear).contains(foundedYear), "foundedYear",
                  de: "Das Gründungsjahr muss zwischen 1800 und \(currentYear) liegen.",
                  en: "The founding year must be between 1800 and \(currentYear).")
        }
        check(stage == nil || kind == .startup, "stage",
              de: "Eine Finanzierungsphase haben nur Startups.", en: "Only startups have a funding stage.")
        try check.throwIfAny()
        return organisation
    }
}

extension ProblemCollector {
    mutating func callAsFunction(_ condition: Bool, _ field: String, de: String, en: String) {
        check(condition, field, de: de, en: en)
    }

    /// Topics of a profile or a post: known to the taxonomy, one to eight of them.
    mutating func topics(_ slugs: [String]) {
        let unknown = slugs.filter { Taxonomy.topic($0) == nil }
        check(unknown.isEmpty, "topics",
              de: "Unbekannte Themen: \(unknown.joined(separator: ", ")).", en: "Unknown topics: \(unknown.joined(separator: ", ")).")
        check(Organisation.topicCount.contains(slugs.count), "topics", de: "Wählen Sie 1 bis 8 Themen.", en: "Choose 1 to 8 topics.")
    }
}
