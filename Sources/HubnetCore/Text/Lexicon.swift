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
    /// The phrases (positions in `phrases`) by each stem of their first word, so a query looks
    /// only at the phrases its words can begin.
    let phrasesByFirstStem: [String: [Int]]
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
        // In a fixed order (a dictionary's changes from process to process), so the same text
        // always names the same topic.
        for (slug, languages) in file.topics.sorted(by: { $0.key < $1.key }) {
            let list = LocalizedList(de: languages["de"] ?? [], en: languages["en"] ?? [])
            topicTerms[slug] = list
            for phrase in list.de + list.en {
                let words = TextAnalyzer.foldedWords(phrase).map { Set(TextAnalyzer.stems(of: $0)) }
                if !words.isEmpty { phrases.append(Phrase(topic: slug, words: words)) }
            }
        }
        // Longest first; among equals, the order of the file.
        self.phrases = phrases.enumerated().sorted { lhs, rhs in
            lhs.element.words.count != rhs.element.words.count ? lhs.element.words.count > rhs.element.words.count : lhs.offset < rhs.offset
        }.map(\.element)
        var byFirstStem: [String: [Int]] = [:]
        for (position, phrase) in self.phrases.enumerated() {
            for stem in phrase.words[0] { byFirstStem[stem, default: []].append(position) }
        }
        phrasesByFirstStem = byFirstStem
        self.topicTerms = topicTerms
    }

    /// Whether a folded word carries no meaning.
    public func ignores(_ folded: String) -> Bool { ignored.contains(folded) }

    /// The topics named in a sequence of folded words, with the positions of the words that
    /// name them; each word names at most one topic.
    func topics(in words: [String]) -> [(topic: String, range: Range<Int>)] {
        topics(inStems: words.map { Set(TextAnalyzer.stems(of: $0)) })
    }

    /// The same, for words already stemmed.
    func topics(inStems stems: [Set<String>]) -> [(topic: String, range: Range<Int>)] {
        let words = stems
        // Every phrase that fits somewhere, then the longest (and earliest in the file) first.
        var fits: [(phrase: Int, start: Int)] = []
        for start in words.indices {
            let candidates = Set(stems[start].flatMap { phrasesByFirstStem[$0] ?? [] })
            for candidate in candidates {
                let phrase = phrases[candidate]
                guard start + phrase.words.count <= words.count else { continue }
                if (0..<phrase.words.count).allSatisfy({ !stems[start + $0].isDisjoint(with: phrase.words[$0]) }) {
                    fits.append((candidate, start))
                }
            }
        }
        var taken = [Bool](repeating: false, count: words.count)
        var found: [(topic: String, range: Range<Int>)] = []
        for fit in fits.sorted(by: { ($0.phrase, $0.start) < ($1.phrase, $1.start) }) {
            let range = fit.start..<(fit.start + phrases[fit.phrase].words.count)
            guard !taken[range].contains(true) else { continue }
            found.append((phrases[fit.phrase].topic, range))
            for position in range { taken[position] = true }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
