import Algorithms
import Foundation

/// The directory's search index: words, facets and sort orders of every organisation, in memory.
///
/// Why in memory: facet counts over 100,000 organisations take tens of milliseconds as SQL
/// GROUP BYs (see `hubnet bench directory`), while one pass over packed facet columns takes
/// about a millisecond. The database stays the source of truth; the index is rebuilt from it
/// at start and kept current on every write (`upsert`/`remove`), without a full rebuild.
public struct DirectoryIndex: Sendable {
    /// Per field weights: a word in the name says more than one in the description.
    public enum FieldWeight {
        public static let name: Float = 3
        public static let topic: Float = 2
        public static let place: Float = 1.5
        public static let text: Float = 1
    }

    struct Posting: Sendable {
        var slot: UInt32
        var weight: Float
    }

    // Packed columns, one entry per slot; a removed organisation leaves a dead slot behind.
    private(set) var ids: [UUID] = []
    private(set) var alive: [Bool] = []
    private(set) var hubOfSlot: [UInt8] = []
    private(set) var kindOfSlot: [UInt8] = []
    private(set) var topicMaskOfSlot: [UInt64] = []
    private(set) var foldedNameOfSlot: [String] = []
    private(set) var foundedYearOfSlot: [Int32] = []
    private(set) var slotByID: [UUID: UInt32] = [:]

    private(set) var postings: [String: [Posting]] = [:]
    /// Sorted vocabulary, for prefix search ("robot" finds "robotik" and "robotics").
    private(set) var vocabulary: [String] = []
    /// Live and dead slots in name order, so name-sorted pages need no sort per query.
    private(set) var slotsByName: [UInt32] = []
    private(set) var deadSlots = 0

    static let hubSlugs: [String] = Network.hubs.map(\.slug)
    static let hubIndex: [String: UInt8] = Dictionary(uniqueKeysWithValues: hubSlugs.enumerated().map { ($1, UInt8($0)) })
    static let kinds = OrganisationKind.allCases
    static let topicSlugs: [String] = Taxonomy.topics.map(\.slug)
    static let topicBit: [String: UInt64] = Dictionary(
        uniqueKeysWithValues: topicSlugs.enumerated().map { ($1, UInt64(1) << UInt64($0)) })

    public init() {
        precondition(Self.topicSlugs.count <= 64, "topic masks hold 64 topics")
    }

    public init<S: Sequence>(_ organisations: S) where S.Element == Organisation {
        self.init()
        for organisation in organisations { append(organisation) }
        slotsByName = (0..<UInt32(ids.count)).sorted(by: nameOrder)
        vocabulary = postings.keys.sorted()
    }

    public var count: Int { slotByID.count }

    public func contains(_ id: UUID) -> Bool { slotByID[id] != nil }

    // MARK: Writes

    public mutating func upsert(_ organisation: Organisation) {
        markDead(organisation.id)
        let slot = append(organisation, keepingVocabularySorted: true)
        slotsByName.insert(slot, at: slotsByName.partitioningIndex { nameOrder(slot, $0) })
        compactIfWasteful()
    }

    public mutating func remove(_ id: UUID) {
        markDead(id)
        compactIfWasteful()
    }

    @discardableResult
    private mutating func append(_ organisation: Organisation, keepingVocabularySorted: Bool = false) -> UInt32 {
        let slot = UInt32(ids.count)
        ids.append(organisation.id)
        alive.append(true)
        hubOfSlot.append(Self.hubIndex[organisation.hubSlug] ?? 0)
        kindOfSlot.append(UInt8(Self.kinds.firstIndex(of: organisation.kind) ?? 0))
        topicMaskOfSlot.append(organisation.topicSlugs.reduce(0) { $0 | (Self.topicBit[$1] ?? 0) })
        foldedNameOfSlot.append(TextAnalyzer.fold(organisation.name))
        foundedYearOfSlot.append(Int32(organisation.foundedYear ?? 0))
        slotByID[organisation.id] = slot

        for (term, weight) in Self.weightedTerms(of: organisation) {
            if keepingVocabularySorted, postings[term] == nil {
                vocabulary.insert(term, at: vocabulary.partitioningIndex { $0 >= term })
            }
            postings[term, default: []].append(Posting(slot: slot, weight: weight))
        }
        return slot
    }

    private mutating func markDead(_ id: UUID) {
        guard let slot = slotByID.removeValue(forKey: id) else { return }
        alive[Int(slot)] = false
        deadSlots += 1
    }

    /// Dead slots cost memory and time in every query; past a quarter of all slots,
    /// they are dropped and the live ones renumbered.
    private mutating func compactIfWasteful() {
        guard deadSlots > 1_000, deadSlots * 4 > ids.count else { return }
        var newSlot = [UInt32](repeating: .max, count: ids.count)
        var next: UInt32 = 0
        for slot in ids.indices where alive[slot] {
            newSlot[slot] = next
            next += 1
        }
        func keepLive<T>(_ column: [T]) -> [T] { column.indices.filter { alive[$0] }.map { column[$0] } }
        ids = keepLive(ids)
        hubOfSlot = keepLive(hubOfSlot)
        kindOfSlot = keepLive(kindOfSlot)
        topicMaskOfSlot = keepLive(topicMaskOfSlot)
        foldedNameOfSlot = keepLive(foldedNameOfSlot)
        foundedYearOfSlot = keepLive(foundedYearOfSlot)
        slotsByName = slotsByName.compactMap { newSlot[Int($0)] == .max ? nil : newSlot[Int($0)] }
        postings = postings.compactMapValues { list in
            let live = list.compactMap { posting -> Posting? in
                let slot = newSlot[Int(posting.slot)]
                return slot == .max ? nil : Posting(slot: slot, weight: posting.weight)
            }
            return live.isEmpty ? nil : live
        }
        vocabulary = postings.keys.sorted()
        alive = Array(repeating: true, count: ids.count)
        slotByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, UInt32($0)) })
        deadSlots = 0
    }

    static func weightedTerms(of organisation: Organisation) -> [String: Float] {
        var weights: [String: Float] = [:]
        func add(_ text: String, _ weight: Float) {
            for term in TextAnalyzer.terms(text) { weights[term, default: 0] += weight }
        }
        add(organisation.name, FieldWeight.name)
        for topic in organisation.topics {
            add(topic.label.de, FieldWeight.topic)
            if topic.label.en != topic.label.de { add(topic.label.en, FieldWeight.topic) }
            // The topic itself, for queries that name it by any of its words (`Lexicon`).
            weights[TextAnalyzer.topicTerm(topic.slug), default: 0] += FieldWeight.topic
        }
        add(organisation.city, FieldWeight.place)
        if let hub = organisation.hub { add(hub.name.en == hub.name.de ? hub.name.de : hub.name.de + " " + hub.name.en, FieldWeight.place) }
        add(organisation.kind.label.de + " " + organisation.kind.label.en, FieldWeight.place)
        for text in [organisation.description, organisation.offers, organisation.seeks] {
            add(text.de, FieldWeight.text)
            add(text.en, FieldWeight.text)
        }
        return weights
    }

    func nameOrder(_ lhs: UInt32, _ rhs: UInt32) -> Bool {
        let (left, right) = (foldedNameOfSlot[Int(lhs)], foldedNameOfSlot[Int(rhs)])
        return left != right ? left < right : ids[Int(lhs)].uuidString < ids[Int(rhs)].uuidString
    }
}
