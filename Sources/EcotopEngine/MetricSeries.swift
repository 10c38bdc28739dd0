import EcotopCore

/// All the series recorded for one metric (one per shop, per integration, per host), read as
/// the metric's single value: series of counts, rates and money add up, series of
/// percentages, scores and indexes are averaged (`MetricUnit.addsUpAcrossSeries`).
///
/// The average is unweighted: an error rate averaged over integrations does not weigh busy
/// integrations more. Collectors that know the weights should also write the metric without
/// labels, which is then read alone.
///
/// A counter metric (`MetricDefinition.isCounter`) is read as each series' rate per the
/// unit's period (`CounterRate`, resets handled), and the rates are combined.
struct MetricSeries {
    let metric: MetricDefinition
    let keys: [SeriesKey]
    let source: any SeriesSource

    /// The metric's series in `source`; the unlabelled series when it has it or has none.
    init(metric: MetricDefinition, source: any SeriesSource) throws {
        self.metric = metric
        self.source = source
        let unlabelled = SeriesKey(name: metric.id.rawValue)
        let keys = try source.seriesKeys(named: metric.id.rawValue)
        self.keys = keys.isEmpty || keys.contains(unlabelled) ? [unlabelled] : keys
    }

    /// Chosen series of the metric, combined as the metric's series are (a part of a breakdown).
    init(metric: MetricDefinition, keys: [SeriesKey], source: any SeriesSource) {
        self.metric = metric
        self.source = source
        self.keys = keys
    }

    /// The one key when the metric is a single series, for reads that need one (anomalies).
    var singleKey: SeriesKey? { keys.count == 1 ? keys[0] : nil }

    /// The combined points, bucket by bucket (every series is read with the same buckets, so
    /// their timestamps line up).
    func points(from: Double, to: Double, buckets: Int) throws -> [SeriesPoint] {
        if let key = singleKey { return try points(of: key, from: from, to: to, buckets: buckets) }
        var combined: [Double: BucketAggregator] = [:]
        for key in keys {
            for point in try points(of: key, from: from, to: to, buckets: buckets) {
                combined[point.timestamp, default: BucketAggregator(combination)].add(point.value)
            }
        }
        return combined.compactMap { time, aggregator in aggregator.result.map { SeriesPoint(timestamp: time, value: $0) } }
            .sorted { $0.timestamp < $1.timestamp }
    }

    /// The combined newest value: the series' newest points that `isCurrent` accepts (the
    /// fresh ones), else the single newest point when none is.
    func latest(at time: Double, lookback: Double, isCurrent: (SeriesKey, SeriesPoint) -> Bool) throws -> SeriesPoint? {
        let newest = try keys.compactMap { key in try latest(of: key, at: time, lookback: lookback).map { (key, $0) } }
        let current = newest.filter { isCurrent($0.0, $0.1) }.map(\.1)
        guard !current.isEmpty else { return newest.map(\.1).max { $0.timestamp < $1.timestamp } }
        var aggregator = BucketAggregator(combination)
        for point in current { aggregator.add(point.value) }
        return aggregator.result.map { SeriesPoint(timestamp: current.map(\.timestamp).max()!, value: $0) }
    }

    private var combination: Aggregation { metric.unit.addsUpAcrossSeries ? .sum : .avg }

    /// The range's minimum, mean and maximum from `buckets` buckets of the store's data:
    /// minimums of minimums, maximums of maximums, summed values over summed counts. A metric
    /// combined from several series, or read as a rate, takes them from its combined `history`.
    func statistics(from: Double, to: Double, buckets: Int, history: [SeriesPoint]) throws -> RangeStatistics? {
        guard let key = singleKey, !metric.isCounter else {
            return WindowStatistics(points: history).map { RangeStatistics(minimum: $0.minimum, average: $0.average, maximum: $0.maximum) }
        }
        let read = { (aggregation: Aggregation) in
            try source.points(of: key, from: from, to: to, buckets: buckets, aggregation: aggregation).map(\.value)
        }
        let minimums = try read(.min), maximums = try read(.max)
        let sum = try read(.sum).reduce(0, +), count = try read(.count).reduce(0, +)
        guard let minimum = minimums.min(), let maximum = maximums.max(), count > 0 else { return nil }
        return RangeStatistics(minimum: minimum, average: sum / count, maximum: maximum)
    }

    /// One series' points; a counter's as rates between its buckets' last readings, so a range
    /// of `buckets` buckets is read with one more bucket before it to rate the first.
    private func points(of key: SeriesKey, from: Double, to: Double, buckets: Int) throws -> [SeriesPoint] {
        guard metric.isCounter, let period = RatePeriod(unit: metric.unit) else {
            return try source.points(of: key, from: from, to: to, buckets: buckets, aggregation: metric.aggregation)
        }
        let width = (to - from) / Double(max(1, buckets))
        let totals = try source.points(of: key, from: from - width, to: to, buckets: buckets + 1, aggregation: .last)
        return CounterRate.rates(of: totals, per: period)
    }

    /// One series' newest value; a counter's as the rate between its two newest readings.
    private func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint? {
        guard metric.isCounter, let period = RatePeriod(unit: metric.unit) else {
            return try source.latest(of: key, at: time, lookback: lookback)
        }
        guard let newest = try source.latest(of: key, at: time, lookback: lookback),
              let before = try source.latest(of: key, at: newest.timestamp.nextDown, lookback: lookback) else { return nil }
        return CounterRate.rates(of: [before, newest], per: period).last
    }
}
