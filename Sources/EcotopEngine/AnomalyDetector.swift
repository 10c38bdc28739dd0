import EcotopCore

/// Decides whether a value has left its usual level with a seasonal robust z-score,
/// confirmed against the recent past.
///
/// **Seasonal baseline.** The value at time `t` is compared with what the same series did at
/// the same time of day on each of the previous `days` days: the points within `halfWidth`
/// seconds of `t - 1 day`, `t - 2 days`, ... (`seasonalWindows(at:)`). Comparing with the
/// same hour keeps a normal daily cycle (busy afternoons, quiet nights) from looking unusual.
///
/// **Score.** From baseline values, the median `m` and the median absolute deviation
/// `MAD = median(|xᵢ - m|)` give a centre and a spread that one earlier outage cannot drag
/// along. The spread is `s = 1.4826 × MAD` (which estimates the standard deviation of
/// normally distributed data), floored at `minimumRelativeSpread × |m|` and at
/// `minimumSpread`, so that a nearly constant baseline does not turn a tiny change into an
/// anomaly. The score is `z = (x - m) / s`, the modified z-score of Iglewicz and Hoaglin; a
/// spread of 0 (a baseline of zeros, no floor) makes any other value infinitely unusual.
///
/// **Recent confirmation.** A slow trend (partner sentiment improving over a week, a partner
/// count that went from 23 to 24 yesterday) also leaves the same-hour baseline of previous
/// days, yet it is a new level, not an anomaly. So the value is scored a second time, the same
/// way, against the points of the last `recentWindow` seconds. The value is **anomalous when
/// both |z| exceed `threshold`** (3.5 by default, Iglewicz and Hoaglin's recommendation) in
/// the same direction: it is unusual for the hour and a sudden departure. A shift that
/// persists becomes the recent norm after about half the recent window and stops being
/// flagged; thresholds, not anomalies, judge a level that stays.
///
/// **Not enough history.** With fewer than `minimumBaseline` seasonal values (a new series, or
/// a collector that was down for days) there is no verdict at all, never an anomaly. Without
/// enough recent values the seasonal score decides alone.
public struct AnomalyDetector: Sendable, Hashable {
    /// How many previous days form the seasonal baseline.
    public var days: Int
    /// Seconds either side of the same time of day that count as "the same hour".
    public var halfWidth: Double
    /// Seconds before the value whose points form the recent baseline; 0 turns the check off.
    public var recentWindow: Double
    /// The |z| above which a value is unusual.
    public var threshold: Double
    /// The fewest baseline values needed for a score.
    public var minimumBaseline: Int
    /// The spread is at least this fraction of the baseline's median magnitude.
    public var minimumRelativeSpread: Double
    /// The spread is at least this, in the metric's unit.
    public var minimumSpread: Double
    /// Seconds per baseline point when the baselines are read from a `SeriesSource`.
    public var resolution: Double

    /// The σ of a normal distribution is 1.4826 times its MAD.
    static let madToStandardDeviation = 1.4826
    static let day = 86_400.0

    public init(
        days: Int = 7, halfWidth: Double = 1_800, recentWindow: Double = 7_200, threshold: Double = 3.5,
        minimumBaseline: Int = 5, minimumRelativeSpread: Double = 0.01, minimumSpread: Double = 0,
        resolution: Double = 300
    ) {
        self.days = max(1, days)
        self.halfWidth = max(0, halfWidth)
        self.recentWindow = max(0, recentWindow)
        self.threshold = threshold
        self.minimumBaseline = max(1, minimumBaseline)
        self.minimumRelativeSpread = max(0, minimumRelativeSpread)
        self.minimumSpread = max(0, minimumSpread)
        self.resolution = max(1, resolution)
    }

    /// The windows whose points form the seasonal baseline at `time`, most recent day first.
    public func seasonalWindows(at time: Double) -> [ClosedRange<Double>] {
        (1...days).map { day in
            let center = time - Double(day) * Self.day
            return (center - halfWidth)...(center + halfWidth)
        }
    }

    /// The window whose points form the recent baseline at `time`; nil when the check is off.
    public func recentWindow(at time: Double) -> ClosedRange<Double>? {
        recentWindow > 0 ? (time - recentWindow)...time : nil
    }

    /// Reads a series from a source and assesses its current value: the metric's aggregation
    /// over the last `resolution` seconds, so that it compares like with like with the baseline
    /// points, which are read in buckets of about `resolution` seconds too. Nil when the
    /// series has no point in the last `resolution` seconds or too little seasonal baseline.
    public func assess(
        _ key: SeriesKey, aggregation: Aggregation, at time: Double, in source: any SeriesSource
    ) throws -> AnomalyAssessment? {
        let current = try source.points(of: key, from: time - resolution, to: time, buckets: 1, aggregation: aggregation)
        guard let value = current.last?.value else { return nil }
        let windows = seasonalWindows(at: time) + [recentWindow(at: time)].compactMap { $0 }
        let history = try windows.flatMap { window in
            let buckets = max(1, Int(((window.upperBound - window.lowerBound) / resolution).rounded()))
            return try source.points(
                of: key, from: window.lowerBound, to: window.upperBound, buckets: buckets, aggregation: aggregation)
        }
        return assess(value, at: time, history: history)
    }

    /// Assesses `value` at `time` against history points (points outside the baseline windows
    /// are ignored, so a whole week may be passed). Nil without enough seasonal baseline.
    public func assess(_ value: Double, at time: Double, history: [SeriesPoint]) -> AnomalyAssessment? {
        let seasonalWindows = seasonalWindows(at: time)
        let seasonal = history.filter { point in seasonalWindows.contains { $0.contains(point.timestamp) } }
        guard let seasonalScore = score(value, against: seasonal.map(\.value)) else { return nil }
        let recent = recentWindow(at: time).map { window in history.filter { window.contains($0.timestamp) } } ?? []
        return AnomalyAssessment(
            value: value, seasonal: seasonalScore, recent: score(value, against: recent.map(\.value)),
            threshold: threshold)
    }

    /// Scores `value` against baseline values; nil with fewer than `minimumBaseline` of them.
    public func score(_ value: Double, against baseline: [Double]) -> BaselineScore? {
        let baseline = baseline.filter(\.isFinite)
        guard baseline.count >= minimumBaseline, value.isFinite, let median = Percentile.median(baseline),
            let mad = Percentile.median(baseline.map { abs($0 - median) })
        else { return nil }
        let spread = max(Self.madToStandardDeviation * mad, minimumRelativeSpread * abs(median), minimumSpread)
        let deviation = value - median
        let score = spread > 0 ? deviation / spread : (deviation == 0 ? 0 : (deviation > 0 ? .infinity : -.infinity))
        return BaselineScore(median: median, spread: spread, score: score, count: baseline.count)
    }
}

/// How far a value sits from one baseline, in robust standard deviations.
public struct BaselineScore: Sendable, Hashable {
    /// The median of the baseline: the usual level.
    public var median: Double
    /// The robust spread the score is measured in (1.4826 × MAD, floored).
    public var spread: Double
    /// The robust z-score `(value - median) / spread`; positive above the usual level.
    public var score: Double
    /// How many baseline values the score rests on.
    public var count: Int
}

/// The verdict of `AnomalyDetector` on one value.
public struct AnomalyAssessment: Sendable, Hashable {
    /// The value assessed.
    public var value: Double
    /// The value against the same time of day on previous days.
    public var seasonal: BaselineScore
    /// The value against the recent past; nil when off or without enough points.
    public var recent: BaselineScore?
    /// The |z| above which a score counts as unusual.
    public var threshold: Double

    /// Whether the value is unusual for the hour and, when there is a recent baseline, a
    /// departure from it in the same direction.
    public var isAnomalous: Bool {
        guard abs(seasonal.score) > threshold else { return false }
        guard let recent else { return true }
        return abs(recent.score) > threshold && (recent.score > 0) == (seasonal.score > 0)
    }

    /// The band of usual values for the hour, `median ± threshold × spread`, for charts.
    public var band: ClosedRange<Double> {
        (seasonal.median - threshold * seasonal.spread)...(seasonal.median + threshold * seasonal.spread)
    }
}
