import EcotopCore

/// A `SeriesSource` over points held in memory, bucketed the way the protocol describes:
/// `buckets` equal buckets over `from...to`, each stamped at its end, empty ones left out.
public struct RecordedSeriesSource: SeriesSource {
    public var series: [SeriesKey: [SeriesPoint]]

    public init(_ series: [SeriesKey: [SeriesPoint]]) {
        self.series = series.mapValues { $0.sorted { $0.timestamp < $1.timestamp } }
    }

    public func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) -> [SeriesPoint] {
        guard let points = series[key], buckets > 0, to > from else { return [] }
        let width = (to - from) / Double(buckets)
        var aggregators = Array(repeating: BucketAggregator(aggregation), count: buckets)
        for point in points where point.timestamp > from && point.timestamp <= to {
            let bucket = min(buckets - 1, Int(((point.timestamp - from) / width).rounded(.up)) - 1)
            aggregators[max(0, bucket)].add(point.value)
        }
        return aggregators.enumerated().compactMap { offset, aggregator in
            aggregator.result.map { SeriesPoint(timestamp: from + width * Double(offset + 1), value: $0) }
        }
    }

    public func latest(of key: SeriesKey, at time: Double, lookback: Double) -> SeriesPoint? {
        series[key]?.last { $0.timestamp <= time && $0.timestamp >= time - lookback }
    }

    public func seriesKeys(named name: String) -> [SeriesKey] {
        series.keys.filter { $0.name == name }.sorted()
    }
}
