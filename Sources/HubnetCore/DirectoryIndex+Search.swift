import Algorithms
import Foundation

extension DirectoryIndex {
    /// BM25's saturation: the tenth mention of a word adds less than the first.
    static let saturation: Float = 1.2

    public func search(_ query: DirectoryQuery) -> DirectoryResult {
        let matches = textMatches(query.text)
        let hubFilter = Self.mask(query.hubs.compactMap { Self.hubIndex[$0] })
        let kindFilter = Self.mask(query.kinds.compactMap { Self.kinds.firstIndex(of: $0) }.map { UInt8($0) })
        let topicFilter = query.topics.reduce(UInt64(0)) { $0 | (Self.topicBit[$1] ?? 0) }

        var hubCounts = [Int](repeating: 0, count: Self.hubSlugs.count)
        var kindCounts = [Int](repeating: 0, count: Self.kinds.count)
        var topicCounts = [Int](repeating: 0, count: Self.topicSlugs.count)
        var passing = [Bool](repeating: false, count: ids.count)
        var passingSlots: [UInt32] = []

        // One pass over the candidates fills every facet: each facet counts with the other
        // facets' filters applied, so choosing a hub still shows the counts of the other hubs.
        func visit(_ slot: Int) {
            let hub = hubOfSlot[slot], kind = kindOfSlot[slot], topics = topicMaskOfSlot[slot]
            let hubOK = hubFilter & (1 << UInt64(hub)) != 0
            let kindOK = kindFilter & (1 << UInt64(kind)) != 0
            let topicsOK = topics & topicFilter == topicFilter
            if kindOK && topicsOK { hubCounts[Int(hub)] += 1 }
            if hubOK && topicsOK { kindCounts[Int(kind)] += 1 }
            guard hubOK && kindOK && topicsOK else { return }
            passing[slot] = true
            passingSlots.append(UInt32(slot))
            var remaining = topics
            while remaining != 0 {
                topicCounts[remaining.trailingZeroBitCount] += 1
                remaining &= remaining - 1
            }
        }
        if let matches {
            for slot in matches.keys { visit(Int(slot)) }
        } else {
            for slot in ids.indices where alive[slot] { visit(slot) }
        }

        let offset = (query.page - 1) * query.perPage
        let pageSlots = orderedPage(
            of: passingSlots, passing: passing, scores: matches, sort: query.effectiveSort,
            range: offset..<(offset + query.perPage))
        return DirectoryResult(
            organisationIDs: pageSlots.map { ids[Int($0)] },
            total: passingSlots.count,
            hubCounts: Self.keyed(hubCounts, by: Self.hubSlugs),
            kindCounts: Self.keyed(kindCounts, by: Self.kinds),
            topicCounts: Self.keyed(topicCounts, by: Self.topicSlugs),
            perPage: query.perPage, page: query.page)
    }

    /// Every live slot that answers every part of the query — a word by one of its stems or
    /// all its compound parts, a named topic by the topic or all the words naming it; the
    /// last word also as a prefix, since people type word beginnings — with its BM25-style
    /// score; nil when the query has no meaningful words.
    func textMatches(_ text: String) -> [UInt32: Float]? {
        let query = TextAnalyzer.query(text)
        guard !query.parts.isEmpty else { return nil }
        // The last word is still being typed unless a space or a mark follows it.
        let typing = text.last.map { $0.isLetter || $0.isNumber } ?? false
        func partScores(_ position: Int, among candidates: [UInt32: Float]?) -> [UInt32: Float] {
            let part = query.parts[position]
            let prefix = typing && position == query.parts.count - 1 && part.topic == nil
            var result: [UInt32: Float] = [:]
            for alternative in part.alternatives {
                var alternativeScores: [UInt32: Float]?
                for slot in alternative {
                    let slotScores = self.scores(of: slot, expandingPrefixes: prefix && alternative.count == 1, among: candidates)
                    alternativeScores = alternativeScores.map { held in
                        held.reduce(into: [:]) { result, entry in
                            if let more = slotScores[entry.key] { result[entry.key] = entry.value + more }
                        }
                    } ?? slotScores
                    if alternativeScores?.isEmpty == true { break }
                }
                for (slot, score) in alternativeScores ?? [:] where score > result[slot] ?? 0 { result[slot] = score }
            }
            return result
        }
        var scores: [UInt32: Float] = [:]
        for position in query.parts.indices {
            let found = partScores(position, among: position > 0 ? scores : nil)
            scores = position == 0 ? found : found.reduce(into: [:]) { result, entry in
                result[entry.key] = entry.value + (scores[entry.key] ?? 0)
            }
            if scores.isEmpty { break }
        }
        guard scores.isEmpty, query.parts.count > 1, !query.topics.isEmpty else { return scores }
        // A request that names a topic ("KI für Lagerlogistik", "Transparenz in der Lieferkette")
        // and that nothing answers whole: rather than nothing, those that answer most of it, the
        // more parts the higher. Without a topic all words must match, as a directory filter does.
        var partial: [UInt32: (parts: Int, score: Float)] = [:]
        for position in query.parts.indices {
            for (slot, score) in partScores(position, among: nil) {
                let held = partial[slot] ?? (0, 0)
                partial[slot] = (held.parts + 1, held.score + score)
            }
        }
        return partial.mapValues { Float($0.parts) * Self.partialCoverageWeight + $0.score }
    }

    /// In a search that falls back to partial matches, each part matched outweighs any score.
    static let partialCoverageWeight: Float = 1_000

    /// The slots holding any of the terms (or, for a word being typed, a word they begin),
    /// scored by the best of them; only among `candidates` when given.
    private func scores(of terms: [String], expandingPrefixes: Bool, among candidates: [UInt32: Float]?) -> [UInt32: Float] {
        let liveCount = Float(max(count, 1))
        var result: [UInt32: Float] = [:]
        for term in terms {
            let expansions = expandingPrefixes && term.count >= 3 ? prefixExpansions(of: term) : (postings[term] == nil ? [] : [term])
            for expansion in expansions {
                guard let list = postings[expansion] else { continue }
                let documentFrequency = Float(list.count)
                let inverseFrequency = log(1 + (liveCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
                // An exact word counts more than a word it merely begins.
                let exactness: Float = expansion == term ? 1 : 0.7
                for posting in list where alive[Int(posting.slot)] {
                    if let candidates, candidates[posting.slot] == nil { continue }
                    let frequency = posting.weight
                    let score = inverseFrequency * exactness * frequency * (Self.saturation + 1) / (frequency + Self.saturation)
                    if score > result[posting.slot] ?? 0 { result[posting.slot] = score }
                }
            }
        }
        return result
    }

    private func prefixExpansions(of prefix: String) -> [String] {
        let start = vocabulary.partitioningIndex { $0 >= prefix }
        let end = vocabulary[start...].firstIndex { !$0.hasPrefix(prefix) } ?? vocabulary.endIndex
        return Array(vocabulary[start..<end])
    }

    private func orderedPage(
        of slots: [UInt32], passing: [Bool], scores: [UInt32: Float]?, sort: DirectoryQuery.Sort, range: Range<Int>
    ) -> [UInt32] {
        guard range.lowerBound < slots.count else { return [] }
        let upper = min(range.upperBound, slots.count)
        switch sort {
        case .name:
            // Walk the standing name order; no sort per query.
            var page: [UInt32] = []
            var seen = 0
            for slot in slotsByName where alive[Int(slot)] && passing[Int(slot)] {
                if seen >= range.lowerBound { page.append(slot) }
                seen += 1
                if seen >= upper { break }
            }
            return page
        case .relevance:
            let scored = slots.map { (slot: $0, score: scores?[$0] ?? 0) }
            return scored.min(count: upper) { lhs, rhs in
                lhs.score != rhs.score ? lhs.score > rhs.score : nameOrder(lhs.slot, rhs.slot)
            }[range.lowerBound..<upper].map(\.slot)
        case .newest, .oldest:
            let newestFirst = sort == .newest
            return Array(slots.min(count: upper) { lhs, rhs in
                let (left, right) = (foundedYearOfSlot[Int(lhs)], foundedYearOfSlot[Int(rhs)])
                // Organisations without a founding year go last either way.
                if left != right, left != 0, right != 0 { return newestFirst ? left > right : left < right }
                if left != right { return right == 0 }
                return nameOrder(lhs, rhs)
            }[range.lowerBound..<upper])
        }
    }

    private static func mask(_ indices: [UInt8]) -> UInt64 {
        indices.isEmpty ? .max : indices.reduce(0) { $0 | (1 << UInt64($1)) }
    }

    static func keyed<Key: Hashable>(_ counts: [Int], by keys: [Key]) -> [Key: Int] {
        Dictionary(uniqueKeysWithValues: zip(keys, counts))
    }
}

extension DirectoryIndex {
    /// How many organisations each hub has of each kind.
    public func countsByHubAndKind() -> [String: [OrganisationKind: Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: Self.kinds.count), count: Self.hubSlugs.count)
        for slot in ids.indices where alive[slot] {
            counts[Int(hubOfSlot[slot])][Int(kindOfSlot[slot])] += 1
        }
        return Dictionary(uniqueKeysWithValues: zip(Self.hubSlugs, counts.map { Self.keyed($0, by: Self.kinds) }))
    }
}
