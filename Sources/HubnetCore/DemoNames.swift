import Foundation

/// Invented organisation names for the demo network.
enum DemoNames {
    static let startupStems = [
        "Nordlicht", "Quantiq", "Fluxa", "Bytewerk", "Helion", "Lumeo", "Vektora", "Kairon", "Sonaro", "Nexaro",
        "Polaris", "Tesselo", "Orbito", "Kobaltis", "Mirado", "Velaro", "Cirrano", "Datumo", "Ferrix", "Glimmo",
        "Korvu", "Linara", "Modulo", "Nuvio", "Okulo", "Pixano", "Qubiq", "Rivvo", "Synapsa", "Trilo",
    ]
    static let startupEndings: [String: [String]] = [
        "internet-of-things": ["Connect", "Sense", "Things"], "fintech": ["Pay", "Finance", "Ledger"],
        "cyber-security": ["Secure", "Shield", "Guard"], "logistics": ["Freight", "Cargo", "Route"],
        "mobility": ["Mobility", "Drive", "Motion"], "artificial-intelligence": ["AI", "Mind", "Cognition"],
        "insurtech": ["Cover", "Insure", "Risk"], "media": ["Media", "Studio", "Stories"],
        "future-industries": ["Fabrics", "Works", "Factory"], "smart-systems": ["Systems", "Smart", "Embedded"],
        "energy": ["Energy", "Grid", "Power"], "chemistry": ["Materials", "Chem", "Molecules"],
        "health": ["Health", "Care", "Med"],
    ]
    static let familyNames = [
        "Hoffmann", "Brandt", "Krüger", "Lehmann", "Vogt", "Seidel", "Albrecht", "Kessler", "Wendt", "Haas",
        "Franke", "Ritter", "Brenner", "Gerlach", "Hartwig", "Lindner", "Marquardt", "Nowak", "Pohl", "Reuter",
    ]
    static let trades: [String: [String]] = [
        "internet-of-things": ["Gerätebau", "Elektrotechnik"], "fintech": ["Finanzdienste", "Treuhand"],
        "cyber-security": ["Sicherheitstechnik", "IT-Systeme"], "logistics": ["Spedition", "Logistik"],
        "mobility": ["Fahrzeugtechnik", "Antriebstechnik"], "artificial-intelligence": ["Automatisierung", "Steuerungstechnik"],
        "insurtech": ["Versicherungsmakler", "Assekuranz"], "media": ["Verlag", "Medienhaus"],
        "future-industries": ["Maschinenbau", "Präzisionstechnik"], "smart-systems": ["Mikrosysteme", "Elektronik"],
        "energy": ["Energietechnik", "Anlagenbau"], "chemistry": ["Kunststofftechnik", "Spezialchemie"],
        "health": ["Medizintechnik", "Labortechnik"],
    ]
    static let regionalWords = [
        "Elbtal", "Mainfels", "Isargrund", "Spreebogen", "Ruhrstein", "Saalau", "Weserbogen", "Havelland",
        "Rheinhafen", "Neckartal", "Pegnitz", "Lahnfeld", "Mosella", "Fuldaer", "Altmühl", "Werratal",
    ]
    static let corporateSectors: [String: [String]] = [
        "internet-of-things": ["Elektro AG", "Technologie SE"], "fintech": ["Bank AG", "Finanzgruppe AG"],
        "cyber-security": ["Telekommunikation AG", "Systemhaus SE"], "logistics": ["Logistik AG", "Verkehrsgruppe SE"],
        "mobility": ["Fahrzeugwerke AG", "Mobilitätsgruppe SE"], "artificial-intelligence": ["Industriegruppe AG", "Technologie AG"],
        "insurtech": ["Versicherung AG", "Rückversicherung SE"], "media": ["Mediengruppe AG", "Rundfunk AG"],
        "future-industries": ["Maschinenfabrik AG", "Industrie SE"], "smart-systems": ["Halbleiter AG", "Elektronik SE"],
        "energy": ["Energie AG", "Stadtwerke-Verbund AG"], "chemistry": ["Chemie AG", "Werkstoffe SE"],
        "health": ["Pharma AG", "Medizintechnik SE"],
    ]
    static let investorWords = ["Ventures", "Capital", "Partners", "Seed Fonds", "Invest", "Growth Partners", "Beteiligungen",
                                "Kapital", "Angels", "Venture Fonds"]
    /// What an institute works on, per focus: a field of research, not the taxonomy's label.
    static let researchFields: [String: [String]] = [
        "internet-of-things": ["Vernetzte Systeme", "Eingebettete Systeme"], "fintech": ["Finanzinformatik", "Digitale Finanzen"],
        "cyber-security": ["IT-Sicherheit", "Kryptographie"], "logistics": ["Materialfluss und Logistik", "Verkehrslogistik"],
        "mobility": ["Verkehrsforschung", "Fahrzeugsysteme"], "artificial-intelligence": ["Lernende Systeme", "Maschinelle Intelligenz"],
        "insurtech": ["Versicherungsinformatik", "Risikoforschung"], "media": ["Medieninformatik", "Digitale Medien"],
        "future-industries": ["Produktionstechnik", "Industrielle Automation"], "smart-systems": ["Mikrosystemtechnik", "Smarte Sensorik"],
        "energy": ["Energiesysteme", "Netzintegration"], "chemistry": ["Werkstoffchemie", "Polymerforschung"],
        "health": ["Medizininformatik", "Digitale Medizin"],
    ]
    static let researchBodies = ["Institut für", "Forschungszentrum", "Transferzentrum", "Kompetenzzentrum", "Labor für"]
    static let publicBodies = ["Innovationsagentur", "Transferstelle", "Gründungsnetzwerk", "Digitalbüro"]

    /// A name no organisation drawn before has: a few fresh draws, then the city added, then a
    /// number, so that even a benchmark network of a million stays unambiguous.
    static func uniqueName(for kind: OrganisationKind, focus: String, city: City, taken: inout Taken,
                           using generator: inout SeededGenerator) -> String {
        var name = self.name(for: kind, focus: focus, city: city, using: &generator)
        for _ in 0..<6 where taken.names.contains(name) {
            name = self.name(for: kind, focus: focus, city: city, using: &generator)
        }
        if taken.names.contains(name), !name.contains(city.name.de) { name += " \(city.name.de)" }
        let base = name
        while taken.names.contains(name) {
            // Each base remembers its next number, so a million names cost no search.
            let number = taken.nextNumber[base, default: 2]
            taken.nextNumber[base] = number + 1
            name = "\(base) \(number)"
        }
        taken.names.insert(name)
        return name
    }

    /// The names drawn so far, and per name the next number to add to it.
    struct Taken {
        var names: Set<String> = []
        var nextNumber: [String: Int] = [:]
    }

    static func name(for kind: OrganisationKind, focus: String, city: City, using generator: inout SeededGenerator) -> String {
        switch kind {
        case .startup:
            return "\(startupStems.randomElement(using: &generator)!) \(startupEndings[focus]!.randomElement(using: &generator)!)"
        case .mittelstand:
            let legalForm = ["GmbH", "GmbH & Co. KG", "KG"].randomElement(using: &generator)!
            return "\(familyNames.randomElement(using: &generator)!) \(trades[focus]!.randomElement(using: &generator)!) \(legalForm)"
        case .corporate:
            return "\(regionalWords.randomElement(using: &generator)!) \(corporateSectors[focus]!.randomElement(using: &generator)!)"
        case .research:
            let field = researchFields[focus]!.randomElement(using: &generator)!
            return "\(researchBodies.randomElement(using: &generator)!) \(field) \(city.name.de)"
        case .investor:
            return "\(regionalWords.randomElement(using: &generator)!) \(investorWords.randomElement(using: &generator)!)"
        case .public:
            return "\(publicBodies.randomElement(using: &generator)!) \(regionalWords.randomElement(using: &generator)!) \(city.name.de)"
        }
    }

    /// A host name label made of the name's letters, e.g. "nordlicht-pay".
    static func domainLabel(_ name: String) -> String {
        let folded = TextAnalyzer.fold(name)
        let words = folded.split { !$0.isLetter && !$0.isNumber }
        return words.prefix(3).joined(separator: "-")
    }
}
