import Foundation

/// How well a person's expertise fits a text, for putting jurors on applications.
///
/// A person is known by documents: their publications or own profile text, the profiles of the
/// organisations they act for. Each document and the text become vectors of the product's
/// terms (the same analysis as search) plus pairs of adjacent terms, weighted by log tf · idf
/// and normalised. The fit is the power mean (p = 3) of the cosines between the text and each
/// document: one closely fitting document counts for much, many distant ones for little.
/// Measured on a real reviewer gold standard by `hubnet eval affinity`.
public struct ExpertiseAffinity: Sendable {
    /// A document as sorted term ids and their weights, of length 1.
    public struct Vector: Sendable {
        let terms: [Int32]
        let weights: [Double]
        public var isEmpty: Bool { terms.isEmpty }
    }

    private var termIDs: [String: Int32] = [:]
    private var documentFrequency: [Int] = []
    private var documents = 0

    /// Counts how many documents hold each term; every document a vector is built for should
    /// be here, so that rare words weigh what they are worth.
    public init<Texts: Sequence>(corpus: Texts) where Texts.Element == String {
        for text in corpus {
            documents += 1
            for term in Set(Self.terms(text)) {
                if let id = termIDs[term] {
                    documentFrequency[Int(id)] += 1
                } else {
                    termIDs[term] = Int32(documentFrequency.count)
                    documentFrequency.append(1)
                }
            }
        }
    }

    /// The product's terms of each meaningful word and, for each two meaningful words in a
    /// row, the pair of their first stems: "neural network" says more than "neural" and
    /// "network" apart. A filler word or a line break ends a run.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var previous: String?
            for folded in TextAnalyzer.foldedWords(String(line)) {
                let own = TextAnalyzer.terms(ofWord: folded)
                guard let first = own.first else { previous = nil; continue }
                terms += own
                if let previous { terms.append(previous + "_" + first) }
                previous = first
            }
        }
        return terms
    }

    /// A text as a vector; terms the corpus never saw are left out.
    public func vector(_ text: String) -> Vector {
        var counts: [Int32: Int] = [:]
        for term in Self.terms(text) {
            if let id = termIDs[term] { counts[id, default: 0] += 1 }
        }
        let total = Double(max(documents, 1))
        var entries = counts.map { id, count in
            (id, (1 + log(Double(count))) * log(total / Double(documentFrequency[Int(id)])))
        }.filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let length = entries.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        if length > 0 { entries = entries.map { ($0.0, $0.1 / length) } }
        return Vector(terms: entries.map(\.0), weights: entries.map(\.1))
    }

    public static func cosine(_ a: Vector, _ b: Vector) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < a.terms.count, j < b.terms.count {
            if a.terms[i] == b.terms[j] {
                sum += a.weights[i] * b.weights[j]
                i += 1
                j += 1
            } else if a.terms[i] < b.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The fit of a person, known by these documents, to a text: 0 when nothing is shared.
    public static func affinity(profile: [Vector], text: Vector) -> Double {
        let documents = profile.filter { !$0.isEmpty }
        guard !documents.isEmpty, !text.isEmpty else { return 0 }
        let cubes = documents.reduce(0) { $0 + pow(max(0, cosine($1, text)), 3) }
        return pow(cubes / Double(documents.count), 1.0 / 3)
    }
}
