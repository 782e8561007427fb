/// A set of slots as one bit per slot: testing a slot reads one word of an array small
/// enough to stay in cache (125 kB for a million documents), where a slot's own facts would
/// be a read from memory.
struct SlotBits: Sendable {
    private var words: [UInt64] = []

    func contains(_ slot: UInt32) -> Bool {
        let word = Int(slot >> 6)
        return word < words.count && words[word] & (UInt64(1) << UInt64(slot & 63)) != 0
    }

    mutating func insert(_ slot: UInt32) {
        let word = Int(slot >> 6)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= UInt64(1) << UInt64(slot & 63)
    }

    mutating func remove(_ slot: UInt32) {
        let word = Int(slot >> 6)
        guard word < words.count else { return }
        words[word] &= ~(UInt64(1) << UInt64(slot & 63))
    }

    var bytes: Int { words.capacity * 8 }
}
