import EcotopCore

/// Which integrations of an ecosystem are healthy over a window, and the share that are:
/// an ecosystem-level metric of the reference text's "Maintain and measure" section
/// ("whether any connections have degraded").
///
/// An integration is unhealthy when, within the window, either
/// - its error events exceed `maximumErrorsPerMinute` (error events counted over the whole
///   window length, so a burst of 30 errors in a 15-minute window is 2 per minute), or
/// - its error-rate series (the share of its calls that failed, in percent) is above the
///   warning threshold `errorRateWarn`.
/// Delivery events never count against an integration. Events of integrations the
/// ecosystem does not know are ignored.
public struct IntegrationHealth: Sendable, Hashable {
    /// The health of one integration over the window.
    public struct Entry: Sendable, Hashable, Identifiable {
        public var integration: Integration
        /// Error events within the window.
        public var errorCount: Int
        /// Error events per minute over the window.
        public var errorsPerMinute: Double
        /// The newest reading of the integration's error-rate series, in percent, when there is one.
        public var errorRate: Double?
        /// Why the integration is unhealthy; empty when it is healthy.
        public var problems: [Problem]

        public var id: String { integration.id }
        public var isHealthy: Bool { problems.isEmpty }
    }

    /// A reason an integration counts as unhealthy.
    public enum Problem: Sendable, Hashable {
        /// More error events per minute than allowed.
        case errorEvents(perMinute: Double)
        /// The error-rate series is above its warning threshold.
        case errorRate(percent: Double)
    }

    /// One entry per integration, in the ecosystem's order.
    public var entries: [Entry]

    /// Assesses every integration of `ecosystem` over the window `end - length ..< end`, the
    /// half-open window an `EventSource` reads, so that the errors counted here are the
    /// errors read for the same window.
    ///
    /// - Parameters:
    ///   - events: integration events in any order; only errors inside the window count.
    ///   - errorRates: the newest error-rate reading (percent) per integration id (`from->to`).
    ///   - maximumErrorsPerMinute: the error event rate above which an integration is unhealthy.
    ///   - errorRateWarn: the error rate (percent) above which an integration is unhealthy; by
    ///     default the warning threshold of `usage.integration_error_rate` in the standard catalog.
    public init(
        ecosystem: Ecosystem, events: [IntegrationEvent], end: Double, length: Double,
        errorRates: [String: Double] = [:], maximumErrorsPerMinute: Double = 1,
        errorRateWarn: Double = IntegrationHealth.standardErrorRateWarn
    ) {
        let start = end - length
        var counts: [String: Int] = [:]
        for event in events where event.kind == .error && event.timestamp >= start && event.timestamp < end {
            counts[event.integration, default: 0] += 1
        }
        let minutes = max(length, 1) / 60
        self.entries = ecosystem.integrations.map { integration in
            let count = counts[integration.id] ?? 0
            let perMinute = Double(count) / minutes
            let rate = errorRates[integration.id]
            var problems: [Problem] = []
            if perMinute > maximumErrorsPerMinute { problems.append(.errorEvents(perMinute: perMinute)) }
            if let rate, rate > errorRateWarn { problems.append(.errorRate(percent: rate)) }
            return Entry(integration: integration, errorCount: count, errorsPerMinute: perMinute, errorRate: rate, problems: problems)
        }
    }

    /// The warning threshold of the standard catalog's integration error rate, in percent.
    public static let standardErrorRateWarn = MetricCatalog.standard["usage.integration_error_rate"]?.thresholds.warn ?? 1

    /// The share (0-1) of integrations that are healthy; nil for an ecosystem without integrations.
    public var healthyShare: Double? { Self.share(of: entries) }

    /// The share (0-1) of critical integrations that are healthy; nil when none is critical.
    public var criticalHealthyShare: Double? { Self.share(of: entries.filter(\.integration.isCritical)) }

    /// The unhealthy integrations, critical ones first, then by error events per minute.
    public var unhealthy: [Entry] {
        entries.filter { !$0.isHealthy }.sorted { lhs, rhs in
            if lhs.integration.isCritical != rhs.integration.isCritical { return lhs.integration.isCritical }
            return lhs.errorsPerMinute > rhs.errorsPerMinute
        }
    }

    private static func share(of entries: [Entry]) -> Double? {
        guard !entries.isEmpty else { return nil }
        return Double(entries.filter(\.isHealthy).count) / Double(entries.count)
    }
}
