import EcotopCore

/// How a metric is doing right now.
public enum MetricStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    case ok
    /// Past the warning threshold in the bad direction.
    case warn
    /// Past the critical threshold in the bad direction.
    case critical
    /// Data stopped arriving: the newest point is older than the staleness limit.
    case stale
    /// Nothing was ever recorded in the range.
    case noData
    /// Within its thresholds, but far from its usual level at this time of day (`AnomalyDetector`).
    case anomaly

    /// The label shown in status columns.
    public var label: String {
        switch self {
        case .ok: "OK"
        case .warn: "WARN"
        case .critical: "CRIT"
        case .stale: "STALE"
        case .noData: "N/A"
        case .anomaly: "ANOM"
        }
    }

    /// Orders statuses by how much attention they need, `ok` first.
    public var severity: Int {
        switch self {
        case .ok: 0
        case .noData: 1
        case .stale: 2
        case .anomaly: 3
        case .warn: 4
        case .critical: 5
        }
    }

    public static func < (lhs: MetricStatus, rhs: MetricStatus) -> Bool { lhs.severity < rhs.severity }
}

extension Thresholds {
    /// The status of a value against these thresholds, honouring the metric's direction:
    /// for higher-is-better a value below `warn` warns; for lower-is-better one above does.
    public func status(of value: Double, direction: MetricDirection) -> MetricStatus {
        switch direction {
        case .higherIsBetter:
            if value < critical { return .critical }
            if value < warn { return .warn }
        case .lowerIsBetter:
            if value > critical { return .critical }
            if value > warn { return .warn }
        }
        return .ok
    }

    /// A 0-100 score of a value: 100 on the good side of `warn`, falling linearly to 50 at
    /// `critical`, and on to 0 one more warn-to-critical distance past it.
    public func score(of value: Double, direction: MetricDirection) -> Double {
        let span = abs(warn - critical)
        guard span > 0 else { return status(of: value, direction: direction) == .ok ? 100 : 0 }
        let badness = direction == .higherIsBetter ? (warn - value) / span : (value - warn) / span
        return min(100, max(0, 100 - 50 * badness))
    }
}
