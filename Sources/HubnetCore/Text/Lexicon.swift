import Foundation

/// What Hubnet knows of the words people use: for each topic of the taxonomy its words and
/// phrases in German and English (labels, abbreviations, synonyms), and the words that never
/// carry meaning (function words, and the filler of requests: "suchen", "bieten", "looking").
/// Kept as data in `Resources/lexicon.json`, so a hub manager can extend it without code.
public struct Lexicon: Sendable {
    /// A topic's way of being named: the words of one phrase, each as the set of its terms.
    struct Phrase: Sendable {
        let topic: String
        let words: [Set<String>]
    }

    public struct File: Codable, Sendable {
        public var topics: [String: [String: [String]]]
        public var stopWords: [String: [String]]
        public var filler: [String: [String]]
    }

    /// Folded words that never score.
    let ignored: Set<String>
    /// Longest phrases first, so "künstliche Intelligenz" wins over a word of it.
    let phrases: [Phrase]
    /// The topic terms, per topic slug, in both languages, as typed in the file.
    public let topicTerms: [String: LocalizedList]

    public struct LocalizedList: Sendable {
        public let de: [String]
        public let en: [String]
    }

    /// The lexicon shipped with Hubnet.
    public static let shared: Lexicon = {
        guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else { fatalError("Resources/lexicon.json is missing or malformed") }
        return Lexicon(file)
    }()

    public init(_ file: File) {
        ignored = Set((Array(file.stopWords.values.joined()) + Array(file.filler.values.joined())).map(TextAnalyzer.fold))
        var phrases: [Phrase] = []
        var topicTerms: [String: LocalizedList] = [:]
        for (slug, languages) in file.topics {
            topicTerms[slug] = LocalizedList(de: languages["de"] ?? [], en: languages["en"] ?? [])
            for phrase in languages.values.joined() {
                let words = TextAnalyzer.foldedWords(phrase).map { Set(TextAnalyzer.stems(of: $0)) }
                if !words.isEmpty { phrases.append(Phrase(topic: slug, words: words)) }
            }
        }
        self.phrases = phrases.sorted { ($0.words.count, $1.topic) > ($1.words.count, $0.topic) }
        self.topicTerms = topicTerms
    }

    /// Whether a folded word carries no meaning.
    public func ignores(_ folded: String) -> Bool { ignored.contains(folded) }

    /// The topics named in a sequence of folded words, with the positions of the words that
    /// name them; each word names at most one topic.
    func topics(in words: [String]) -> [(topic: String, range: Range<Int>)] {
        let stems = words.map { Set(TextAnalyzer.stems(of: $0)) }
        var taken = [Bool](repeating: false, count: words.count)
        var found: [(topic: String, range: Range<Int>)] = []
        for phrase in phrases {
            let length = phrase.words.count
            guard length <= words.count else { continue }
            for start in 0...(words.count - length) where !taken[start..<(start + length)].contains(true) {
                let fits = (0..<length).allSatisfy { !stems[start + $0].isDisjoint(with: phrase.words[$0]) }
                if fits {
                    found.append((phrase.topic, start..<(start + length)))
                    for position in start..<(start + length) { taken[position] = true }
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
