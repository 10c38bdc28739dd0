import EcotopCore

/// One metric divided by a label (`component` or `partner`): each value of the label with its
/// newest value, its share of the metric and its history over the range, so the detail view can
/// answer "is this component pulling its weight". The series that carry the label are grouped
/// by its value and each group combined as the metric's series are (`MetricSeries`: counts,
/// rates and money add up, percentages and scores are averaged, counters read as rates).
public struct MetricBreakdown: Sendable, Hashable {
    /// One value of the label.
    public struct Part: Sendable, Hashable, Identifiable {
        /// The label's value, e.g. `storefront`.
        public var value: String
        /// The newest combined value, within the range.
        public var latest: Double?
        /// The part's share (0-1) of the parts' sum, for metrics that add up; nil otherwise.
        public var share: Double?
        /// The range's points, `buckets` of them at most, oldest first.
        public var points: [SeriesPoint]

        public var id: String { value }
    }

    /// The label the metric is divided by.
    public var label: String
    /// The parts, the largest newest value first.
    public var parts: [Part]
    /// Series of the metric without the label (such as the unlabelled total), not in any part.
    public var seriesWithoutLabel: Int

    /// Divides `metric` by `label` over the `range` ending at `time`.
    public init(
        metric: MetricDefinition, label: String, source: any SeriesSource, at time: Double, range: TimeRange, buckets: Int
    ) throws {
        try self.init(metric: metric, label: label, source: source, at: time, seconds: range.seconds, buckets: buckets)
    }

    /// Divides `metric` by `label` over the `seconds` ending at `time` (a review's period,
    /// which need not be one of the dashboard's ranges).
    public init(
        metric: MetricDefinition, label: String, source: any SeriesSource, at time: Double, seconds: Double, buckets: Int
    ) throws {
        let keys = try source.seriesKeys(named: metric.id.rawValue)
        var groups: [String: [SeriesKey]] = [:]
        for key in keys {
            if let value = key[label: label] { groups[value, default: []].append(key) }
        }
        var parts = try groups.map { value, keys in
            let series = MetricSeries(metric: metric, keys: keys, source: source)
            return Part(
                value: value, latest: try series.latest(at: time, lookback: seconds) { _, _ in true }?.value, share: nil,
                points: try series.points(from: time - seconds, to: time, buckets: buckets))
        }
        if metric.unit.addsUpAcrossSeries {
            let total = parts.compactMap(\.latest).reduce(0, +)
            for index in parts.indices where total > 0 { parts[index].share = (parts[index].latest ?? 0) / total }
        }
        self.label = label
        self.parts = parts.sorted { ($0.latest ?? -.infinity, $1.value) > ($1.latest ?? -.infinity, $0.value) }
        seriesWithoutLabel = keys.count - groups.values.reduce(0) { $0 + $1.count }
    }
}
