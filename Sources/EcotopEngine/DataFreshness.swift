import EcotopCore

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
            Entry(key: key, newest: newest, age: newest.map { max(0, time - $0) }, limit: policy.limit(for: key))
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
        for key in keys { newest[key] = try source.latest(of: key, at: time, lookback: lookback)?.timestamp }
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
