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
        let (query, clauses, words) = understand(query)
        let topics = query.topics
        let rules = Rules(query: query, index: self)
        let limit = max(1, min(query.limit, 1_000))
        var top = TopResults(limit: limit, keys: idKeys)
        var scored = 0, considered = 0

        let askedWords = !words.isEmpty
        if clauses.isEmpty {
            // No known words: every document with a topic asked for (or next to one) is a
            // candidate, or every document when nothing is asked; words that no document
            // contains find nothing.
            func consider(_ slot: UInt32) {
                considered += 1
                guard rules.admits(slot) else { return }
                scored += 1
                top.offer(slot, score: rules.points(slot))
            }
            let searchedTopics = askedWords ? query.topics : topics
            if !askedWords, topics.isEmpty {
                for slot in ids.indices.lazy.map(UInt32.init) { consider(slot) }
            } else {
                var candidates = Set<UInt32>()
                for slug in searchedTopics + searchedTopics.flatMap(Taxonomy.related) {
                    if let topic = Taxonomy.index(of: slug) { for members in topicMembers[topic] { candidates.formUnion(members) } }
                }
                for slot in candidates { consider(slot) }
            }
        } else {
            (scored, considered) = walk(clauses, rules: rules, into: &top)
        }

        let results = top.ranked.map { entry in
            MatchResult(id: ids[Int(entry.slot)], score: entry.score,
                        reasons: (wordReasons(entry.slot, clauses) + rules.reasons(entry.slot))
                            .filter { $0.points >= MatchReason.smallestShown }.sorted { $0.points > $1.points })
        }
        return MatchOutcome(results: results, topics: topics, suggestedHubs: suggestedHubs(topics: topics, rules: rules),
                            scored: scored, considered: considered)
    }

    /// The query as understood: topics named in its texts, by any of their words in either
    /// language, count as asked for; with its clauses and every term it gave.
    func understand(_ query: MatchQuery) -> (query: MatchQuery, clauses: [Clause], words: [(word: String, term: String)]) {
        let (clauses, words, named) = self.clauses(for: query)
        var understood = query
        understood.topics = Array((query.topics + named).uniqued())
        return (understood, clauses, words)
    }

    /// The query's clauses, every term it gave (known to the index or not) with the words as
    /// typed, and the topics its texts name.
    func clauses(for query: MatchQuery) -> (clauses: [Clause], words: [(word: String, term: String)], topics: [String]) {
        var clauses: [String: (word: String, count: Int)] = [:]
        var order: [(key: String, term: String, fields: [Double], complement: Bool)] = []
        var words: [(word: String, term: String)] = []
        var topics: [String] = []
        for (text, fields, complement, tag) in [(query.text, weights.fields, false, "t"), (query.seeking, Self.seekingFields, true, "s"),
                                                (query.offering, Self.offeringFields, true, "o")] {
            let understood = TextAnalyzer.query(text)
            topics += understood.topics
            for part in understood.parts {
                for term in part.terms {
                    words.append((part.surface, term))
                    let key = tag + term
                    if let existing = clauses[key] {
                        clauses[key] = (existing.word, existing.count + 1)
                    } else {
                        clauses[key] = (part.surface, 1)
                        order.append((key, term, fields, complement))
                    }
                }
            }
        }
        let known = order.compactMap { part -> Clause? in
            guard let term = termIDs[part.term], postings[Int(term)].count > 0 else { return nil }
            let (word, count) = clauses[part.key]!
            let stretch = max(1, zip(part.fields, weights.fields).map { $0 / $1 }.max() ?? 1)
            // A word said twice counts a little more, not twice as much.
            return Clause(term: term, word: word, fieldWeights: part.fields, standard: part.fields == weights.fields,
                          complement: part.complement, weight: 1 + log(Double(count)),
                          inverseDocumentFrequency: inverseDocumentFrequency(term), stretch: stretch)
        }
        return (known, words, Array(topics.uniqued()))
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

    /// One reason per word of the query (its stems, parts and topic count together), in the
    /// field that gave the most.
    func wordReasons(_ slot: UInt32, _ clauses: [Clause]) -> [MatchReason] {
        let documentEntries = entries[Int(slot)]
        var byWord: [String: (complement: Bool, field: MatchField, best: Double, points: Double)] = [:]
        var order: [String] = []
        for clause in clauses {
            guard let entry = Self.entry(clause.term, in: documentEntries) else { continue }
            let points = contribution(clause, impact(entry, slot: Int(slot)), slot: slot)
            let field = MatchField.allCases.max { lhs, rhs in
                clause.fieldWeights[lhs.rawValue] * entry.count(lhs.rawValue) < clause.fieldWeights[rhs.rawValue] * entry.count(rhs.rawValue)
            }!
            let key = (clause.complement ? "c" : "w") + clause.word
            if let known = byWord[key] {
                byWord[key] = (known.complement, points > known.best ? field : known.field, max(known.best, points), known.points + points)
            } else {
                byWord[key] = (clause.complement, field, points, points)
                order.append(key)
            }
        }
        return order.map { key in
            let reason = byWord[key]!
            return MatchReason(kind: reason.complement ? .complement : .word, subject: String(key.dropFirst()), field: reason.field,
                               points: reason.points)
        }
    }

    /// Hubs chosen for the topics asked for that have organisations of those topics a search
    /// admits, most fitting focus first, then most such organisations. A hub with none is not
    /// proposed.
    func suggestedHubs(topics: [String], rules: Rules) -> [HubSuggestion] {
        guard !topics.isEmpty else { return [] }
        let asked = Set(topics)
        let suggestions = Network.hubs.enumerated().compactMap { hub, details -> HubSuggestion? in
            let fitting = details.focusTopicSlugs.filter { asked.contains($0) }
            guard !fitting.isEmpty else { return nil }
            let results = admittedMembers(of: fitting.compactMap(Taxonomy.index(of:)), hub: hub, rules: rules)
            return results == 0 ? nil : HubSuggestion(hubSlug: details.slug, fittingTopics: fitting, results: results)
        }
        return suggestions.sorted {
            ($0.fittingTopics.count, $0.results, $1.hubSlug) > ($1.fittingTopics.count, $1.results, $0.hubSlug)
        }
    }

    /// How many of a hub's organisations carry any of these topics and are admitted, each
    /// counted once: under the first of the topics it carries.
    func admittedMembers(of topics: [Int], hub: Int, rules: Rules) -> Int {
        var results = 0
        var earlier: UInt64 = 0
        for topic in topics {
            let members = topicMembers[topic][hub]
            if earlier == 0, rules.admitsAllButExcluded {
                // The common case, counted without a walk: a topic's members less the excluded.
                results += members.count - rules.excluded.count { members.contains($0) }
            } else {
                results += members.count { facts[Int($0)].topicMask & earlier == 0 && rules.admits($0) }
            }
            earlier |= UInt64(1) << UInt64(topic)
        }
        return results
    }

    /// Topics named in the texts, by any of their words or phrases in either language.
    static func recognisedTopics(in texts: [String]) -> [String] {
        Array(texts.flatMap { TextAnalyzer.query($0).topics }.uniqued())
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

    /// Whether no document scoring at most `bound` can enter. One scoring as much as the lowest
    /// held still can, with a smaller id: documents are not met in id order.
    func rulesOut(_ bound: Double) -> Bool { isFull && bound < lowestScore }

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
