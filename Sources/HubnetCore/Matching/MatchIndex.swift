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
/// for long and never change per write. A bulk build numbers documents by hub and then by
/// topics, so that documents the same rules reward lie together: a search bounds what the rules
/// add per block of slots (`RuleBlock`) and passes over blocks they cannot lift.
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

    /// A term's documents in slot order with their impacts, and bounds on those impacts for
    /// the whole list and per block of `blockSize` postings, so that a search can pass over a
    /// block whose best cannot reach the results held.
    struct Postings: Sendable {
        /// A document and the term's impact in it, side by side: a lookup that finds the
        /// slot has its impact in the same cache line.
        struct Item: Sendable {
            let slot: UInt32
            let impact: Float
        }

        static let blockSize = 64
        private(set) var items: [Item] = []
        /// Per block, at least the largest impact in it (a write may leave one a little high).
        private(set) var blockMaxima: [Float] = []
        /// At least the largest impact in the list.
        private(set) var maxImpact: Float = 0

        var count: Int { items.count }

        mutating func reserve(_ capacity: Int) { items.reserveCapacity(capacity) }

        /// Where a slot is, or belongs.
        func position(of slot: UInt32) -> Int { items.partitioningIndex { $0.slot >= slot } }

        mutating func append(_ slot: UInt32, impact: Float) {
            if items.count % Self.blockSize == 0 { blockMaxima.append(impact) }
            blockMaxima[blockMaxima.count - 1] = max(blockMaxima[blockMaxima.count - 1], impact)
            items.append(Item(slot: slot, impact: impact))
            maxImpact = max(maxImpact, impact)
        }

        mutating func insert(_ slot: UInt32, impact: Float, at position: Int) {
            items.insert(Item(slot: slot, impact: impact), at: position)
            maxImpact = max(maxImpact, impact)
            if items.count > blockMaxima.count * Self.blockSize { blockMaxima.append(0) }
            let first = position / Self.blockSize
            blockMaxima[first] = max(blockMaxima[first], impact)
            // Each later block now also holds the last posting of the block before it, which
            // moved on into its first place.
            for block in (first + 1)..<blockMaxima.count {
                blockMaxima[block] = max(blockMaxima[block], items[block * Self.blockSize].impact)
            }
        }

        mutating func remove(at position: Int) {
            items.remove(at: position)
            if blockMaxima.count > (items.count + Self.blockSize - 1) / Self.blockSize { blockMaxima.removeLast() }
            // Each block from the one that lost a posting on now also holds the first posting
            // of the block after it, which moved back into its last place.
            for block in (position / Self.blockSize)..<blockMaxima.count where (block + 1) * Self.blockSize <= items.count {
                blockMaxima[block] = max(blockMaxima[block], items[(block + 1) * Self.blockSize - 1].impact)
            }
        }
    }

    /// What the rules read of a document, in 16 bytes: judging a candidate costs one cache line.
    struct Facts: Sendable {
        var topicMask: UInt64 = 0
        var updatedDays: Float = .nan
        /// The hub's place in the network, or -1.
        var hub: Int8 = -1
        /// The organisation kind's place in `OrganisationKind.allCases`; -1 for an opportunity.
        var organisationKind: Int8 = -1
        /// False for a free slot.
        var live = false

        init() {}

        init(_ document: MatchDocument) {
            topicMask = Taxonomy.mask(document.topicSlugs)
            updatedDays = document.updated.map { Float($0.timeIntervalSinceReferenceDate / 86_400) } ?? .nan
            hub = Int8(document.hubSlug.flatMap { Network.hubIndex($0) } ?? -1)
            if case .organisation(let kind) = document.kind { organisationKind = Int8(OrganisationKind.allCases.firstIndex(of: kind)!) }
            live = true
        }
    }

    /// What the documents of `RuleBlock.size` consecutive slots have for the rules: their
    /// topics, the topics they share with their hub's focus, their hubs. A search bounds the
    /// points the rules give a block from these; a removed document leaves its bits (the bound
    /// stays a bound) until the next refreeze.
    struct RuleBlock: Sendable {
        static let size = 256
        var topics: UInt64 = 0
        var focusTopics: UInt64 = 0
        /// One bit per hub in network order, then one for documents without a hub.
        var hubs: UInt16 = 0

        mutating func include(_ facts: Facts) {
            topics |= facts.topicMask
            let hub = MatchIndex.hubBucket(facts.hub)
            if hub < Network.hubs.count { focusTopics |= facts.topicMask & MatchIndex.focusMasks[hub] }
            hubs |= 1 << UInt16(hub)
        }
    }

    /// Per hub: its focus topics as bits.
    static let focusMasks = Network.hubs.map { Taxonomy.mask($0.focusTopicSlugs) }

    static let fieldCount = MatchField.allCases.count
    public let weights: Weights

    // Per slot. A removed document leaves its slot free for the next one.
    var ids: [UUID] = []
    var idKeys: [IDKey] = []
    var kinds: [MatchDocument.Kind?] = []
    var facts: [Facts] = []
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
    /// Per topic (taxonomy order) and hub (network order, then "no hub"): the slots that carry
    /// the topic, for searches by topic alone and for counting a suggested hub's organisations.
    var topicMembers: [[Set<UInt32>]] = Array(repeating: Array(repeating: [], count: Network.hubs.count + 1),
                                              count: Taxonomy.topics.count)

    /// Per topic and per hub: the slots of the documents that carry the topic or belong to the
    /// hub. A search tests a candidate here, in cache, before it reads its facts from memory.
    var topicBits = [SlotBits](repeating: SlotBits(), count: Taxonomy.topics.count)
    var hubBits = [SlotBits](repeating: SlotBits(), count: Network.hubs.count)
    var ruleBlocks: [RuleBlock] = []

    var lengthTotals = [Double](repeating: 0, count: fieldCount)
    /// The averages impacts are computed with, and the size they were taken at.
    var frozenAverages = [Double](repeating: 1, count: fieldCount)
    var frozenCount = 0
    /// The most recent change of any document, in days: bounds what recency can add.
    var newestUpdate: Float = -.infinity

    public init(weights: Weights = .standard) {
        self.weights = weights
    }

    /// Builds an index in one go; impacts are worked out once, at the end, when the average
    /// field lengths are known. Documents are numbered by hub, then by their set of topics
    /// (then by id, so a build is repeatable): a hub's documents of a topic lie together.
    public init<Documents: Sequence>(documents: Documents, weights: Weights = .standard) where Documents.Element == MatchDocument {
        self.init(weights: weights)
        let documents = Array(documents)
        let order = documents.indices.map { position in
            let facts = Facts(documents[position])
            return (hub: Self.hubBucket(facts.hub), topics: facts.topicMask, key: IDKey(documents[position].id), position: position)
        }.sorted { ($0.hub, $0.topics, $0.key) < ($1.hub, $1.topics, $1.key) }
        for entry in order { add(documents[entry.position], sorted: false) }
        refreeze()
    }

    public var count: Int { slotOfID.count }
    public var termCount: Int { postings.count }

    /// What the index holds in memory, from the sizes of its arrays and tables (an estimate:
    /// allocator overhead and string storage of the vocabulary are approximated).
    public var estimatedBytes: Int {
        let perSlot = MemoryLayout<UUID>.stride + MemoryLayout<MatchDocument.Kind?>.stride + MemoryLayout<Facts>.stride
            + 2 * Self.fieldCount + MemoryLayout<[Entry]>.stride + 32
        let entryBytes = entries.reduce(0) { $0 + $1.capacity * MemoryLayout<Entry>.stride }
        let postingBytes = postings.reduce(0) { $0 + $1.items.capacity * 8 + $1.blockMaxima.capacity * 4 + 64 }
        let topicBytes = topicMembers.joined().reduce(0) { $0 + $1.capacity * 5 } 
            + (topicBits + hubBits).reduce(0) { $0 + $1.bytes } + ruleBlocks.capacity * MemoryLayout<RuleBlock>.stride
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
            let position = postings[term].position(of: slot)
            if position < postings[term].count, postings[term].items[position].slot == slot {
                postings[term].remove(at: position)
            }
        }
        for field in 0..<Self.fieldCount { lengthTotals[field] -= Double(lengths[index * Self.fieldCount + field]) }
        for topic in Taxonomy.topics.indices where facts[index].topicMask & (1 << UInt64(topic)) != 0 {
            topicMembers[topic][Self.hubBucket(facts[index].hub)].remove(slot)
            topicBits[topic].remove(slot)
        }
        if facts[index].hub >= 0 { hubBits[Int(facts[index].hub)].remove(slot) }
        entries[index] = []
        kinds[index] = nil
        facts[index] = Facts()
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
            facts.append(Facts())
            lengths.append(contentsOf: repeatElement(0, count: Self.fieldCount))
            entries.append([])
        }
        let index = Int(slot)
        ids[index] = document.id
        idKeys[index] = IDKey(document.id)
        kinds[index] = document.kind
        facts[index] = Facts(document)
        if facts[index].hub >= 0 { hubBits[Int(facts[index].hub)].insert(slot) }
        let block = index / RuleBlock.size
        if block >= ruleBlocks.count { ruleBlocks.append(contentsOf: repeatElement(RuleBlock(), count: block - ruleBlocks.count + 1)) }
        ruleBlocks[block].include(facts[index])
        if !facts[index].updatedDays.isNaN { newestUpdate = max(newestUpdate, facts[index].updatedDays) }
        for slug in document.topicSlugs {
            guard let topic = Taxonomy.index(of: slug) else { continue }
            topicMembers[topic][Self.hubBucket(facts[index].hub)].insert(slot)
            topicBits[topic].insert(slot)
        }
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
                postings[term].insert(slot, impact: impact, at: postings[term].position(of: slot))
            } else {
                // The impact comes when the build ends and the averages are known.
                postings[term].append(slot, impact: 0)
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
            rebuilt.reserve(list.count)
            return rebuilt
        }
        postings = []
        // The rule blocks forget the documents removed since.
        ruleBlocks = Array(repeating: RuleBlock(), count: ruleBlocks.count)
        for index in entries.indices where kinds[index] != nil {
            ruleBlocks[index / RuleBlock.size].include(facts[index])
            for entry in entries[index] {
                fresh[Int(entry.term)].append(UInt32(index), impact: self.impact(entry, slot: index))
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

    /// Where a hub's members are kept in `topicMembers`: organisations without a hub last.
    static func hubBucket(_ hub: Int8) -> Int { hub >= 0 ? Int(hub) : Network.hubs.count }

    /// Inverse document frequency as in BM25, never negative.
    func inverseDocumentFrequency(_ term: UInt32) -> Double {
        let n = Double(count), df = Double(postings[Int(term)].count)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
