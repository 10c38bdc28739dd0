import EcotopCore

/// Serves history straight from the demo simulator, for when nothing has been stored yet:
/// each bucket aggregates evenly spaced samples of the simulated signal.
public struct DemoSeriesSource: SeriesSource {
    public let simulator: DemoSimulator
    /// How many samples one bucket combines at most.
    public var samplesPerBucket: Int

    public init(simulator: DemoSimulator, samplesPerBucket: Int = 6) {
        self.simulator = simulator
        self.samplesPerBucket = samplesPerBucket
    }

    public func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) -> [SeriesPoint] {
        guard key.labels.isEmpty, buckets > 0, to > from else { return [] }
        let metric = MetricID(rawValue: key.name)
        let width = (to - from) / Double(buckets)
        let samples = max(1, min(samplesPerBucket, Int(width)))
        return (0..<buckets).compactMap { bucket in
            let end = from + width * Double(bucket + 1)
            var aggregator = BucketAggregator(aggregation)
            for sample in (0..<samples).reversed() {
                let time = (end - width * Double(sample) / Double(samples)).rounded(.down)
                if let value = simulator.value(of: metric, at: time) { aggregator.add(value) }
            }
            return aggregator.result.map { SeriesPoint(timestamp: end, value: $0) }
        }
    }

    public func latest(of key: SeriesKey, at time: Double, lookback: Double) -> SeriesPoint? {
        guard key.labels.isEmpty else { return nil }
        let second = time.rounded(.down)
        return simulator.value(of: MetricID(rawValue: key.name), at: second).map { SeriesPoint(timestamp: second, value: $0) }
    }
}
