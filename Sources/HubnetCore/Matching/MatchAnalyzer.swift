/// Turns German and English text into the terms the match index stores: the directory's
/// folding (case, diacritics, ß), then a light stemmer for both languages, then the parts of
/// German compounds the network talks about ("Versicherungstechnik" also yields "versicherung"
/// and "technik"), so that a query in either form finds the other.
public enum MatchAnalyzer {
    /// Terms in text order; a compound is followed by its parts.
    public static func terms(_ text: String) -> [String] {
        TextAnalyzer.terms(text).flatMap(terms(ofWord:))
    }

    /// Pairs of (folded word, term) for explaining which words of a query matched.
    public static func termsWithWords(_ text: String) -> [(word: String, term: String)] {
        TextAnalyzer.terms(text).flatMap { word in terms(ofWord: word).map { (word, $0) } }
    }

    /// A folded word's terms: its stem, then the stems of its compound parts.
    public static func terms(ofWord word: String) -> [String] {
        [stem(word)] + compoundParts(word)
    }

    /// English plural and verb endings, then German inflections (after Savoy's light German
    /// stemmer, as in Lucene), then "-ik" spelled "-ic" so "Robotik" and "robotics" meet.
    /// Words are already folded: "ä" is "a", "ß" is "ss".
    public static func stem(_ word: String) -> String {
        var s = Array(word.utf8)
        guard s.count > 3, s.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let suffix = Array(suffix.utf8)
            return s.count > suffix.count && Array(s.suffix(suffix.count)) == suffix
        }
        // English
        if s.count > 4, ends("ies") { s.removeLast(3); s.append(0x79) } // companies → company
        else if s.count > 5, ends("ing") { s.removeLast(3) }
        else if s.count > 4, ends("ed"), !ends("eed") { s.removeLast(2) }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is") { s.removeLast() }
        // German
        let validSEnding: Set<UInt8> = Set("bdfghklmnrt".utf8)
        if s.count > 5, ends("ern") { s.removeLast(3) }
        else if s.count > 4, ends("em") || ends("en") || ends("er") || ends("es") { s.removeLast(2) }
        else if s.count > 3, ends("e") { s.removeLast() }
        else if s.count > 3, ends("s"), validSEnding.contains(s[s.count - 2]) { s.removeLast() }
        if s.count > 5, ends("est") { s.removeLast(3) }
        else if s.count > 4, ends("er") || ends("en") { s.removeLast(2) }
        if s.count > 4, ends("ik") { s[s.count - 1] = 0x63 }
        return String(decoding: s, as: UTF8.self)
    }

    /// The known parts of a long German compound, stemmed; empty when it is not one.
    /// Only splits into words of the lexicon, so "Bauunternehmen" is not cut into nonsense.
    public static func compoundParts(_ word: String) -> [String] {
        let letters = Array(word.utf8)
        guard letters.count >= 9 else { return [] }
        // The longest known head first; a linking "s" ("Versicherungs-") may follow it.
        for split in stride(from: letters.count - 4, through: 4, by: -1) {
            let head = String(decoding: letters[..<split], as: UTF8.self)
            guard lexicon.contains(head) else { continue }
            var tailStart = split
            if letters[split] == 0x73, !lexicon.contains(String(decoding: letters[split...], as: UTF8.self)) { tailStart += 1 }
            let tail = String(decoding: letters[tailStart...], as: UTF8.self)
            if lexicon.contains(tail) || lexicon.contains(stem(tail)) {
                return [stem(head), stem(tail)]
            }
            let rest = compoundParts(tail)
            if !rest.isEmpty { return [stem(head)] + rest }
        }
        return []
    }

    /// Words that German compounds of the network's fields are made of, folded.
    static let lexicon: Set<String> = [
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
    ]
}
