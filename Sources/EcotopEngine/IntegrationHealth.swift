import EcotopCore

/// Which integrations of an ecosystem are healthy now: the one assessment the header, the
/// errors screen and every report show, over the last `window` seconds whatever range is on
/// screen, so a burst of errors is seen at every range.
///
/// An integration is **unhealthy** when, within the window:
/// - where its attempts are known (error and delivery events, at least `minimumAttempts` of
///   them), its failure rate (errors over attempts) is above its `maximumFailureRate`;
/// - otherwise, its error events per minute are above its `maximumErrorsPerMinute`.
///
/// The limits are the integration's own (`Integration.limits`: configured, else stricter for
/// critical integrations). An integration without any event in the window is **silent**: it is
/// neither healthy nor unhealthy, as nothing reports on it. Events of integrations the
/// ecosystem does not know are ignored.
public struct IntegrationHealth: Sendable, Hashable {
    /// How one integration is doing over the window.
    public enum State: Sendable, Hashable {
        case healthy
        case unhealthy
        /// No event in the window: nothing to judge by.
        case silent
    }

    /// The health of one integration over the window.
    public struct Entry: Sendable, Hashable, Identifiable {
        public var integration: Integration
        /// Error events within the window.
        public var errorCount: Int
        /// Error and delivery events within the window; nil when no delivery was reported, so
        /// attempts are unknown.
        public var attempts: Int?
        /// Errors per minute over the window.
        public var errorsPerMinute: Double
        /// Errors over attempts, in percent; nil when attempts are unknown or too few.
        public var failureRate: Double?
        public var state: State
        /// Why the integration is unhealthy; empty otherwise.
        public var problems: [Problem]

        public var id: String { integration.id }
        public var isHealthy: Bool { state == .healthy }
    }

    /// A reason an integration counts as unhealthy, with the limit it passed.
    public enum Problem: Sendable, Hashable {
        case failureRate(percent: Double, limit: Double)
        case errorEvents(perMinute: Double, limit: Double)
    }

    /// The default window: the last quarter of an hour.
    public static let window: Double = 900
    /// The fewest attempts that give a failure rate; fewer are judged by errors per minute.
    public static let minimumAttempts = 20

    /// One entry per integration, in the ecosystem's order.
    public var entries: [Entry]
    /// The end of the window (seconds since the epoch) and its length.
    public var end: Double
    public var length: Double

    /// Assesses every integration of `ecosystem` over `end - length ..< end`, the half-open
    /// window an `EventSource` reads.
    public init(ecosystem: Ecosystem, events: [IntegrationEvent], end: Double, length: Double = IntegrationHealth.window) {
        let start = end - length
        var errors: [String: Int] = [:]
        var deliveries: [String: Int] = [:]
        for event in events where event.timestamp >= start && event.timestamp < end {
            switch event.kind {
            case .error: errors[event.integration, default: 0] += 1
            case .delivery: deliveries[event.integration, default: 0] += 1
            case .deploy, .onboarding, .incident, .note: continue
            }
        }
        let minutes = max(length, 1) / 60
        self.end = end
        self.length = length
        entries = ecosystem.integrations.map { integration in
            let errorCount = errors[integration.id] ?? 0
            let delivered = deliveries[integration.id]
            let attempts = delivered.map { $0 + errorCount }
            let perMinute = Double(errorCount) / minutes
            let limits = integration.limits
            var failureRate: Double?
            var problems: [Problem] = []
            if let attempts, attempts >= Self.minimumAttempts {
                let rate = Double(errorCount) / Double(attempts) * 100
                failureRate = rate
                if rate > limits.maximumFailureRate { problems.append(.failureRate(percent: rate, limit: limits.maximumFailureRate)) }
            } else if perMinute > limits.maximumErrorsPerMinute {
                problems.append(.errorEvents(perMinute: perMinute, limit: limits.maximumErrorsPerMinute))
            }
            let state: State = errorCount == 0 && delivered == nil ? .silent : (problems.isEmpty ? .healthy : .unhealthy)
            return Entry(
                integration: integration, errorCount: errorCount, attempts: attempts, errorsPerMinute: perMinute,
                failureRate: failureRate, state: state, problems: problems)
        }
    }

    /// The integrations that reported anything in the window.
    public var reporting: [Entry] { entries.filter { $0.state != .silent } }

    /// The share (0-1) of reporting integrations that are healthy; nil when none reports.
    public var healthyShare: Double? {
        let reporting = reporting
        guard !reporting.isEmpty else { return nil }
        return Double(reporting.filter(\.isHealthy).count) / Double(reporting.count)
    }

    /// The unhealthy integrations, critical ones first, then by errors per minute.
    public var unhealthy: [Entry] {
        entries.filter { $0.state == .unhealthy }.sorted { lhs, rhs in
            if lhs.integration.isCritical != rhs.integration.isCritical { return lhs.integration.isCritical }
            return lhs.errorsPerMinute > rhs.errorsPerMinute
        }
    }
}
