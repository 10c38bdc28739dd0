import EcotopCore

/// Serves history straight from the demo simulator, for when nothing has been stored yet.
///
/// The simulated samples sit on a grid of absolute times, as recorded samples would: every
/// `sampleInterval` seconds (the demo recorder's interval), thinned to every `step` for long
/// buckets so that a bucket combines at most about `samplesPerBucket` of them. A bucket
/// aggregates the grid samples inside it and the latest value is the newest grid sample, so
/// history does not shift as the clock moves between two grid times, and the first frame
/// draws the same history the recorder would have stored.
public struct DemoSeriesSource: SeriesSource {
    public let simulator: DemoSimulator
    /// How many samples one bucket combines at most (about).
    public var samplesPerBucket: Int
    /// Seconds between simulated samples: the demo recorder's interval.
    public static let sampleInterval = 10.0

    public init(simulator: DemoSimulator, samplesPerBucket: Int = 6) {
        self.simulator = simulator
        self.samplesPerBucket = samplesPerBucket
    }

    public func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) -> [SeriesPoint] {
        guard buckets > 0, to > from else { return [] }
        let width = (to - from) / Double(buckets)
        let step = Self.step(forBucketWidth: width, samplesPerBucket: samplesPerBucket)
        // The grid times in (from, to], on multiples of step.
        let firstIndex = (from / step).rounded(.down) + 1, lastIndex = (to / step).rounded(.down)
        guard lastIndex >= firstIndex else { return [] }
        let times = stride(from: firstIndex, through: lastIndex, by: 1).map { $0 * step }
        guard let values = simulator.values(of: key, at: times) else { return [] }
        var aggregators = Array(repeating: BucketAggregator(aggregation), count: buckets)
        for (time, value) in zip(times, values) {
            let bucket = min(buckets - 1, max(0, Int(((time - from) / width).rounded(.up)) - 1))
            aggregators[bucket].add(value)
        }
        return aggregators.enumerated().compactMap { offset, aggregator in
            aggregator.result.map { SeriesPoint(timestamp: from + width * Double(offset + 1), value: $0) }
        }
    }

    public func latest(of key: SeriesKey, at time: Double, lookback: Double) -> SeriesPoint? {
        let sampled = (time / Self.sampleInterval).rounded(.down) * Self.sampleInterval
        guard sampled >= time - lookback else { return nil }
        return simulator.values(of: key, at: [sampled])?.first.map { SeriesPoint(timestamp: sampled, value: $0) }
    }

    /// A metric's total and its labelled parts.
    public func seriesKeys(named name: String) -> [SeriesKey] {
        simulator.seriesKeys(of: MetricID(rawValue: name))
    }

    /// The simulated data changes only when a new grid sample is due.
    public func revision(at time: Double) -> Int? {
        Int((time / Self.sampleInterval).rounded(.down))
    }

    /// The grid step for buckets `width` seconds wide: the sample interval, or a multiple of
    /// it that leaves about `samplesPerBucket` samples in a bucket.
    static func step(forBucketWidth width: Double, samplesPerBucket: Int) -> Double {
        let wanted = width / Double(max(1, samplesPerBucket))
        return max(1, (wanted / sampleInterval).rounded(.up)) * sampleInterval
    }
}
