import Foundation

extension MatchIndex {
    /// Offers `top` every document the clauses' lists hold that can reach it, and tells how
    /// many documents were scored and considered.
    ///
    /// MaxScore: clauses by their best possible contribution, smallest first. A document
    /// found only in the first `essential` lists cannot beat the results held, so only
    /// the other lists propose documents; the first ones are looked up by skipping.
    /// The slots are walked in windows. Where the rules reward some documents more than
    /// others (topics, places), a window stays within one rule block, and in a block
    /// whose documents the rules give less, more lists are left to lookups. A window whose
    /// best documents (by the proposing lists' block bounds and the block's rule bound)
    /// cannot beat the results held is passed over whole (block-max).
    func walk(_ clauses: [Clause], rules: Rules, into top: inout TopResults) -> (scored: Int, considered: Int) {
        var scored = 0, considered = 0
        let ordered = clauses.sorted { clauseBound($0) < clauseBound($1) }
        let lists = ordered.map { postings[Int($0.term)] }
        let units = ordered.map(boundPerImpact)
        let bounds = ordered.map(clauseBound)
        var below = [0.0]
        for bound in bounds { below.append(below.last! + bound) }
        let bonusBound = rules.maximumPoints
        // A document without the topics asked for gets at most `plainBound` from the rules,
        // so for it more lists can be left to lookups (`essentialPlain` ≥ `essential`).
        let plainBound = rules.maximumPointsBesidesTopics
        // Whether the rules give some blocks less than others; if not, windows need not end
        // with a rule block.
        let rulesVary = rules.varyByBlock
        // The loop below runs for every candidate of every list: it reads the lists through
        // buffers (no reference counting, no bounds checks on each step) held for the search.
        Self.withBuffers(lists.map(\.items)) { items in
            let count = items.count
            var cursors = [Int](repeating: 0, count: count)
            var essential = 0, essentialPlain = 0
            let blockSize = Postings.blockSize
            while true {
                // The window starts at the first slot a proposing list holds and ends with its
                // rule block, or sooner, where one of the lists proposing in it ends a block.
                var start = UInt32.max
                for c in essential..<count where cursors[c] < items[c].count { start = min(start, items[c][cursors[c]].slot) }
                if start == .max { break }
                var ruleBound = bonusBound, end = UInt32.max
                if rulesVary {
                    let ruleBlock = Int(start) / RuleBlock.size
                    ruleBound = min(bonusBound, rules.pointsBound(ruleBlocks[ruleBlock]))
                    end = UInt32((ruleBlock + 1) * RuleBlock.size - 1)
                }
                var local = essential
                while local < count, top.rulesOut(below[local + 1] + ruleBound) { local += 1 }
                var windowBound = below[local] + ruleBound
                for c in local..<count where cursors[c] < items[c].count {
                    let block = cursors[c] / blockSize
                    end = min(end, items[c][min((block + 1) * blockSize, items[c].count) - 1].slot)
                    windowBound += units[c] * Double(lists[c].blockMaxima[block])
                }
                if top.rulesOut(windowBound) {
                    for c in essential..<count { cursors[c] = Self.advance(items[c], from: cursors[c], to: end &+ 1) }
                    continue
                }
                while true {
                    var candidate = UInt32.max
                    for c in local..<count where cursors[c] < items[c].count {
                        candidate = min(candidate, items[c][cursors[c]].slot)
                    }
                    if candidate > end { break }
                    var rulesAtMost: Double?
                    if essentialPlain > local,
                       !(essentialPlain..<count).contains(where: { cursors[$0] < items[$0].count && items[$0][cursors[$0]].slot == candidate }) {
                        // Found only in lists that cannot lift a document without the topics
                        // asked for above the results held: it needs those topics to count.
                        let bound = rules.pointsBound(candidate)
                        if bound <= plainBound {
                            for c in local..<essentialPlain where cursors[c] < items[c].count && items[c][cursors[c]].slot == candidate { cursors[c] += 1 }
                            continue
                        }
                        rulesAtMost = bound
                    }
                    considered += 1
                    var score = 0.0
                    for c in local..<count where cursors[c] < items[c].count && items[c][cursors[c]].slot == candidate {
                        score += contribution(ordered[c], items[c][cursors[c]].impact, slot: candidate)
                        cursors[c] += 1
                    }
                    // Cheap first: what the other lists and the rules could add at most, then with
                    // the candidate's topics and hub, from bits that stay in cache; the other lists
                    // next, read in order; the candidate's own facts, a read from memory, last.
                    if top.rulesOut(score + below[local] + ruleBound) { continue }
                    let bonusAtMost = ruleBound <= plainBound ? ruleBound : min(ruleBound, rulesAtMost ?? rules.pointsBound(candidate))
                    var possible = true
                    for c in (0..<local).reversed() {
                        if top.rulesOut(score + below[c + 1] + bonusAtMost) { possible = false; break }
                        let position = Self.advance(items[c], from: cursors[c], to: candidate)
                        cursors[c] = position
                        if position < items[c].count, items[c][position].slot == candidate {
                            score += contribution(ordered[c], items[c][position].impact, slot: candidate)
                        }
                    }
                    guard possible, !top.rulesOut(score + bonusAtMost), rules.admits(candidate) else { continue }
                    let bonus = rules.points(candidate)
                    guard !top.rulesOut(score + bonus) else { continue }
                    scored += 1
                    top.offer(candidate, score: score + bonus)
                    // The better the results held, the more lists become non-essential.
                    while essential < count, top.rulesOut(below[essential + 1] + bonusBound) { essential += 1 }
                    local = max(local, essential)
                    while local < count, top.rulesOut(below[local + 1] + ruleBound) { local += 1 }
                    essentialPlain = max(essentialPlain, essential)
                    while essentialPlain < count, top.rulesOut(below[essentialPlain + 1] + plainBound) { essentialPlain += 1 }
                }
                // Lists that proposed nothing in this window move past it.
                for c in essential..<local { cursors[c] = Self.advance(items[c], from: cursors[c], to: end &+ 1) }
            }
        }
        return (scored, considered)
    }

    /// The most a clause can add to any document.
    func clauseBound(_ clause: Clause) -> Double {
        boundPerImpact(clause) * Double(postings[Int(clause.term)].maxImpact)
    }

    /// The most a clause can add to a document per unit of its stored impact. Other field
    /// weights stretch the weighted count at most by `stretch`, and saturation grows less.
    func boundPerImpact(_ clause: Clause) -> Double {
        // A hair above, so that rounding impacts to Float never makes a bound too low.
        clause.weight * clause.inverseDocumentFrequency * clause.stretch * (1 + 1e-6)
    }

    /// The first position at or after `start` whose slot is not below `slot`: galloping, so
    /// long skips cost a logarithm, short ones a step.
    static func advance(_ items: UnsafeBufferPointer<Postings.Item>, from start: Int, to slot: UInt32) -> Int {
        guard start < items.count, items[start].slot < slot else { return start }
        var step = 1, low = start, high = start + 1
        while high < items.count, items[high].slot < slot {
            low = high
            step *= 2
            high = min(items.count, start + step)
        }
        // Binary search in low..<high: items[low] is below `slot`, items[high] (if any) is not.
        var lower = low + 1, upper = min(high, items.count)
        while lower < upper {
            let middle = (lower + upper) / 2
            if items[middle].slot < slot { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }

    /// Runs `body` with every list's items as a buffer; the lists stay alive throughout.
    static func withBuffers<R>(_ lists: [[Postings.Item]], _ body: ([UnsafeBufferPointer<Postings.Item>]) throws -> R) rethrows -> R {
        var buffers: [UnsafeBufferPointer<Postings.Item>] = []
        buffers.reserveCapacity(lists.count)
        func nest(_ index: Int) throws -> R {
            guard index < lists.count else { return try body(buffers) }
            return try lists[index].withUnsafeBufferPointer { buffer in
                buffers.append(buffer)
                return try nest(index + 1)
            }
        }
        return try nest(0)
    }
}
