import EcotopCore

/// The buckets of one metric's series read in one request: every aggregation of each bucket
/// of `step` seconds ending at `end`, `end - step`, ... down to `firstEnd` (and the newest
/// sample's time before the newest and the middle bucket's end). A later read with the same
/// step whose bucket ends fall on this grid, inside it, is answered from it without asking the
/// server again.
struct BucketGrid: Sendable {
    /// Tells the grids of a source apart, for filling in sample times later.
    var id = 0
    var metric: String
    var step: Double
    /// The end of the newest bucket.
    var end: Double
    /// The end of the oldest bucket.
    var firstEnd: Double
    /// The aggregations read (`time` is always read too).
    var aggregations: Set<Aggregation>
    /// Per series, per bucket index (0 is the bucket ending at `end`, 1 the one before...).
    var buckets: [SeriesKey: [Int: BucketValues]]
    /// Whether each bucket is `[end - step, end)` (a range read) rather than `[end - step, end]`
    /// (a newest-value read).
    var halfOpen: Bool
    /// The buckets whose newest sample times were read from their raw samples.
    var sampleTimesRead: Set<Int> = []

    /// What one bucket of one series holds.
    struct BucketValues: Sendable {
        var values: [Aggregation: Double] = [:]
        /// When the bucket's newest sample was taken; nil when it was not asked (only the
        /// newest samples before the ends of the grid's newest and middle buckets are,
        /// `PrometheusSource.fetchGrid`) or is not within Prometheus's lookback of that end,
        /// until read from the raw samples.
        var newest: Double?
    }

    /// Fills in each bucket's `avg` as its `sum` over its `count` (asked instead of `avg`,
    /// `PromQL.asked(for:)`).
    mutating func averageSumsOverCounts() {
        for (key, series) in buckets {
            for (index, bucket) in series {
                guard let sum = bucket.values[.sum], let count = bucket.values[.count], count > 0 else { continue }
                buckets[key]?[index]?.values[.avg] = sum / count
            }
        }
    }

    /// The index of the bucket ending at `time`, when `time` is one of the grid's bucket ends.
    func index(ofBucketEnding time: Double) -> Int? {
        let offset = (end - time) / step
        let index = offset.rounded()
        guard abs(offset - index) < 1e-6, index >= 0, time >= firstEnd - step * 1e-6 else { return nil }
        return Int(index)
    }

    /// The index of the half-open bucket `[end - step, end)` that holds a sample taken at
    /// `time`, when one of the grid's does.
    func index(ofBucketHolding time: Double) -> Int? {
        // In milliseconds, the API's precision: a sample on a boundary is in the bucket it starts.
        let before = (end * 1000).rounded() - (time * 1000).rounded()
        let index = Int(((before - 0.5) / (step * 1000)).rounded(.down))
        guard index >= 0, end - Double(index) * step >= firstEnd - step * 1e-6 else { return nil }
        return index
    }

    /// The points of `key` in `buckets` buckets of `step` seconds ending at `to`, oldest first;
    /// nil when the grid cannot answer (another step or aggregation, or buckets outside it).
    func points(of key: SeriesKey, to: Double, step: Double, buckets count: Int, aggregation: Aggregation) -> [SeriesPoint]? {
        guard aggregations.contains(aggregation), abs(step - self.step) <= self.step * 1e-9,
            let last = index(ofBucketEnding: to), index(ofBucketEnding: to - Double(count - 1) * step) != nil
        else { return nil }
        guard let series = buckets[key] else { return [] }
        let from = to - Double(count) * step
        return (0..<count).compactMap { bucket in
            series[last + count - 1 - bucket]?.values[aggregation].map { SeriesPoint(timestamp: from + Double(bucket + 1) * step, value: $0) }
        }
    }

    /// What the grid says about the newest sample of a series.
    enum Latest {
        /// The newest sample in `(time - lookback, time]`, or nil without one.
        case point(SeriesPoint?)
        /// The newest sample is in this bucket but its time is not known yet: read it from the
        /// bucket's raw samples (`sampleTimesRead`).
        case needsSampleTimes(bucket: Int)
    }

    /// The newest sample of `key` in `(time - lookback, time]`; nil (the grid cannot tell) when
    /// `time` is not a bucket end or the grid does not reach back `lookback`.
    func latest(of key: SeriesKey, at time: Double, lookback: Double) -> Latest? {
        guard aggregations.contains(.last), let first = index(ofBucketEnding: time),
            firstEnd - step <= time - lookback + step * 1e-6
        else { return nil }
        guard let series = buckets[key] else { return .point(nil) }
        var index = first
        while end - Double(index) * step > time - lookback {
            if let bucket = series[index], let value = bucket.values[.last] {
                if let newest = bucket.newest {
                    return .point(newest > time - lookback ? SeriesPoint(timestamp: min(newest, time), value: value) : nil)
                }
                if !sampleTimesRead.contains(index) { return .needsSampleTimes(bucket: index) }
            }
            index += 1
        }
        return .point(nil)
    }
}
