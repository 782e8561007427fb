/// A binary min-heap under a given order, for Dijkstra in the jury assignment and the
/// scarce-first queue of the meeting scheduler.
struct MinimumHeap<Element> {
    private var items: [Element] = []
    private let before: (Element, Element) -> Bool

    init(_ items: [Element] = [], by before: @escaping (Element, Element) -> Bool) {
        self.before = before
        for item in items { push(item) }
    }

    var isEmpty: Bool { items.isEmpty }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ item: Element) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, before(items[left], items[smallest]) { smallest = left }
                if right < items.count, before(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
