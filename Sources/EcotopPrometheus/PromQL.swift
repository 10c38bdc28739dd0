import EcotopCore

/// The PromQL Ecotop sends for a catalog metric: a selector built from the metric id by the
/// shared name rule (`usage.transaction_volume` is `usage_transaction_volume`), or the
/// metric's own `promql:` expression from the configuration.
struct PromQL: Sendable {
    /// The metric id the expression reads.
    var metric: String
    /// The configured expression; nil reads the metric's series by name.
    var override: String?

    /// The instant-vector expression: `usage_transaction_volume`, or `(EXPRESSION)`.
    var instant: String {
        override.map { "(\($0))" } ?? PrometheusName.of(metric)
    }

    /// `instant` as a range of `seconds` for an `*_over_time` function: a range selector for a
    /// metric read by name; a subquery for a configured expression, evaluated every
    /// `subqueryStep(for:)` seconds.
    ///
    /// A half-open range is `[t - seconds, t)` like the store's buckets, so a sample on a
    /// boundary counts once: Prometheus 2's ranges include both ends, so the range is a
    /// millisecond shorter and ends a millisecond earlier (`[59.999s] offset 1ms`).
    func range(_ seconds: Double, halfOpen: Bool = false) -> String {
        let shortened = halfOpen && seconds > 0.001
        let length = Self.duration(shortened ? seconds - 0.001 : seconds)
        let selector = override == nil ? "\(instant)[\(length)]" : "\(instant)[\(length):\(Self.duration(Self.subqueryStep(for: seconds)))]"
        return selector + (shortened ? " offset 1ms" : "")
    }

    /// The step of a subquery over `seconds`: at most a minute (most collectors write every
    /// minute or less often) and never more than 300 points in one bucket.
    static func subqueryStep(for seconds: Double) -> Double {
        max(1, min(60, (seconds / 300).rounded(.up)))
    }

    /// One bucket's value under `aggregation`: `avg_over_time(SELECTOR[STEP])` and so on;
    /// `last` is `last_over_time`, `count` is `count_over_time`.
    func aggregated(_ aggregation: Aggregation, over seconds: Double, halfOpen: Bool = false) -> String {
        "\(aggregation.rawValue)_over_time(\(range(seconds, halfOpen: halfOpen)))"
    }

    /// The time of the newest sample in a bucket, when it is within Prometheus's lookback of
    /// the bucket's end (five minutes by default): `timestamp()` of the series there. An older
    /// newest sample's time is read from the bucket's raw samples when it is needed
    /// (`PrometheusSource`), since a subquery over every bucket costs the server more than all
    /// the rest of the read.
    ///
    /// Without `ends`, at every step of the query. With them, only at the steps ending there
    /// (`timestamp(M @ END offset 1ms)`, kept at that step alone): Prometheus 2 evaluates
    /// `timestamp()` of a selector at each step with new iterators that seek from the start of
    /// the series' data, which made it cost as much as all five aggregations of a 24h pane
    /// together, while `@ END` is evaluated once. A configured expression cannot take `offset`
    /// or `@`: its time is the time it was evaluated at, at every step.
    func newestSampleTimes(halfOpen: Bool = false, at ends: [Double]? = nil, step: Double = 0) -> [String] {
        guard override == nil else { return ["timestamp(\(instant))"] }
        let offset = halfOpen ? " offset 1ms" : ""
        guard let ends else { return ["timestamp(\(instant)\(offset))"] }
        return ends.map { end in
            "timestamp(\(instant) @ \(Self.time(end))\(offset)) and on () (vector(time()) > \(end - step / 2) < \(end + step / 2))"
        }
    }

    /// Every value a bucket can be read as, in one expression: each of `aggregations` and the
    /// newest sample's time (at `newestTimesAt` or every step, `newestSampleTimes`), told apart
    /// by an `ecotop_value` label (`min`, `max`..., `time`), joined with `or` so one request
    /// answers every aggregation of every series. `avg` is asked as `sum` and `count`
    /// (`asked(for:)`), which the server computes anyway.
    func buckets(
        of seconds: Double, aggregations: [Aggregation] = Aggregation.allCases, halfOpen: Bool = false, newestTimesAt ends: [Double]? = nil
    ) -> String {
        let times = newestSampleTimes(halfOpen: halfOpen && seconds > 0.001, at: ends, step: seconds)
        let parts = Self.asked(for: aggregations).map { (aggregated($0, over: seconds, halfOpen: halfOpen), $0.rawValue) }
            + times.map { ($0, Self.timeValue) }
        return parts.map { expression, name in
            "label_replace(\(expression), \"\(Self.valueLabel)\", \"\(name)\", \"\", \"\")"
        }.joined(separator: " or ")
    }

    /// The aggregations sent to read `aggregations`, in their order: `avg` as `sum` and `count`
    /// (the reader divides them), each one once.
    static func asked(for aggregations: [Aggregation]) -> [Aggregation] {
        var asked: [Aggregation] = []
        for aggregation in aggregations.flatMap({ $0 == .avg ? [.sum, .count] : [$0] }) where !asked.contains(aggregation) {
            asked.append(aggregation)
        }
        return asked
    }

    /// The label that tells the parts of `buckets(of:)` apart.
    static let valueLabel = "ecotop_value"
    /// The `valueLabel` of the newest sample's time.
    static let timeValue = "time"

    /// A time or duration as the API and `@` take it: seconds with millisecond precision.
    static func time(_ seconds: Double) -> String {
        let milliseconds = (seconds * 1000).rounded()
        return String(milliseconds / 1000)
    }

    /// A PromQL duration in whole seconds or milliseconds: `60s`, `1500ms`.
    static func duration(_ seconds: Double) -> String {
        let milliseconds = max(1, (seconds * 1000).rounded())
        return milliseconds.truncatingRemainder(dividingBy: 1000) == 0 ? "\(Int64(milliseconds / 1000))s" : "\(Int64(milliseconds))ms"
    }
}
