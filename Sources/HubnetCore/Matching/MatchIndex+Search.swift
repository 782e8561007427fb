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
                // The rules' points of this candidate, exactly: a few lookups, and a much tighter
                // bound than the most any document could earn when topics are asked for.
                guard rules.admits(candidate) else { continue }
                let bonus = rules.points(candidate)
                var possible = true
                for c in (0..<essential).reversed() {
                    if top.isFull, score + below[c + 1] + bonus <= top.lowestScore { possible = false; break }
                    let position = Self.advance(lists[c].slots, from: cursors[c], to: candidate)
                    cursors[c] = position
                    if position < lists[c].slots.count, lists[c].slots[position] == candidate {
                        score += contribution(ordered[c], lists[c].impacts[position], slot: candidate)
                    }
                }
                guard possible, !top.isFull || score + bonus > top.lowestScore else { continue }
                scored += 1
                top.offer(candidate, score: score + bonus)
                // The better the results held, the more lists become non-essential.
                while top.isFull, essential < lists.count, below[essential + 1] + bonusBound <= top.lowestScore { essential += 1 }
            }
        }

        let results = top.ranked.map { entry in
            MatchResult(id: ids[Int(entry.slot)], score: entry.score,
                        reasons: (wordReasons(entry.slot, clauses) + rules.reasons(entry.slot))
                            .filter { $0.points >= MatchReason.smallestShown }.sorted { $0.points > $1.points })
        }
        return MatchOutcome(results: results, topics: topics, suggestedHubs: suggestedHubs(topics: topics, admitted: rules.admits),
                            scored: scored)
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
            guard let term = termIDs[part.term], !postings[Int(term)].slots.isEmpty else { return nil }
            let (word, count) = clauses[part.key]!
            let stretch = max(1, zip(part.fields, weights.fields).map { $0 / $1 }.max() ?? 1)
            // A word said twice counts a little more, not twice as much.
            return Clause(term: term, word: word, fieldWeights: part.fields, standard: part.fields == weights.fields,
                          complement: part.complement, weight: 1 + log(Double(count)),
                          inverseDocumentFrequency: inverseDocumentFrequency(term), stretch: stretch)
        }
        return (known, words, Array(topics.uniqued()))
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
    func suggestedHubs(topics: [String], admitted: (UInt32) -> Bool) -> [HubSuggestion] {
        guard !topics.isEmpty else { return [] }
        let asked = Set(topics)
        let suggestions = Network.hubs.enumerated().compactMap { index, hub -> HubSuggestion? in
            let fitting = hub.focusTopicSlugs.filter { asked.contains($0) }
            guard !fitting.isEmpty else { return nil }
            var members = Set<UInt32>()
            for slug in fitting {
                guard let topic = Taxonomy.index(of: slug) else { continue }
                for slot in topicMembers[topic] where hubs[Int(slot)] == Int8(index) && admitted(slot) { members.insert(slot) }
            }
            return members.isEmpty ? nil : HubSuggestion(hubSlug: hub.slug, fittingTopics: fitting, results: members.count)
        }
        return suggestions.sorted {
            ($0.fittingTopics.count, $0.results, $1.hubSlug) > ($1.fittingTopics.count, $1.results, $0.hubSlug)
        }
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
