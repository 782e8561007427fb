import Algorithms
import Foundation

/// An in-memory index for finding partners, kept current document by document.
///
/// Words are scored with BM25F over five fields. Each word's postings are kept in document
/// order with their impact (the word's saturated, length-normalised weight in that document)
/// and the list's largest impact. A search walks the lists together in document order and
/// skips, with MaxScore, every document that cannot reach the results held: once the best
/// twenty are good enough, only documents containing the rarer words are looked at.
///
/// Field lengths are normalised against averages frozen when the index was built; they are
/// refreshed when the collection has doubled or halved since, so that impacts never go stale
/// for long and never change per write. A bulk build numbers documents in id order, so that
/// among equal scores the smaller id comes first.
public struct MatchIndex: Sendable {
    public struct Weights: Sendable {
        /// Per field: name, description, offers, seeks, topic labels.
        public var fields: [Double] = [2.5, 1.0, 1.2, 0.8, 1.5]
        public var lengthNormalisation: [Double] = [0.5, 0.75, 0.75, 0.75, 0.3]
        public var k1 = 1.2
        public var topic = 2.0
        public var relatedTopicShare = 0.4
        public var hubFocus = 1.0
        public var preferredHub = 1.5
        public var nearby = 0.5
        /// Distance at which nearness stops counting.
        public var nearbyKilometres = 600.0
        public var recent = 0.3
        public var recentDays = 365.0

        public init() {}
        public static let standard = Weights()
    }

    /// A term of a document with its count in each field, 6 bits each.
    struct Entry: Sendable {
        let term: UInt32
        let counts: UInt32

        func count(_ field: Int) -> Double { Double((counts >> (6 * UInt32(field))) & 63) }
    }

    /// A document id as two numbers: compared like the id's text, but fast. Ties in score go to
    /// the smaller id.
    struct IDKey: Comparable, Sendable {
        let high: UInt64
        let low: UInt64

        init(_ id: UUID) {
            let bytes = id.uuid
            high = withUnsafeBytes(of: bytes) { $0.load(fromByteOffset: 0, as: UInt64.self).bigEndian }
            low = withUnsafeBytes(of: bytes) { $0.load(fromByteOffset: 8, as: UInt64.self).bigEndian }
        }

        static func < (lhs: IDKey, rhs: IDKey) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
    }

    struct Postings: Sendable {
        var slots: [UInt32] = []
        var impacts: [Float] = []
        /// At least the largest impact in the list (a removal may leave it a little high).
        var maxImpact: Float = 0
    }

    static let fieldCount = MatchField.allCases.count
    public let weights: Weights

    // Per slot. A removed document leaves its slot free for the next one.
    var ids: [UUID] = []
    var idKeys: [IDKey] = []
    var kinds: [MatchDocument.Kind?] = []
    var hubs: [Int8] = []
    var topicMasks: [UInt64] = []
    var updatedDays: [Float] = []
    var lengths: [UInt16] = []
    var entries: [[Entry]] = []
    var slotOfID: [UUID: UInt32] = [:]
    var freeSlots: [UInt32] = []

    // Per term.
    /// A term's id is its position in `postings`.
    var termIDs: [String: UInt32] = [:]
    /// Each folded word's terms (its stems and compound parts): a vocabulary is small next to the
    /// texts, so a word is stemmed and split once, not once per occurrence.
    var wordTerms: [String: [UInt32]] = [:]
    var postings: [Postings] = []
    /// Per topic (taxonomy order): the slots that carry it, for searches by topic alone.
    var topicMembers: [Set<UInt32>] = Array(repeating: [], count: Taxonomy.topics.count)

    var lengthTotals = [Double](repeating: 0, count: fieldCount)
    /// The averages impacts are computed with, and the size they were taken at.
    var frozenAverages = [Double](repeating: 1, count: fieldCount)
    var frozenCount = 0
    /// The most recent change of any document, in days: bounds what recency can add.
    var newestUpdate: Float = -.infinity

    public init(weights: Weights = .standard) {
        self.weights = weights
    }

    /// Builds an index in one go, documents numbered in id order; impacts are worked out once,
    /// at the end, when the average field lengths are known.
    public init<Documents: Sequence>(documents: Documents, weights: Weights = .standard) where Documents.Element == MatchDocument {
        self.init(weights: weights)
        let documents = Array(documents)
        let order = documents.indices.map { (key: IDKey(documents[$0].id), position: $0) }.sorted { $0.key < $1.key }
        for entry in order { add(documents[entry.position], sorted: false) }
        refreeze()
    }

    public var count: Int { slotOfID.count }
    public var termCount: Int { postings.count }

    /// What the index holds in memory, from the sizes of its arrays and tables (an estimate:
    /// allocator overhead and string storage of the vocabulary are approximated).
    public var estimatedBytes: Int {
        let perSlot = MemoryLayout<UUID>.stride + MemoryLayout<MatchDocument.Kind?>.stride + 1 + 8 + 4
            + 2 * Self.fieldCount + MemoryLayout<[Entry]>.stride + 32
        let entryBytes = entries.reduce(0) { $0 + $1.capacity * MemoryLayout<Entry>.stride }
        let postingBytes = postings.reduce(0) { $0 + $1.slots.capacity * 4 + $1.impacts.capacity * 4 + 64 }
        let topicBytes = topicMembers.reduce(0) { $0 + $1.capacity * 5 }
        let vocabulary = termIDs.keys.reduce(0) { $0 + max($1.utf8.count, 16) + 48 }
        return ids.count * perSlot + entryBytes + postingBytes + topicBytes + vocabulary + slotOfID.capacity * 24
    }

    /// Adds a document, or replaces the one with its id.
    public mutating func upsert(_ document: MatchDocument) {
        if slotOfID[document.id] != nil { remove(document.id) }
        add(document, sorted: true)
        let drifted = count >= 2 * max(frozenCount, 8) || (frozenCount >= 16 && count * 2 < frozenCount)
        if drifted { refreeze() }
    }

    public mutating func remove(_ id: UUID) {
        guard let slot = slotOfID.removeValue(forKey: id) else { return }
        let index = Int(slot)
        for entry in entries[index] {
            let term = Int(entry.term)
            let position = position(of: slot, in: postings[term].slots)
            if position < postings[term].slots.count, postings[term].slots[position] == slot {
                postings[term].slots.remove(at: position)
                postings[term].impacts.remove(at: position)
            }
        }
        for field in 0..<Self.fieldCount { lengthTotals[field] -= Double(lengths[index * Self.fieldCount + field]) }
        for topic in Taxonomy.topics.indices where topicMasks[index] & (1 << UInt64(topic)) != 0 {
            topicMembers[topic].remove(slot)
        }
        entries[index] = []
        kinds[index] = nil
        topicMasks[index] = 0
        freeSlots.append(slot)
    }

    private mutating func add(_ document: MatchDocument, sorted: Bool) {
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = UInt32(ids.count)
            ids.append(document.id)
            idKeys.append(IDKey(document.id))
            kinds.append(nil)
            hubs.append(-1)
            topicMasks.append(0)
            updatedDays.append(.nan)
            lengths.append(contentsOf: repeatElement(0, count: Self.fieldCount))
            entries.append([])
        }
        let index = Int(slot)
        ids[index] = document.id
        idKeys[index] = IDKey(document.id)
        kinds[index] = document.kind
        hubs[index] = Int8(document.hubSlug.flatMap { Network.hubIndex($0) } ?? -1)
        updatedDays[index] = document.updated.map { Float($0.timeIntervalSinceReferenceDate / 86_400) } ?? .nan
        if !updatedDays[index].isNaN { newestUpdate = max(newestUpdate, updatedDays[index]) }
        topicMasks[index] = Taxonomy.mask(document.topicSlugs)
        for slug in document.topicSlugs { if let topic = Taxonomy.index(of: slug) { topicMembers[topic].insert(slot) } }
        slotOfID[document.id] = slot

        let labels = document.topicSlugs.compactMap(Taxonomy.topic).map { $0.label.de + " " + $0.label.en }.joined(separator: " ")
        var counts: [UInt32: UInt32] = [:]
        for (field, text) in [document.name, document.description, document.offers, document.seeks, labels].enumerated() {
            let shift = UInt32(6 * field)
            var length = 0
            for word in TextAnalyzer.foldedWords(text) {
                let terms: [UInt32]
                if let known = wordTerms[word] {
                    terms = known
                } else {
                    terms = TextAnalyzer.terms(ofWord: word).map { termID($0) }
                    wordTerms[word] = terms
                }
                length += terms.count
                for id in terms where (counts[id, default: 0] >> shift) & 63 < 63 {
                    counts[id, default: 0] += 1 << shift
                }
            }
            if field == MatchField.topics.rawValue {
                // Each topic once more as itself, for queries that name it by any of its words.
                for slug in document.topicSlugs {
                    counts[termID(TextAnalyzer.topicTerm(slug)), default: 0] += 1 << shift
                    length += 1
                }
            }
            lengths[index * Self.fieldCount + field] = UInt16(min(length, Int(UInt16.max)))
            lengthTotals[field] += Double(min(length, Int(UInt16.max)))
        }
        let entries = counts.map { Entry(term: $0.key, counts: $0.value) }.sorted { $0.term < $1.term }
        self.entries[index] = entries
        for entry in entries {
            let term = Int(entry.term)
            if sorted {
                let impact = self.impact(entry, slot: index)
                let position = position(of: slot, in: postings[term].slots)
                postings[term].slots.insert(slot, at: position)
                postings[term].impacts.insert(impact, at: position)
                postings[term].maxImpact = max(postings[term].maxImpact, impact)
            } else {
                // The impact comes when the build ends and the averages are known.
                postings[term].slots.append(slot)
                postings[term].impacts.append(0)
            }
        }
    }

    private mutating func termID(_ term: String) -> UInt32 {
        if let id = termIDs[term] { return id }
        let id = UInt32(postings.count)
        termIDs[term] = id
        postings.append(Postings())
        return id
    }

    /// Takes the current average field lengths and recomputes every impact.
    mutating func refreeze() {
        let live = Double(max(count, 1))
        frozenAverages = lengthTotals.map { max($0 / live, 1) }
        frozenCount = count
        // Walking the documents in slot order rebuilds each list in order, without a lookup.
        var fresh = postings.map { list in
            var rebuilt = Postings()
            rebuilt.slots.reserveCapacity(list.slots.count)
            rebuilt.impacts.reserveCapacity(list.slots.count)
            return rebuilt
        }
        postings = []
        for index in entries.indices where kinds[index] != nil {
            for entry in entries[index] {
                let impact = self.impact(entry, slot: index)
                let term = Int(entry.term)
                fresh[term].slots.append(UInt32(index))
                fresh[term].impacts.append(impact)
                fresh[term].maxImpact = max(fresh[term].maxImpact, impact)
            }
        }
        postings = fresh
    }

    /// BM25F's saturated term frequency with the standard field weights: what a list stores.
    func impact(_ entry: Entry, slot: Int) -> Float {
        Float(saturation(weightedCount(entry, slot: slot, fieldWeights: weights.fields)))
    }

    func weightedCount(_ entry: Entry, slot: Int, fieldWeights: [Double]) -> Double {
        var total = 0.0
        for field in 0..<Self.fieldCount where fieldWeights[field] > 0 {
            let count = entry.count(field)
            guard count > 0 else { continue }
            let b = weights.lengthNormalisation[field]
            let length = Double(lengths[slot * Self.fieldCount + field])
            total += fieldWeights[field] * count / (1 - b + b * length / frozenAverages[field])
        }
        return total
    }

    func saturation(_ weightedCount: Double) -> Double { weightedCount / (weights.k1 + weightedCount) }

    static func entry(_ term: UInt32, in entries: [Entry]) -> Entry? {
        let position = entries.partitioningIndex { $0.term >= term }
        return position < entries.count && entries[position].term == term ? entries[position] : nil
    }

    /// Where a slot is, or belongs, in a list in slot order.
    func position(of slot: UInt32, in slots: [UInt32]) -> Int {
        slots.partitioningIndex { $0 >= slot }
    }

    /// Inverse document frequency as in BM25, never negative.
    func inverseDocumentFrequency(_ term: UInt32) -> Double {
        let n = Double(count), df = Double(postings[Int(term)].slots.count)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
