import Foundation

/// Turns German and English text into search terms: lower case, diacritics folded
/// ("München" and "Munchen" meet), ß as ss, common function words of both languages dropped.
public enum TextAnalyzer {
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        // Words are runs of letters and digits. ASCII, most of every text here, is decided by
        // byte; other scalars ask Unicode, which is too slow to ask for every letter.
        let folded = fold(text)
        var scalars = folded.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            let value = scalar.value
            let isWordPart: Bool
            if value < 0x80 {
                isWordPart = (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
            } else {
                isWordPart = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordPart {
                if value < 0x80 { current.append(UInt8(value)) } else { current.append(contentsOf: String(scalar).utf8) }
            } else if !current.isEmpty {
                append(String(decoding: current, as: UTF8.self), to: &terms)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { append(String(decoding: current, as: UTF8.self), to: &terms) }
        return terms
    }

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

    private static func append(_ term: String, to terms: inout [String]) {
        guard term.utf8.count >= 2 || term.first?.isNumber == true, !stopWords.contains(term) else { return }
        terms.append(term)
    }

    static let stopWords: Set<String> = [
        "and", "the", "of", "for", "with", "to", "in", "on", "at", "by", "an", "or", "is", "are", "we", "our",
        "und", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "fur", "mit", "zu",
        "im", "am", "von", "auf", "ist", "sind", "wir", "unsere", "unser", "oder", "als", "bei", "aus",
    ]
}
