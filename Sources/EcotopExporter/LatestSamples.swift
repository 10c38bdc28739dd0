import EcotopCore
import Synchronization

/// The newest sample of every series written so far, kept in memory as records are stored,
/// so that a scrape reads a table rather than the store.
///
/// A sample replaces the one kept for its series only when it is at least as new: a backfill
/// of older points never hides the latest value. Series keep the slot they got when first
/// seen, and `generation` changes only when a series is added, so what depends on the set of
/// series alone (the exposition's layout) is computed again only then. Safe to use from any
/// thread.
public final class LatestSamples: Sendable {
    /// The table at one moment: `points[i]` is the newest point of `keys[i]`.
    public struct Table: Sendable {
        /// Changes whenever a series is added.
        public var generation = 0
        public var keys: [SeriesKey] = []
        public var points: [SeriesPoint] = []
    }

    private let state = Mutex<(table: Table, slots: [SeriesKey: Int])>((Table(), [:]))

    public init() {}

    /// Keeps each sample that is the newest of its series so far.
    public func record(_ samples: some Sequence<Sample>) {
        state.withLock { state in
            for sample in samples {
                let point = SeriesPoint(timestamp: sample.timestamp, value: sample.value)
                if let slot = state.slots[sample.key] {
                    if sample.timestamp >= state.table.points[slot].timestamp { state.table.points[slot] = point }
                } else {
                    state.slots[sample.key] = state.table.keys.count
                    state.table.keys.append(sample.key)
                    state.table.points.append(point)
                    state.table.generation += 1
                }
            }
        }
    }

    /// The table now (a copy-on-write copy: cheap to take).
    public var table: Table {
        state.withLock { $0.table }
    }
}
