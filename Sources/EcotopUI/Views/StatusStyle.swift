import EcotopApp
import EcotopEngine

extension Theme {
    /// The colour role of a metric status.
    public func role(for status: MetricStatus) -> ThemeRole {
        switch status {
        case .ok: .ok
        case .warn: .warn
        case .critical: .critical
        case .stale, .noData: .stale
        case .anomaly: .accent
        }
    }

    /// The colour role of a 0-100 health score: ok from 80, warn from 50, critical below.
    public func role(forScore score: Double?) -> ThemeRole {
        guard let score else { return .stale }
        return score >= 80 ? .ok : (score >= 50 ? .warn : .critical)
    }
}
