import EcotopCore
import Synchronization

/// The newest sample of every series written so far, kept in memory as records are stored,
/// so that a scrape reads a table rather than the store.
///
/// A sample replaces the one kept for its series only when it is at least as new: a backfill
/// of older points never hides the latest value. Safe to use from any thread.
public final class LatestSamples: Sendable {
    private let table = Mutex<[SeriesKey: Sample]>([:])

    public init() {}

    /// Keeps each sample that is the newest of its series so far.
    public func record(_ samples: some Sequence<Sample>) {
        table.withLock { table in
            for sample in samples where sample.timestamp >= table[sample.key]?.timestamp ?? -.infinity {
                table[sample.key] = sample
            }
        }
    }

    /// The newest sample of every series, in no particular order.
    public var snapshot: [Sample] {
        table.withLock { Array($0.values) }
    }
}
