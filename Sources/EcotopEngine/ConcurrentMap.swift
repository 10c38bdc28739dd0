import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` with up to `width` elements transformed at once, each worker on a
    /// thread of its own (a serial queue), for transforms that mostly wait (a server's answer).
    /// The results keep the elements' order; when transforms fail, the error of the first
    /// failing element is thrown, as `map` would. A width of 1 maps on the calling thread.
    func concurrentMap<T: Sendable>(width: Int, _ transform: @escaping @Sendable (Element) throws -> T) throws -> [T] {
        guard width > 1, count > 1 else { return try map(transform) }
        let work = ConcurrentWork<Element, T>(self, transform)
        let group = DispatchGroup()
        for worker in 0..<Swift.min(width, count) {
            DispatchQueue(label: "ecotop.concurrent-map.\(worker)").async(group: group) { work.run() }
        }
        group.wait()
        return try work.results.withLock { $0 }.map { try $0!.get() }
    }
}

/// The elements a `concurrentMap` shares out, the index of the next one to take, and the
/// results so far.
private final class ConcurrentWork<Element: Sendable, T: Sendable>: Sendable {
    let elements: [Element]
    let transform: @Sendable (Element) throws -> T
    let next = Atomic<Int>(0)
    let results: Mutex<[Result<T, any Error>?]>

    init(_ elements: [Element], _ transform: @escaping @Sendable (Element) throws -> T) {
        self.elements = elements
        self.transform = transform
        results = Mutex(Array(repeating: nil, count: elements.count))
    }

    /// Transforms elements until none is left.
    func run() {
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < elements.count else { return }
            let result = Result { try transform(elements[index]) }
            results.withLock { $0[index] = result }
        }
    }
}
