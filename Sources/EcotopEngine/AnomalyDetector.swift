import EcotopCore

/// Decides whether a value has left its usual level with a seasonal robust z-score.
///
/// **Baseline.** The value at time `t` is compared with what the same series did at the same
/// time of day on each of the previous `days` days: the points within `halfWidth` seconds of
/// `t - 1 day`, `t - 2 days`, ... `t - days days` (`baselineWindows(at:)`). Comparing with the
/// same hour keeps a normal daily cycle (busy afternoons, quiet nights) from looking unusual.
///
/// **Score.** From the baseline values, the median `m` and the median absolute deviation
/// `MAD = median(|xᵢ - m|)` give a robust centre and spread that one earlier outage cannot
/// drag along. The spread is `s = 1.4826 × MAD` (which estimates the standard deviation for
/// normally distributed data), floored at `minimumRelativeSpread × |m|` and at
/// `minimumSpread` so that a nearly constant baseline (a partner count that is 48 every day)
/// does not turn a change of one into an anomaly. The score is `z = (x - m) / s`, the
/// modified z-score of Iglewicz and Hoaglin; the value is anomalous when `|z| > threshold`
/// (3.5 by default, their recommendation). When the spread is 0 (a baseline of zeros with no
/// floor), any other value has an infinite score.
///
/// **Not enough history.** With fewer than `minimumBaseline` baseline values (a new series,
/// or a collector that was down for days) there is no verdict at all, never an anomaly.
public struct AnomalyDetector: Sendable, Hashable {
    /// How many previous days form the baseline.
    public var days: Int
    /// Seconds either side of the same time of day that count as "the same hour".
    public var halfWidth: Double
    /// The |z| above which a value is anomalous.
    public var threshold: Double
    /// The fewest baseline values needed for a verdict.
    public var minimumBaseline: Int
    /// The spread is at least this fraction of the baseline's median magnitude.
    public var minimumRelativeSpread: Double
    /// The spread is at least this, in the metric's unit.
    public var minimumSpread: Double
    /// Seconds per baseline point when the baseline is read from a `SeriesSource`.
    public var resolution: Double

    /// The σ of a normal distribution is 1.4826 times its MAD.
    static let madToStandardDeviation = 1.4826
    static let day = 86_400.0

    public init(
        days: Int = 7, halfWidth: Double = 1_800, threshold: Double = 3.5, minimumBaseline: Int = 5,
        minimumRelativeSpread: Double = 0.01, minimumSpread: Double = 0, resolution: Double = 300
    ) {
        self.days = max(1, days)
        self.halfWidth = max(0, halfWidth)
        self.threshold = threshold
        self.minimumBaseline = max(1, minimumBaseline)
        self.minimumRelativeSpread = max(0, minimumRelativeSpread)
        self.minimumSpread = max(0, minimumSpread)
        self.resolution = max(1, resolution)
    }

    /// The windows whose points form the baseline of a value at `time`, most recent day first.
    public func baselineWindows(at time: Double) -> [ClosedRange<Double>] {
        (1...days).map { day in
            let center = time - Double(day) * Self.day
            return (center - halfWidth)...(center + halfWidth)
        }
    }

    /// Reads the baseline of a series at `time` from a source: every baseline window, in
    /// buckets of about `resolution` seconds combined with the metric's aggregation.
    public func baseline(
        of key: SeriesKey, aggregation: Aggregation, at time: Double, from source: any SeriesSource
    ) throws -> [SeriesPoint] {
        let buckets = max(1, Int((2 * halfWidth / resolution).rounded()))
        return try baselineWindows(at: time).flatMap { window in
            try source.points(
                of: key, from: window.lowerBound, to: window.upperBound, buckets: buckets, aggregation: aggregation)
        }
    }

    /// Assesses `value` against baseline points (points outside the baseline windows of `time`
    /// are ignored, so a whole week of history may be passed). Nil without enough baseline.
    public func assess(_ value: Double, at time: Double, history: [SeriesPoint]) -> AnomalyAssessment? {
        let windows = baselineWindows(at: time)
        let baseline = history.filter { point in windows.contains { $0.contains(point.timestamp) } }.map(\.value)
        return assess(value, baseline: baseline)
    }

    /// Assesses `value` against baseline values already chosen. Nil with too few of them.
    public func assess(_ value: Double, baseline: [Double]) -> AnomalyAssessment? {
        let baseline = baseline.filter { $0.isFinite }
        guard baseline.count >= minimumBaseline, value.isFinite, let median = Percentile.median(baseline),
            let mad = Percentile.median(baseline.map { abs($0 - median) })
        else { return nil }
        let spread = max(Self.madToStandardDeviation * mad, minimumRelativeSpread * abs(median), minimumSpread)
        let deviation = value - median
        let score: Double
        if spread > 0 {
            score = deviation / spread
        } else {
            score = deviation == 0 ? 0 : (deviation > 0 ? .infinity : -.infinity)
        }
        return AnomalyAssessment(
            value: value, median: median, spread: spread, score: score, threshold: threshold,
            baselineCount: baseline.count)
    }
}

/// The verdict of `AnomalyDetector` on one value.
public struct AnomalyAssessment: Sendable, Hashable {
    /// The value assessed.
    public var value: Double
    /// The median of the baseline: the value's usual level.
    public var median: Double
    /// The robust spread the score is measured in (1.4826 × MAD, floored).
    public var spread: Double
    /// The robust z-score `(value - median) / spread`; positive above the usual level.
    public var score: Double
    /// The |score| above which the value counts as anomalous.
    public var threshold: Double
    /// How many baseline values the verdict rests on.
    public var baselineCount: Int

    /// Whether |score| exceeds the threshold.
    public var isAnomalous: Bool { abs(score) > threshold }

    /// The band of usual values, `median ± threshold × spread`, for drawing behind a chart.
    public var band: ClosedRange<Double> {
        (median - threshold * spread)...(median + threshold * spread)
    }
}
