import Algorithms
import Foundation

extension MatchIndex {
    /// One part of a query: a term, the fields it is looked for in and how much it counts.
    struct Clause {
        let term: UInt32
        let word: String
        let fieldWeights: [Double]
        /// Looked for with the standard field weights, so its contribution is the stored impact.
        let standard: Bool
        let complement: Bool
        let weight: Double
        let inverseDocumentFrequency: Double
        /// How far these field weights exceed the standard ones, which the lists are sorted by.
        let stretch: Double
    }

    /// How a query's texts are looked for: free text everywhere; what is sought in others'
    /// offers, what is offered in others' needs.
    static let seekingFields: [Double] = [1.0, 0.6, 2.4, 0.2, 1.0]
    static let offeringFields: [Double] = [0.6, 0.4, 0.2, 2.0, 0.6]

    public func search(_ query: MatchQuery) -> MatchOutcome {
        let (clauses, words) = self.clauses(for: query)
        // Topics recognised in free text propose hubs; only topics asked for earn points.
        let topics = query.topics.isEmpty ? Self.recognisedTopics(in: Set(words.map(\.term))) : query.topics
        let rules = Rules(query: query, index: self)
        let limit = max(1, min(query.limit, 1_000))
        var top = TopResults(limit: limit, keys: idKeys)
        var scored = 0

        let askedWords = !words.isEmpty
        if clauses.isEmpty {
            // No known words: every document with a topic asked for (or next to one) is a
            // candidate; words that no document contains find nothing.
            var candidates = Set<UInt32>()
            let searchedTopics = askedWords ? query.topics : topics
            for slug in searchedTopics + searchedTopics.flatMap(Taxonomy.related) {
                if let topicIndex = Taxonomy.index(of: slug) { candidates.formUnion(topicMembers[topicIndex]) }
            }
            if !askedWords, topics.isEmpty { candidates = Set(slotOfID.values) }
            for slot in candidates where rules.admits(slot) {
                scored += 1
                top.offer(slot, score: rules.points(slot))
            }
        } else {
            // MaxScore: clauses by their best possible contribution, smallest first. A document
            // found only in the first `essential` lists cannot beat the results held, so only
            // the other lists propose documents; the first ones are looked up by skipping.
            let ordered = clauses.sorted { clauseBound($0) < clauseBound($1) }
            let lists = ordered.map { postings[Int($0.term)] }
            let bounds = ordered.map(clauseBound)
            var below = [0.0]
            for bound in bounds { below.append(below.last! + bound) }
            let bonusBound = rules.maximumPoints
            var cursors = [Int](repeating: 0, count: ordered.count)
            var essential = 0
            while true {
                var candidate = UInt32.max
                for c in essential..<lists.count where cursors[c] < lists[c].slots.count {
                    candidate = min(candidate, lists[c].slots[cursors[c]])
                }
                if candidate == .max { break }
                var score = 0.0
                for c in essential..<lists.count where cursors[c] < lists[c].slots.count && lists[c].slots[cursors[c]] == candidate {
                    score += contribution(ordered[c], lists[c].impacts[cursors[c]], slot: candidate)
                    cursors[c] += 1
                }
                var possible = true
                for c in (0..<essential).reversed() {
                    if top.isFull, score + below[c + 1] + bonusBound <= top.lowestScore { possible = false; break }
                    let position = Self.advance(lists[c].slots, from: cursors[c], to: candidate)
                    cursors[c] = position
                    if position < lists[c].slots.count, lists[c].slots[position] == candidate {
                        score += contribution(ordered[c], lists[c].impacts[position], slot: candidate)
                    }
                }
                guard possible, !top.isFull || score + bonusBound > top.lowestScore, rules.admits(candidate) else { continue }
                scored += 1
                top.offer(candidate, score: score + rules.points(candidate))
                // The better the results held, the more lists become non-essential.
                while top.isFull, essential < lists.count, below[essential + 1] + bonusBound <= top.lowestScore { essential += 1 }
            }
        }

        let results = top.ranked.map { entry in
            MatchResult(id: ids[Int(entry.slot)], score: entry.score,
                        reasons: (wordReasons(entry.slot, clauses) + rules.reasons(entry.slot)).sorted { $0.points > $1.points })
        }
        return MatchOutcome(results: results, topics: topics, suggestedHubs: suggestedHubs(topics: topics, results: top.ranked.map(\.slot)),
                            scored: scored)
    }

    /// The query's clauses, and every word it gave (known to the index or not).
    func clauses(for query: MatchQuery) -> (clauses: [Clause], words: [(word: String, term: String)]) {
        var clauses: [String: (word: String, count: Int)] = [:]
        var order: [(key: String, term: String, fields: [Double], complement: Bool)] = []
        var words: [(word: String, term: String)] = []
        for (text, fields, complement, tag) in [(query.text, weights.fields, false, "t"), (query.seeking, Self.seekingFields, true, "s"),
                                                (query.offering, Self.offeringFields, true, "o")] {
            let analysed = MatchAnalyzer.termsWithWords(text)
            words += analysed
            for (word, term) in analysed {
                let key = tag + term
                if let existing = clauses[key] {
                    clauses[key] = (existing.word, existing.count + 1)
                } else {
                    clauses[key] = (word, 1)
                    order.append((key, term, fields, complement))
                }
            }
        }
        let known = order.compactMap { part -> Clause? in
            guard let term = termIDs[part.term], !postings[Int(term)].slots.isEmpty else { return nil }
            let (word, count) = clauses[part.key]!
            let stretch = max(1, zip(part.fields, weights.fields).map { $0 / $1 }.max() ?? 1)
            // A word said twice counts a little more, not twice as much.
            return Clause(term: term, word: word, fieldWeights: part.fields, standard: part.fields == weights.fields,
                          complement: part.complement, weight: 1 + log(Double(count)),
                          inverseDocumentFrequency: inverseDocumentFrequency(term), stretch: stretch)
        }
        return (known, words)
    }

    /// The most a clause can add to any document.
    func clauseBound(_ clause: Clause) -> Double {
        // A hair above, so that rounding impacts to Float never makes a bound too low.
        clause.weight * clause.inverseDocumentFrequency * clause.stretch * Double(postings[Int(clause.term)].maxImpact) * (1 + 1e-6)
    }

    /// What a clause adds to a document. With the standard field weights that is the stored
    /// impact; other weights (what is sought, what is offered) are worked out from the
    /// document's own counts.
    func contribution(_ clause: Clause, _ impact: Float, slot: UInt32) -> Double {
        if clause.standard { return clause.weight * clause.inverseDocumentFrequency * Double(impact) }
        guard let entry = Self.entry(clause.term, in: entries[Int(slot)]) else { return 0 }
        return clause.weight * clause.inverseDocumentFrequency
            * saturation(weightedCount(entry, slot: Int(slot), fieldWeights: clause.fieldWeights))
    }

    /// The first position at or after `start` whose slot is not below `slot`: galloping, so
    /// long skips cost a logarithm, short ones a step.
    static func advance(_ slots: [UInt32], from start: Int, to slot: UInt32) -> Int {
        guard start < slots.count, slots[start] < slot else { return start }
        var step = 1, low = start, high = start + 1
        while high < slots.count, slots[high] < slot {
            low = high
            step *= 2
            high = min(slots.count, start + step)
        }
        return slots[low..<min(high, slots.count)].partitioningIndex { $0 >= slot }
    }

    func wordReasons(_ slot: UInt32, _ clauses: [Clause]) -> [MatchReason] {
        let documentEntries = entries[Int(slot)]
        var reasons: [MatchReason] = []
        for clause in clauses {
            guard let entry = Self.entry(clause.term, in: documentEntries) else { continue }
            let points = contribution(clause, impact(entry, slot: Int(slot)), slot: slot)
            // The field that gave the most is the one named.
            let field = MatchField.allCases.max { lhs, rhs in
                clause.fieldWeights[lhs.rawValue] * entry.count(lhs.rawValue) < clause.fieldWeights[rhs.rawValue] * entry.count(rhs.rawValue)
            }!
            reasons.append(MatchReason(kind: clause.complement ? .complement : .word, subject: clause.word, field: field, points: points))
        }
        return reasons
    }

    /// Hubs chosen for the topics asked for, most fitting focus first, then most results.
    func suggestedHubs(topics: [String], results: [UInt32]) -> [HubSuggestion] {
        guard !topics.isEmpty else { return [] }
        let asked = Set(topics)
        var resultsPerHub = [Int](repeating: 0, count: Network.hubs.count)
        for slot in results where hubs[Int(slot)] >= 0 { resultsPerHub[Int(hubs[Int(slot)])] += 1 }
        let suggestions = Network.hubs.enumerated().compactMap { index, hub -> HubSuggestion? in
            let fitting = hub.focusTopicSlugs.filter { asked.contains($0) }
            guard !fitting.isEmpty else { return nil }
            return HubSuggestion(hubSlug: hub.slug, fittingTopics: fitting, results: resultsPerHub[index])
        }
        return suggestions.sorted {
            ($0.fittingTopics.count, $0.results, $1.hubSlug) > ($1.fittingTopics.count, $1.results, $0.hubSlug)
        }
    }

    /// Topics whose German or English label appears in the texts, every word of it.
    static func recognisedTopics(in texts: [String]) -> [String] {
        recognisedTopics(in: Set(texts.flatMap { MatchAnalyzer.terms($0) }))
    }

    static func recognisedTopics(in terms: Set<String>) -> [String] {
        guard !terms.isEmpty else { return [] }
        return topicLabelTerms.filter { _, labels in
            labels.contains { !$0.isEmpty && $0.isSubset(of: terms) }
        }.map(\.slug)
    }

    private static let topicLabelTerms: [(slug: String, labels: [Set<String>])] = Taxonomy.topics.map { topic in
        (topic.slug, [topic.label.de, topic.label.en].map { Set(MatchAnalyzer.terms($0)) })
    }
}

/// The best results so far, the lowest first so it can be replaced; ties go to the smaller id.
struct TopResults {
    let limit: Int
    let keys: [MatchIndex.IDKey]
    private(set) var entries: [(slot: UInt32, score: Double)] = []

    init(limit: Int, keys: [MatchIndex.IDKey]) {
        self.limit = limit
        self.keys = keys
        entries.reserveCapacity(limit + 1)
    }

    var isFull: Bool { entries.count >= limit }
    var lowestScore: Double { entries.first?.score ?? -.infinity }

    /// Whether a ranks below b.
    private func below(_ a: (slot: UInt32, score: Double), _ b: (slot: UInt32, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : keys[Int(a.slot)] > keys[Int(b.slot)]
    }

    mutating func offer(_ slot: UInt32, score: Double) {
        let candidate = (slot: slot, score: score)
        if isFull, !below(entries[0], candidate) { return }
        // Lists of twenty or so: an insertion into a sorted array beats a heap.
        entries.insert(candidate, at: entries.partitioningIndex { !below($0, candidate) })
        if entries.count > limit { entries.removeFirst() }
    }

    var ranked: [(slot: UInt32, score: Double)] { entries.reversed() }
}
