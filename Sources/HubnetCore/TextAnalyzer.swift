import Foundation

/// Turns German and English text into search terms: lower case, diacritics folded
/// ("München" and "Munchen" meet), ß as ss, common function words of both languages dropped.
public enum TextAnalyzer {
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        for scalar in fold(text).unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                append(current, to: &terms)
                current = ""
            }
        }
        if !current.isEmpty { append(current, to: &terms) }
        return terms
    }

    /// Case and diacritic folding as used for both indexing and queries.
    public static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func append(_ term: String, to terms: inout [String]) {
        guard term.count >= 2 || term.first?.isNumber == true, !stopWords.contains(term) else { return }
        terms.append(term)
    }

    static let stopWords: Set<String> = [
        "and", "the", "of", "for", "with", "to", "in", "on", "at", "by", "an", "or", "is", "are", "we", "our",
        "und", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "fur", "mit", "zu",
        "im", "am", "von", "auf", "ist", "sind", "wir", "unsere", "unser", "oder", "als", "bei", "aus",
    ]
}
