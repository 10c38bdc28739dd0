import EcotopCore

/// When a series counts as stale: no point arrived for `missedIntervals` of its expected
/// collection intervals.
///
/// The expected interval is the interval of the collector that feeds the series. It is set
/// per series (`intervals`, keyed by `SeriesKey`) or per metric (`metricIntervals`, for every
/// series of that metric name); anything else uses `defaultInterval`. A series with a
/// 60-second collector and the default of 5 missed intervals is stale once its newest point
/// is more than 300 seconds old. The limit is inclusive: a point exactly at the limit is fresh.
public struct StalenessPolicy: Sendable, Hashable {
    /// Seconds between collections for series without a configured interval.
    public var defaultInterval: Double
    /// How many expected intervals may pass without data before a series is stale.
    public var missedIntervals: Double
    /// Expected intervals of single series, which win over `metricIntervals`.
    public var intervals: [SeriesKey: Double]
    /// Expected intervals of every series of a metric.
    public var metricIntervals: [MetricID: Double]

    public init(
        defaultInterval: Double = 60, missedIntervals: Double = 5, intervals: [SeriesKey: Double] = [:],
        metricIntervals: [MetricID: Double] = [:]
    ) {
        self.defaultInterval = max(0, defaultInterval)
        self.missedIntervals = max(0, missedIntervals)
        self.intervals = intervals
        self.metricIntervals = metricIntervals
    }

    /// The expected collection interval of a series.
    public func interval(of key: SeriesKey) -> Double {
        intervals[key] ?? metricIntervals[MetricID(rawValue: key.name)] ?? defaultInterval
    }

    /// The age, in seconds, past which the newest point of a series is stale.
    public func limit(for key: SeriesKey) -> Double {
        interval(of: key) * missedIntervals
    }

    /// The staleness limit of series without a configured interval.
    public var defaultLimit: Double { defaultInterval * missedIntervals }

    /// Whether a series whose newest point is at `newest` is stale at `time`.
    public func isStale(_ key: SeriesKey, newest: Double, at time: Double) -> Bool {
        time - newest > limit(for: key)
    }
}

/// How current the data of each source is: the age of the newest point of every series (or
/// of every collector), an ecosystem-level metric of the reference text's "Maintain and
/// measure" section ("data freshness across platforms").
public struct DataFreshness: Sendable, Hashable {
    /// The freshness of one source.
    public struct Entry: Sendable, Hashable {
        /// The series (or the collector's series) measured.
        public var key: SeriesKey
        /// When its newest point was recorded; nil when nothing arrived within the lookback.
        public var newest: Double?
        /// Seconds since then; nil without a point.
        public var age: Double?
        /// The age past which the source is stale (`StalenessPolicy.limit(for:)`).
        public var limit: Double
        /// How often the source is expected to deliver (`StalenessPolicy.interval(of:)`).
        public var interval: Double

        /// Whether the source delivers on time: it has a point no older than its limit.
        public var isFresh: Bool { age.map { $0 <= limit } ?? false }
    }

    /// Seconds since the Unix epoch at which freshness was measured.
    public var time: Double
    /// One entry per source, stalest first (sources without data first of all), then by key.
    public var entries: [Entry]

    /// Measures freshness from the newest timestamp of each source (nil: no data).
    public init(newest: [SeriesKey: Double?], at time: Double, policy: StalenessPolicy = StalenessPolicy()) {
        self.time = time
        self.entries = newest.map { key, newest in
            Entry(
                key: key, newest: newest, age: newest.map { max(0, time - $0) }, limit: policy.limit(for: key),
                interval: policy.interval(of: key))
        }
        .sorted { lhs, rhs in
            let left = lhs.age ?? .infinity, right = rhs.age ?? .infinity
            return left != right ? left > right : lhs.key < rhs.key
        }
    }

    /// Measures freshness by asking a source for the newest point of each series within `lookback`.
    public init(
        keys: [SeriesKey], source: any SeriesSource, at time: Double, lookback: Double,
        policy: StalenessPolicy = StalenessPolicy()
    ) throws {
        var newest: [SeriesKey: Double?] = [:]
        for key in keys {
            // updateValue, not subscript assignment: assigning nil would drop the key instead of
            // recording a source without data.
            newest.updateValue(try source.latest(of: key, at: time, lookback: lookback)?.timestamp, forKey: key)
        }
        self.init(newest: newest, at: time, policy: policy)
    }

    /// The share of sources (0-1) that are fresh; nil when there are none.
    public var freshShare: Double? {
        guard !entries.isEmpty else { return nil }
        return Double(entries.filter(\.isFresh).count) / Double(entries.count)
    }

    /// The sources that are not fresh, stalest first.
    public var staleEntries: [Entry] { entries.filter { !$0.isFresh } }

    /// The age of the stalest source that has data at all.
    public var oldestAge: Double? { entries.compactMap(\.age).max() }

    /// The median age of the sources with data.
    public var medianAge: Double? { Percentile.median(entries.compactMap(\.age)) }
}
