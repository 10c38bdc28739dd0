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
    func range(_ seconds: Double) -> String {
        let duration = Self.duration(seconds)
        guard override != nil else { return "\(instant)[\(duration)]" }
        return "\(instant)[\(duration):\(Self.duration(Self.subqueryStep(for: seconds)))]"
    }

    /// The step of a subquery over `seconds`: at most a minute (most collectors write every
    /// minute or less often) and never more than 300 points in one bucket.
    static func subqueryStep(for seconds: Double) -> Double {
        max(1, min(60, (seconds / 300).rounded(.up)))
    }

    /// One bucket's value under `aggregation`: `avg_over_time(SELECTOR[STEP])` and so on;
    /// `last` is `last_over_time`, `count` is `count_over_time`.
    func aggregated(_ aggregation: Aggregation, over seconds: Double) -> String {
        "\(aggregation.rawValue)_over_time(\(range(seconds)))"
    }

    /// The time of the newest sample in each bucket: `timestamp()` of the series evaluated
    /// every minute at most (always within Prometheus's five-minute lookback) and the maximum
    /// of those over the bucket. For a configured expression `timestamp()` gives the time it
    /// was evaluated at, so the newest time is exact to within the subquery step.
    func newestSampleTime(over seconds: Double) -> String {
        "max_over_time(timestamp(\(instant))[\(Self.duration(seconds)):\(Self.duration(Self.subqueryStep(for: seconds)))])"
    }

    /// Every value a bucket can be read as, in one expression: each of `aggregations` and the
    /// newest sample's time, told apart by an `ecotop_value` label (`min`, `max`..., `time`),
    /// joined with `or` so one request answers every aggregation of every series.
    func buckets(of seconds: Double, aggregations: [Aggregation] = Aggregation.allCases) -> String {
        let parts = aggregations.map { (aggregated($0, over: seconds), $0.rawValue) } + [(newestSampleTime(over: seconds), Self.timeValue)]
        return parts.map { expression, name in
            "label_replace(\(expression), \"\(Self.valueLabel)\", \"\(name)\", \"\", \"\")"
        }.joined(separator: " or ")
    }

    /// The label that tells the parts of `buckets(of:)` apart.
    static let valueLabel = "ecotop_value"
    /// The `valueLabel` of the newest sample's time.
    static let timeValue = "time"

    /// A PromQL duration in whole seconds or milliseconds: `60s`, `1500ms`.
    static func duration(_ seconds: Double) -> String {
        let milliseconds = max(1, (seconds * 1000).rounded())
        return milliseconds.truncatingRemainder(dividingBy: 1000) == 0 ? "\(Int64(milliseconds / 1000))s" : "\(Int64(milliseconds))ms"
    }
}
