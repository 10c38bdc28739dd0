import EcotopCore

/// The shape of one simulated metric: a base level, a daily cycle, a slow wander, per-second
/// jitter, and how strongly incidents push it.
struct DemoSignal: Sendable {
    var base: Double
    /// Fraction of `base` the daily cycle adds at its peak (mid-afternoon UTC).
    var dailySwing: Double = 0
    /// Fraction of `base` the slow, multi-hour wander adds at most.
    var wander: Double = 0
    /// Seconds between the wander's knots.
    var wanderPeriod: Double = 4 * 3_600
    /// Fraction of `base` the per-second jitter adds at most.
    var jitter: Double = 0
    /// Fraction of `base` a long (weeks) trend adds at most.
    var drift: Double = 0.06
    /// What a fully developed incident adds, as a fraction of `base` (negative lowers the value).
    var incidentEffect: Double = 0
    /// Whether only critical integrations' incidents matter.
    var criticalIncidentsOnly = false
    /// Whether the value is a whole number.
    var isWhole = false
    var bounds: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude

    /// The signal for each catalog metric of the demo.
    static let standard: [MetricID: DemoSignal] = [
        "participation.active_partners": DemoSignal(base: 48, wander: 0.06, wanderPeriod: 36 * 3_600, isWhole: true),
        "participation.integrated_services": DemoSignal(base: 23, wander: 0.05, wanderPeriod: 72 * 3_600, isWhole: true),
        "participation.connected_sources": DemoSignal(
            base: 37, wander: 0.05, wanderPeriod: 24 * 3_600, incidentEffect: -0.03, isWhole: true),
        "participation.onboarding_velocity": DemoSignal(
            base: 3.2, wander: 0.3, wanderPeriod: 48 * 3_600, jitter: 0.01),
        "participation.stakeholder_diversity": DemoSignal(
            base: 0.71, wander: 0.05, wanderPeriod: 96 * 3_600, jitter: 0.002, bounds: 0...1),
        "usage.transactions": DemoSignal(
            base: 1_150, dailySwing: 0.45, wander: 0.12, wanderPeriod: 2 * 3_600, jitter: 0.05,
            incidentEffect: -0.3, criticalIncidentsOnly: true),
        "usage.active_users": DemoSignal(
            base: 8_400, dailySwing: 0.5, wander: 0.08, wanderPeriod: 3 * 3_600, jitter: 0.01, isWhole: true),
        "usage.data_exchange_frequency": DemoSignal(
            base: 3_100, dailySwing: 0.35, wander: 0.1, wanderPeriod: 3_600, jitter: 0.04, incidentEffect: -0.15),
        "usage.critical_uptime": DemoSignal(
            base: 99.97, jitter: 0.000_1, drift: 0, incidentEffect: -0.006, criticalIncidentsOnly: true,
            bounds: 0...100),
        "usage.integration_error_rate": DemoSignal(
            base: 0.3, dailySwing: 0.2, wander: 0.3, wanderPeriod: 3_600, jitter: 0.15, drift: 0,
            incidentEffect: 10, bounds: 0...100),
        "value.ecosystem_revenue": DemoSignal(
            base: 412_000, dailySwing: 0.08, wander: 0.05, wanderPeriod: 6 * 3_600, jitter: 0.002,
            incidentEffect: -0.04, criticalIncidentsOnly: true),
        "value.cross_sell_rate": DemoSignal(
            base: 7.8, dailySwing: 0.1, wander: 0.08, wanderPeriod: 6 * 3_600, jitter: 0.01, bounds: 0...100),
        "value.customer_lifetime_value": DemoSignal(base: 1_840, wander: 0.03, wanderPeriod: 48 * 3_600, jitter: 0.001),
        "value.integration_cost_savings": DemoSignal(base: 36_500, wander: 0.04, wanderPeriod: 7 * 86_400),
        "value.new_revenue_streams": DemoSignal(base: 6, wander: 0.2, wanderPeriod: 9 * 86_400, drift: 0, isWhole: true),
        "qualitative.partner_satisfaction": DemoSignal(
            base: 8.1, wander: 0.04, wanderPeriod: 5 * 86_400, jitter: 0.001, bounds: 0...10),
        "qualitative.developer_activity": DemoSignal(
            base: 340, dailySwing: 0.15, wander: 0.15, wanderPeriod: 24 * 3_600, jitter: 0.01),
        "qualitative.support_tickets": DemoSignal(
            base: 41, dailySwing: 0.2, wander: 0.15, wanderPeriod: 12 * 3_600, jitter: 0.01, incidentEffect: 0.5),
        "qualitative.documentation_usage": DemoSignal(
            base: 5_200, dailySwing: 0.3, wander: 0.1, wanderPeriod: 8 * 3_600, jitter: 0.01),
        "qualitative.partner_sentiment": DemoSignal(
            base: 0.42, wander: 0.25, wanderPeriod: 3 * 86_400, jitter: 0.005, drift: 0, bounds: -1...1),
    ]
}
