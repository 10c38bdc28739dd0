/// The unit a metric is measured in; decides how values and deltas are formatted.
public enum MetricUnit: String, CaseIterable, Sendable, Codable {
    /// A plain count of things (partners, users, streams).
    case count
    /// Events per minute (transactions, data exchanges).
    case perMinute = "per_minute"
    /// Events per day (tickets, documentation views).
    case perDay = "per_day"
    /// Events per week (onboarded partners, community posts).
    case perWeek = "per_week"
    /// A percentage from 0 to 100 (uptime, error rate, cross-sell rate).
    case percent
    /// An amount of money in the ecosystem's currency.
    case currency
    /// A score out of 10 (satisfaction surveys).
    case score
    /// A dimensionless index, usually within -1...1 or 0...1 (diversity, sentiment).
    case index

    /// The suffix shown after a formatted value, if any.
    public var suffix: String {
        switch self {
        case .count, .currency, .index: ""
        case .perMinute: "/min"
        case .perDay: "/day"
        case .perWeek: "/wk"
        case .percent: "%"
        case .score: "/10"
        }
    }

    /// The seconds of the period a rate unit counts in (`per_minute` is 60); nil for units
    /// that are not rates.
    public var periodSeconds: Double? {
        switch self {
        case .perMinute: 60
        case .perDay: 86_400
        case .perWeek: 604_800
        case .count, .percent, .currency, .score, .index: nil
        }
    }

    /// Whether the series of one metric (per shop, per integration) add up to the metric's
    /// value — counts, rates and money — rather than average to it (percentages, scores, indexes).
    public var addsUpAcrossSeries: Bool {
        switch self {
        case .percent, .score, .index: false
        default: true
        }
    }

    /// Whether deltas are shown as absolute differences (percentage points, score points)
    /// rather than relative change.
    public var usesAbsoluteDelta: Bool {
        switch self {
        case .percent, .score, .index: true
        default: false
        }
    }
}
