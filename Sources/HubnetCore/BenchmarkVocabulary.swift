import Foundation

/// A vocabulary that looks like a real network's, for benchmarks: the demo texts use a few
/// hundred words, so every posting list is long and every query looks alike, while real
/// profiles use tens of thousands — product names, technical terms, places, people — most of
/// them rare. This one holds the lexicon's words and a generated long tail in both languages,
/// drawn with a Zipf-like spread (the word of rank r about 1/r as often as the first).
public struct BenchmarkVocabulary: Sendable {
    /// Most frequent first.
    public let words: [String]
    /// Cumulative weights, for drawing a rank by binary search.
    private let cumulative: [Double]

    public static let standardSize = 40_000

    public init(size: Int = standardSize, seed: UInt64 = 1, exponent: Double = 1.0) {
        var generator = SeededGenerator(seed: seed ^ 0xB0CAB)
        var seen = Set<String>()
        var words: [String] = []
        func add(_ word: String) {
            if word.count >= 3, seen.insert(word).inserted { words.append(word) }
        }
        // The words the network talks about come first, in a shuffled order.
        // (Sorted first: a dictionary's order changes from process to process.)
        for list in Lexicon.shared.topicTerms.sorted(by: { $0.key < $1.key }).map(\.value).shuffled(using: &generator) {
            for term in (list.de + list.en) { for word in term.split(separator: " ") { add(String(word)) } }
        }
        // Then the long tail: German compounds, English terms, product names, in turns.
        while words.count < size {
            switch words.count % 4 {
            case 0: add(Self.germanCompound(using: &generator))
            case 1: add(Self.englishTerm(using: &generator))
            case 2: add(Self.productName(using: &generator))
            default: add(Self.pseudoWord(syllables: Int.random(in: 2...4, using: &generator), using: &generator))
            }
        }
        self.words = words
        var total = 0.0
        cumulative = (1...words.count).map { rank in
            total += 1 / pow(Double(rank), exponent)
            return total
        }
    }

    /// A word drawn by frequency.
    public func draw(using generator: inout SeededGenerator) -> String {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return words[low]
    }

    /// A sentence of drawn words.
    public func sentence(words count: Int, using generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in draw(using: &generator) }.joined(separator: " ")
    }

    /// The organisation with a paragraph of drawn words added to each language of its
    /// description and a few to its offers and needs, as a real profile's own terms would be.
    public func enrich(_ organisation: Organisation, using generator: inout SeededGenerator) -> Organisation {
        var enriched = organisation
        enriched.description.de += " " + sentence(words: Int.random(in: 12...30, using: &generator), using: &generator)
        enriched.description.en += " " + sentence(words: Int.random(in: 12...30, using: &generator), using: &generator)
        enriched.offers.de += " " + sentence(words: Int.random(in: 2...6, using: &generator), using: &generator)
        enriched.seeks.en += " " + sentence(words: Int.random(in: 2...6, using: &generator), using: &generator)
        return enriched
    }

    // MARK: Making words

    static let germanHeads = ["Daten", "Lager", "Hafen", "Kühl", "Fracht", "Strom", "Wärme", "Wasser", "Zell", "Bild", "Sprach",
                              "Netz", "Flotten", "Bau", "Stahl", "Glas", "Licht", "Funk", "Mess", "Prüf", "Steuer", "Kunden",
                              "Ersatz", "Schiffs", "Bahn", "Luft", "Boden", "Pflanzen", "Tier", "Werk", "Roh", "Klima"]
    static let germanTails = ["technik", "steuerung", "plattform", "analyse", "logistik", "sensorik", "planung", "prüfung",
                              "verwaltung", "überwachung", "optimierung", "erkennung", "speicher", "anlage", "kette", "modul",
                              "system", "dienst", "wartung", "fertigung", "versorgung", "sicherheit", "messung", "lösung"]
    static let englishStems = ["flux", "grid", "core", "wave", "sync", "vector", "pulse", "quant", "nano", "hydro", "cryo",
                               "thermo", "opti", "bio", "geo", "aero", "photo", "electro", "ferro", "micro", "macro", "neuro"]
    static let englishEndings = ["metry", "graphy", "ics", "tronics", "scope", "stat", "mesh", "link", "lytics", "matic",
                                 "logic", "sense", "forge", "stack", "ware", "lab", "net", "base", "flow", "track"]
    static let syllables = ["ka", "lo", "mi", "ra", "ne", "to", "vi", "sa", "do", "ri", "ba", "te", "ko", "lu", "fa", "ze",
                            "no", "pe", "xa", "qui", "bre", "stra", "gen", "tor", "lin", "mar", "ven", "dor", "sil", "tec"]

    static func pseudoWord(syllables count: Int, using generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in syllables.randomElement(using: &generator)! }.joined()
    }

    static func germanCompound(using generator: inout SeededGenerator) -> String {
        let head = Bool.random(using: &generator) ? germanHeads.randomElement(using: &generator)!
            : pseudoWord(syllables: 2, using: &generator).capitalized
        return head + germanTails.randomElement(using: &generator)! + (Int.random(in: 0..<3, using: &generator) == 0 ? "en" : "")
    }

    static func englishTerm(using generator: inout SeededGenerator) -> String {
        let stem = Bool.random(using: &generator) ? englishStems.randomElement(using: &generator)! : pseudoWord(syllables: 2, using: &generator)
        return stem + englishEndings.randomElement(using: &generator)!
    }

    static func productName(using generator: inout SeededGenerator) -> String {
        pseudoWord(syllables: Int.random(in: 2...3, using: &generator), using: &generator).capitalized + String(Int.random(in: 1...99, using: &generator))
    }
}
