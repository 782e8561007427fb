import Foundation

/// The one text analysis of Hubnet: the directory and matchmaking both use it, so a word finds
/// the same organisations in both.
///
/// A text becomes words (runs of letters and digits), each folded (case, diacritics, ß as ss:
/// "München" meets "Munchen"). Words that never carry meaning — function words of both
/// languages and the filler of requests ("suchen", "bieten", "looking") — are dropped. Each
/// remaining word becomes its terms: its German and its English Snowball stem ("Versicherungen"
/// and "Versicherung" meet, so do "insurers" and "insurer"), then the stems of the parts of a
/// German compound ("Versicherungstechnik" also yields "versicher" and "technik"). Topics named
/// in a text, in either language and by any of their synonyms (`Lexicon`), become one more
/// term each, `#slug`, which every organisation of that topic carries.
public enum TextAnalyzer {
    /// A word as it was written and as it is compared.
    public struct Word: Hashable, Sendable {
        public let surface: String
        public let folded: String
    }

    // MARK: Words

    /// The words of a text in order, with their folded form; nothing dropped.
    public static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let surface = String(current)
            words.append(Word(surface: surface, folded: fold(surface)))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isWordPart(scalar) { current.append(scalar) } else { flush() }
        }
        flush()
        return words
    }

    /// The folded words of a text, nothing dropped.
    public static func foldedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        // ASCII, most of every text here, is decided by byte; other scalars ask Unicode.
        for scalar in fold(text).unicodeScalars {
            if isWordPart(scalar) {
                if scalar.value < 0x80 { current.append(UInt8(scalar.value)) } else { current.append(contentsOf: String(scalar).utf8) }
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether a folded word can score: not a function or filler word, and two characters or
    /// more unless it is a number ("KI", "AI" and "5G" count; "a" does not).
    public static func isMeaningful(_ folded: String, lexicon: Lexicon = .shared) -> Bool {
        (folded.utf8.count >= 2 || folded.first?.isNumber == true) && !lexicon.ignores(folded)
    }

    // MARK: Terms

    /// The terms of every meaningful word of a text, in order (a word's terms together).
    public static func terms(_ text: String) -> [String] {
        foldedWords(text).flatMap { terms(ofWord: $0) }
    }

    /// A folded word's terms: its stems, then the stems of its compound parts; none for a
    /// word without meaning.
    public static func terms(ofWord folded: String, lexicon: Lexicon = .shared) -> [String] {
        guard isMeaningful(folded, lexicon: lexicon) else { return [] }
        var terms = stems(of: folded)
        for part in compoundParts(folded) where !terms.contains(part) { terms.append(part) }
        return terms
    }

    /// The German and the English Snowball stem of a folded word, once each. Short words,
    /// numbers and words of other scripts are their own stem.
    public static func stems(of folded: String) -> [String] {
        guard folded.utf8.count > 3, folded.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [folded] }
        let german = GermanStemmer.stem(folded)
        let english = EnglishStemmer.stem(folded)
        return german == english ? [german] : [german, english]
    }

    /// The term every organisation of a topic carries, and that a query naming the topic asks for.
    public static func topicTerm(_ slug: String) -> String { "#" + slug }

    // MARK: Queries

    /// A query as Hubnet understands it: its meaningful words and the topics it names.
    public struct Query: Sendable {
        /// One thing asked for: a word, or a phrase that names a topic.
        public struct Part: Sendable {
            /// As the person wrote it.
            public let surface: String
            /// For a word: its terms. For a topic phrase: `#slug`, then its words' terms.
            public let terms: [String]
            /// The topic a phrase names.
            public let topic: String?
            /// What a profile must have to answer, as alternatives (any one will do), each a
            /// list of slots that must all be filled by one of their terms: a word's stem; all
            /// parts of a compound; the topic; all words of the phrase that names it.
            public let alternatives: [[[String]]]
        }

        public let parts: [Part]

        /// Topic slugs named, in order of appearance.
        public var topics: [String] { parts.compactMap(\.topic) }
    }

    public static func query(_ text: String, lexicon: Lexicon = .shared) -> Query {
        let words = words(text)
        let folded = words.map(\.folded)
        // Each word is stemmed and split once; the lexicon reads the stems of every word, the
        // parts only of the meaningful ones.
        let wordStems = folded.map { stems(of: $0) }
        let pieces = folded.map { isMeaningful($0, lexicon: lexicon) ? compoundParts($0) : [] }
        func terms(at position: Int) -> [String] {
            guard isMeaningful(folded[position], lexicon: lexicon) else { return [] }
            var terms = wordStems[position]
            for part in pieces[position] where !terms.contains(part) { terms.append(part) }
            return terms
        }
        var parts: [Query.Part] = []
        let named = lexicon.topics(inStems: wordStems.map { Set($0) })
        var position = 0
        func addWords(upTo end: Int) {
            while position < end {
                let terms = terms(at: position)
                if !terms.isEmpty {
                    let split = pieces[position]
                    let alternatives = wordStems[position].map { [[$0]] } + (split.isEmpty ? [] : [split.map { [$0] }])
                    appendPart(words[position].surface, terms, nil, alternatives)
                }
                position += 1
            }
        }
        func appendPart(_ surface: String, _ terms: [String], _ topic: String?, _ alternatives: [[[String]]]) {
            parts.append(.init(surface: surface, terms: terms, topic: topic, alternatives: alternatives))
        }
        for (topic, range) in named {
            addWords(upTo: range.lowerBound)
            let phraseWords = range.map { terms(at: $0) }.filter { !$0.isEmpty }
            let surface = words[range].map(\.surface).joined(separator: " ")
            var alternatives = [[[topicTerm(topic)]]]
            if !phraseWords.isEmpty { alternatives.append(phraseWords) }
            appendPart(surface, [topicTerm(topic)] + phraseWords.joined(), topic, alternatives)
            position = range.upperBound
        }
        addWords(upTo: words.count)
        return Query(parts: parts)
    }

    // MARK: Compounds

    /// The known parts of a long German compound, stemmed; empty when it is not one. Only
    /// splits into words the network talks about (`compoundWords` and every word of the
    /// lexicon's topics), so "Bauunternehmen" is not cut into nonsense.
    public static func compoundParts(_ word: String) -> [String] {
        let letters = Array(word.utf8)
        guard letters.count >= 8, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        // The longest known head first; a linking "s" ("Versicherungs-") may follow it.
        for split in stride(from: letters.count - 3, through: 3, by: -1) {
            let head = String(decoding: letters[..<split], as: UTF8.self)
            guard compoundWords.contains(head) else { continue }
            var tailStart = split
            if letters[split] == 0x73, !compoundWords.contains(String(decoding: letters[split...], as: UTF8.self)) { tailStart += 1 }
            guard tailStart < letters.count else { continue }
            let tail = String(decoding: letters[tailStart...], as: UTF8.self)
            if compoundWords.contains(tail) || compoundWords.contains(GermanStemmer.stem(tail)) {
                return [GermanStemmer.stem(head), GermanStemmer.stem(tail)]
            }
            let rest = compoundParts(tail)
            if !rest.isEmpty { return [GermanStemmer.stem(head)] + rest }
        }
        return []
    }

    /// Words German compounds of the network's fields are made of, folded: a list of common
    /// parts, and every single word of the lexicon's topics.
    static let compoundWords: Set<String> = {
        var words: Set<String> = [
            "daten", "logistik", "versicherung", "technik", "technologie", "medizin", "energie", "netz", "netze", "fahrzeug",
            "fahrzeuge", "sicherheit", "produktion", "plattform", "software", "sensor", "sensoren", "robotik", "roboter",
            "chemie", "material", "materialien", "kette", "ketten", "liefer", "zahlung", "zahlungs", "verkehr", "bildung",
            "gesundheit", "industrie", "handel", "bank", "cloud", "analyse", "lager", "transport", "hafen", "auto", "strom",
            "speicher", "batterie", "druck", "wasserstoff", "maschine", "maschinen", "anlage", "anlagen", "kunde", "kunden",
            "service", "dienst", "dienste", "markt", "wirtschaft", "forschung", "entwicklung", "innovation", "system",
            "systeme", "losung", "losungen", "fabrik", "automatisierung", "mobilitat", "medien", "spiel", "spiele",
            "finanz", "finanzen", "cyber", "intelligenz", "lernen", "netzwerk", "prozess", "prozesse", "qualitat",
            "wartung", "steuerung", "bild", "sprach", "sprache", "verarbeitung", "erkennung", "flotte", "flotten",
            "fertigung", "werkstoff", "werkstoffe", "labor", "pilot", "projekt", "projekte", "start", "kapital", "wagnis",
            "risiko", "schaden", "schadens", "vertrag", "vertrags", "kraft", "werk", "werke", "wasser", "umwelt", "klima",
            "gebaude", "stadt", "smart", "digital", "online", "mobil", "bahn", "luft", "fahrt", "schiff", "schiffs",
            "paket", "pakete", "zustellung", "lieferung", "sendung", "sendungen", "bezahl", "geld", "versicherer",
            "zoll", "abwicklung", "lebensmittel", "handwerk", "kuhl", "container", "drohne", "drohnen", "lkw", "fracht",
        ]
        for list in Lexicon.shared.topicTerms.values {
            for term in list.de + list.en { words.formUnion(foldedWords(term).filter { $0.count >= 3 }) }
        }
        return words
    }()

    // MARK: Folding

    /// Case and diacritic folding as used for both indexing and queries. Latin letters use a
    /// table made once with Foundation's folding, which is too slow to call per word when a
    /// directory of 100,000 organisations is indexed; other scripts are lower-cased.
    public static func fold(_ text: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
            } else if value <= 0x52F, let replacement = latinFolding[value] {
                folded.append(contentsOf: replacement.utf8)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Latin, Greek and Cyrillic letters: "Ä" → "a", "ß" → "ss", "Ł" → "l", "έ" → "ε".
    private static let latinFolding: [UInt32: String] = {
        // Letters without a decomposition, which Foundation's folding leaves alone.
        var table: [UInt32: String] = [0xC6: "ae", 0xE6: "ae", 0xD8: "o", 0xF8: "o", 0x141: "l", 0x142: "l",
                                       0x110: "d", 0x111: "d", 0x152: "oe", 0x153: "oe", 0xDE: "th", 0xFE: "th"]
        for value in UInt32(0xC0)...0x52F where table[value] == nil {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .nonspacingMark else { continue }
            let text = String(scalar) == "ß" ? "ss" : String(scalar)
            table[value] = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .replacingOccurrences(of: "ß", with: "ss")
        }
        return table
    }()
}
