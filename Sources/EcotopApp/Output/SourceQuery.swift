import EcotopCore
import EcotopPrometheus

/// `ecotop query --source prometheus`: the series of a selector read from Prometheus, printed
/// as `ecotop query` prints the store's, so the two can be compared line by line.
public struct SourceQuery {
    public var selector: SeriesSelector
    public var from: Double
    public var to: Double
    /// One aggregated point per step; nil with an aggregation reads the range as one bucket.
    public var step: Double?
    /// How points combine in a step; nil without a step prints raw samples.
    public var aggregation: Aggregation?

    public init(selector: SeriesSelector, from: Double, to: Double, step: Double?, aggregation: Aggregation?) {
        self.selector = selector
        self.from = from
        self.to = to
        self.step = step
        self.aggregation = aggregation
    }

    /// Writes the points to `output`; a selector without a metric name, or a step that makes
    /// more points than Prometheus answers, is a `SourceQueryError`.
    public func run(on source: PrometheusSource, into output: inout QueryOutput) throws {
        guard let name = selector.name else {
            throw SourceQueryError("a selector over Prometheus needs a metric name, e.g. usage.transactions{integration=\"stripe\"}")
        }
        guard step != nil || aggregation != nil else {
            for (key, points) in try source.rawPoints(named: name, from: from, to: to) where selector.matches(key) {
                for point in points { output.write(key: key, point: point) }
            }
            return
        }
        let width = step ?? (to - from)
        guard width > 0 else { throw SourceQueryError("--step must be positive") }
        let count = max(1, ((to - from) / width).rounded(.up))
        guard count <= Double(PrometheusSource.maximumPoints) else {
            throw SourceQueryError("the step makes \(Int64(min(count, 9e18))) points per series; Prometheus answers at most \(PrometheusSource.maximumPoints), use a longer step")
        }
        let buckets = Int(count)
        for key in try source.seriesKeys(named: name) where selector.matches(key) {
            let points = try source.points(
                of: key, from: from, to: from + Double(buckets) * width, buckets: buckets, aggregation: aggregation ?? .avg)
            for point in points { output.write(key: key, point: point) }
        }
    }
}

/// A query that cannot be sent to Prometheus as asked.
public struct SourceQueryError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
