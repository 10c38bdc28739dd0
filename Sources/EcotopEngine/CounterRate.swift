import EcotopCore

/// The time unit a rate is expressed in.
public enum RatePeriod: Double, Sendable, CaseIterable {
    case second = 1
    case minute = 60
    case hour = 3_600
    case day = 86_400
    case week = 604_800

    /// Seconds in one period.
    public var seconds: Double { rawValue }

    /// The period a metric unit counts in (`per_minute` is `.minute`); nil for units that are not rates.
    public init?(unit: MetricUnit) {
        switch unit {
        case .perMinute: self = .minute
        case .perDay: self = .day
        case .perWeek: self = .week
        case .count, .percent, .currency, .score, .index: return nil
        }
    }
}

/// Turns the raw points of a monotonic counter (requests served, errors seen) into rates,
/// handling counter resets the way Prometheus does.
///
/// **Resets.** A counter only goes up; a value lower than the one before means the process
/// behind it restarted and the counter began again from 0. The increase across a reset is
/// therefore the new value itself, not the (negative) difference. As with Prometheus, a
/// restart whose first reading is already above the last reading before it cannot be seen,
/// and is counted as ordinary growth.
///
/// **Window edges.** Nothing is extrapolated. A rate covers exactly the span between two
/// points that were actually recorded: `rates(of:)` yields one rate per consecutive pair,
/// stamped at the later point, and `rate(of:)` divides the total increase by the span from
/// the first to the last point of the window. The first point of a window has no rate of its
/// own, and increments that happened between the window's start and its first point (or
/// between its last point and its end) are not counted. Prometheus's `rate()` would instead
/// extrapolate towards the window edges; a window with fewer than two points has no rate.
///
/// Points must be in time order; a point that is not later than its predecessor is ignored.
public enum CounterRate {
    /// The rate between each pair of consecutive points, stamped with the later point's time.
    public static func rates(of points: [SeriesPoint], per period: RatePeriod = .second) -> [SeriesPoint] {
        var rates: [SeriesPoint] = []
        rates.reserveCapacity(max(0, points.count - 1))
        var previous: SeriesPoint?
        for point in points {
            guard let before = previous else {
                previous = point
                continue
            }
            guard point.timestamp > before.timestamp else { continue }
            let increase = increase(from: before.value, to: point.value)
            rates.append(SeriesPoint(timestamp: point.timestamp, value: increase / (point.timestamp - before.timestamp) * period.seconds))
            previous = point
        }
        return rates
    }

    /// How much the counter grew from the first point to the last, counting every reset
    /// as a restart from 0. Nil with fewer than two points at distinct times.
    public static func increase(of points: [SeriesPoint]) -> Double? {
        accumulate(points)?.increase
    }

    /// The average rate over the points: the total increase divided by the time from the
    /// first point to the last. Nil with fewer than two points at distinct times.
    public static func rate(of points: [SeriesPoint], per period: RatePeriod = .second) -> Double? {
        accumulate(points).map { $0.increase / $0.span * period.seconds }
    }

    /// The total increase and the seconds it took, skipping points out of time order.
    private static func accumulate(_ points: [SeriesPoint]) -> (increase: Double, span: Double)? {
        guard let first = points.first else { return nil }
        var previous = first
        var total = 0.0
        for point in points.dropFirst() where point.timestamp > previous.timestamp {
            total += increase(from: previous.value, to: point.value)
            previous = point
        }
        let span = previous.timestamp - first.timestamp
        return span > 0 ? (total, span) : nil
    }

    /// The growth between two readings: the difference, or the new reading after a reset.
    static func increase(from previous: Double, to current: Double) -> Double {
        current >= previous ? current - previous : current
    }
}
