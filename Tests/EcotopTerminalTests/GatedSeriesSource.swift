import Dispatch
import EcotopCore

/// A series source whose reads block until the gate opens or `delay` seconds pass: a
/// deliberately slow store.
struct GatedSeriesSource: SeriesSource {
    let base: any SeriesSource
    let gate: DispatchSemaphore
    let delay: Double

    private func block() {
        if gate.wait(timeout: .now() + delay) == .success { gate.signal() }
    }

    func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) throws -> [SeriesPoint] {
        block()
        return try base.points(of: key, from: from, to: to, buckets: buckets, aggregation: aggregation)
    }

    func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint? {
        block()
        return try base.latest(of: key, at: time, lookback: lookback)
    }
}
