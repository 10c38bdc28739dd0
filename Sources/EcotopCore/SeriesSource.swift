/// Where the dashboard and the engine read history from: the store, or the demo simulator
/// before anything was stored.
public protocol SeriesSource: Sendable {
    /// The points of one series in `from...to`, combined into at most `buckets` evenly spaced
    /// buckets with `aggregation`. A bucket without data is left out, never filled in.
    ///
    /// Each point's timestamp is the end of its bucket, so the last point of a range that ends
    /// now is the most recent value.
    func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) throws -> [SeriesPoint]

    /// The most recent point of one series at or before `time`, looking back at most `lookback` seconds.
    func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint?

    /// The series of a metric: every label set recorded under `name`, sorted.
    func seriesKeys(named name: String) throws -> [SeriesKey]

    /// A value that changes whenever what this source answers at `time` may have changed
    /// (points appended, a series added); nil when the source cannot tell, so every read must
    /// be done again. Lets a dashboard skip rebuilding what did not change.
    func revision(at time: Double) -> Int?

    /// How many metrics a dashboard may read at once: 1 for a source that answers from memory
    /// or disk (the default), more for one that waits on a server for each read. A source
    /// with more than 1 must answer reads from several threads at once.
    var concurrentReads: Int { get }
}

extension SeriesSource {
    /// A source that cannot tell when its data changed.
    public func revision(at time: Double) -> Int? { nil }

    /// A source read one metric at a time.
    public var concurrentReads: Int { 1 }

    /// A source without labelled series knows each metric as the one series of its name.
    public func seriesKeys(named name: String) throws -> [SeriesKey] {
        [SeriesKey(name: name)]
    }
}
