import EcotopCore

/// How some demo metrics divide among the ecosystem's components and partners: each part is a
/// series of the metric labelled `component` (and `partner` where one runs it), written beside
/// the unlabelled total, which the dashboard reads alone (`MetricSeries`). Shares drift slowly,
/// so "is this component pulling its weight" has an answer that changes over a day.
struct DemoBreakdown: Sendable {
    /// One labelled part of a metric and its usual share (or, for percentages and scores, its
    /// usual level against the total).
    struct Part: Sendable {
        var labels: [String: String]
        var weight: Double
    }

    let noise: DeterministicNoise

    /// The metrics the demo divides, and their parts.
    static let parts: [MetricID: [Part]] = [
        "usage.transactions": [
            Part(labels: ["component": "storefront"], weight: 0.72),
            Part(labels: ["component": "returns-portal", "partner": "returnly-labs"], weight: 0.09),
            Part(labels: ["component": "bundle-builder", "partner": "bundle-works"], weight: 0.12),
            Part(labels: ["component": "gear-rental", "partner": "trailshare"], weight: 0.07),
        ],
        "usage.active_users": [
            Part(labels: ["component": "storefront"], weight: 0.64),
            Part(labels: ["component": "loyalty", "partner": "loyalty-co"], weight: 0.22),
            Part(labels: ["component": "gear-rental", "partner": "trailshare"], weight: 0.05),
            Part(labels: ["component": "returns-portal", "partner": "returnly-labs"], weight: 0.09),
        ],
        "value.ecosystem_revenue": [
            Part(labels: ["component": "storefront"], weight: 0.48),
            Part(labels: ["component": "mailchimp", "partner": "mailchimp"], weight: 0.16),
            Part(labels: ["component": "google-ads", "partner": "google"], weight: 0.14),
            Part(labels: ["component": "loyalty", "partner": "loyalty-co"], weight: 0.11),
            Part(labels: ["component": "bundle-builder", "partner": "bundle-works"], weight: 0.08),
            Part(labels: ["component": "gear-rental", "partner": "trailshare"], weight: 0.03),
        ],
        "qualitative.partner_satisfaction": [
            Part(labels: ["partner": "stripe", "component": "stripe"], weight: 1.08),
            Part(labels: ["partner": "mailchimp", "component": "mailchimp"], weight: 1.02),
            Part(labels: ["partner": "loyalty-co", "component": "loyalty"], weight: 0.97),
            Part(labels: ["partner": "trailshare", "component": "gear-rental"], weight: 0.86),
        ],
    ]

    /// The labelled series of `metric`, in the table's order; empty for an undivided metric.
    static func keys(of metric: MetricID) -> [SeriesKey] {
        (parts[metric] ?? []).map { SeriesKey(name: metric.rawValue, labels: $0.labels) }
    }

    /// The value of the part labelled like `key` when the metric's total is `total` at `time`;
    /// nil for a key that is no part. Parts of a metric that adds up sum to the total, whole
    /// parts of a whole count too (the largest remainders round up).
    func value(of key: SeriesKey, total: Double, at time: Double, unit: MetricUnit) -> Double? {
        guard let parts = Self.parts[MetricID(rawValue: key.name)],
            let index = parts.firstIndex(where: { SeriesKey(name: key.name, labels: $0.labels) == key })
        else { return nil }
        let drifted = parts.enumerated().map { offset, part in
            part.weight * (1 + 0.15 * noise.smooth(0xB0B0 &+ UInt64(offset), at: time, period: 6 * 3_600))
        }
        guard unit.addsUpAcrossSeries else {
            let ceiling: Double = switch unit {
            case .percent: 100
            case .score: 10
            default: .infinity
            }
            return min(total * drifted[index], ceiling)
        }
        let exact = drifted.map { total * $0 / drifted.reduce(0, +) }
        guard unit == .count else { return exact[index] }
        return Self.wholeParts(exact, total: total.rounded())[index]
    }

    /// Whole numbers that sum to `total`, each `exact` rounded down and the largest remainders up.
    static func wholeParts(_ exact: [Double], total: Double) -> [Double] {
        var whole = exact.map { $0.rounded(.down) }
        let missing = Int(total - whole.reduce(0, +))
        let order = exact.indices.sorted { (exact[$0] - whole[$0], $1) > (exact[$1] - whole[$1], $0) }
        for index in order.prefix(max(0, missing)) { whole[index] += 1 }
        return whole
    }
}
