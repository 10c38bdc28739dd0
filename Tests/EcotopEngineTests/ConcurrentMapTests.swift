@testable import EcotopEngine
import EcotopTestSupport
import Synchronization
import Testing

/// A snapshot reads the metrics of a slow source several at a time, in order and with the
/// error `map` would throw.
@Suite struct ConcurrentMapTests {
    struct Failure: Error, Equatable {
        var element: Int
    }

    @Test func upToTheWidthRunAtOnce() throws {
        let started = Mutex(0)
        let together = try [1, 2, 3].concurrentMap(width: 3) { element in
            started.withLock { $0 += 1 }
            try wait(for: "all three transforms to start", timeout: .seconds(20)) { started.withLock { $0 } == 3 }
            return element * 10
        }
        #expect(together == [10, 20, 30])
    }

    @Test func resultsKeepTheOrderAndTheFirstFailureInOrderIsThrown() throws {
        let elements = Array(0..<50)
        #expect(try elements.concurrentMap(width: 6) { $0 * 2 } == elements.map { $0 * 2 })
        #expect(throws: Failure(element: 7)) {
            try elements.concurrentMap(width: 6) { element in
                if element % 7 == 0, element > 0 { throw Failure(element: element) }
                return element
            }
        }
    }

    @Test func aWidthOfOneMapsOnTheCallingThread() throws {
        let order = Mutex<[Int]>([])
        _ = try [3, 1, 2].concurrentMap(width: 1) { element in order.withLock { $0.append(element) } }
        #expect(order.withLock { $0 } == [3, 1, 2])
    }
}
