import EcotopCore

/// One integration over a range, as the first level of the errors drill-down and
/// `ecotop errors` show it: how often it was called and failed, how slow it was, and whether
/// its failures will heal by themselves.
public struct IntegrationErrorSummary: Sendable, Hashable, Identifiable {
    public var integration: Integration
    /// Its health over the whole range, by the same limits as the header's (`IntegrationHealth`).
    public var health: IntegrationHealth.Entry
    /// Error events in the range.
    public var failures: Int
    /// Failures per bucket of the range, oldest first, for a sparkline.
    public var failuresPerBucket: [Int]
    /// The 95th percentile of the latencies reported by its events, in milliseconds.
    public var p95LatencyMilliseconds: Double?
    /// When its newest error happened; nil without errors in the range.
    public var lastErrorAt: Double?
    /// Failures by class (`FailureClassifier`).
    public var retryable: Int
    public var permanent: Int
    /// Attempts, failures, retries and deliveries, when its deliveries say on which attempt
    /// they succeeded.
    public var funnel: DeliveryFunnel?

    public var id: String { integration.id }

    /// Errors over attempts in percent, when attempts are known; see `IntegrationHealth.Entry`.
    public var failureRate: Double? { health.failureRate }
    /// Error and delivery events, when deliveries are reported.
    public var attempts: Int? { health.attempts }

    /// Summarizes every integration of `ecosystem` over `from..<to`, ranked: unhealthy ones
    /// first (critical before others, then by errors per minute), then healthy ones by failures,
    /// silent ones last.
    public static func rank(
        ecosystem: Ecosystem, events: [IntegrationEvent], from: Double, to: Double, buckets: Int,
        classifier: FailureClassifier = .standard
    ) -> [IntegrationErrorSummary] {
        let health = IntegrationHealth(ecosystem: ecosystem, events: events, end: to, length: to - from)
        var byIntegration: [String: [IntegrationEvent]] = [:]
        for event in events where event.timestamp >= from && event.timestamp < to {
            byIntegration[event.integration, default: []].append(event)
        }
        let summaries = health.entries.map { entry in
            IntegrationErrorSummary(
                entry: entry, events: byIntegration[entry.id] ?? [], from: from, to: to, buckets: buckets,
                classifier: classifier)
        }
        return summaries.sorted { lhs, rhs in lhs.rankKey < rhs.rankKey }
    }

    private init(
        entry: IntegrationHealth.Entry, events: [IntegrationEvent], from: Double, to: Double, buckets: Int,
        classifier: FailureClassifier
    ) {
        integration = entry.integration
        health = entry
        let errors = events.filter { $0.kind == .error }
        failures = errors.count
        failuresPerBucket = EventHistogram.counts(of: errors.map(\.timestamp), from: from, to: to, buckets: buckets)
        p95LatencyMilliseconds = Percentile.interpolated(0.95, sorted: events.compactMap(\.latencyMilliseconds).sorted())
        lastErrorAt = errors.map(\.timestamp).max()
        retryable = errors.count { classifier.classify($0.code) == .retryable }
        permanent = failures - retryable
        funnel = DeliveryFunnel(events: events)
    }

    /// Sorts unhealthy before healthy before silent; critical first among the unhealthy.
    private var rankKey: RankKey {
        let state = switch health.state {
        case .unhealthy: integration.isCritical ? 0 : 1
        case .healthy: 2
        case .silent: 3
        }
        return RankKey(state: state, errorsPerMinute: -health.errorsPerMinute, id: id)
    }

    private struct RankKey: Comparable {
        var state: Int
        var errorsPerMinute: Double
        var id: String
        static func < (lhs: RankKey, rhs: RankKey) -> Bool {
            (lhs.state, lhs.errorsPerMinute, lhs.id) < (rhs.state, rhs.errorsPerMinute, rhs.id)
        }
    }
}

/// How calls to an integration ended, counted the way webhook senders report deliveries:
/// every attempt, the attempts that failed, the messages delivered only after a retry, and the
/// messages delivered.
///
/// It exists where `delivery` events carry an `attempts` attribute (the attempt that
/// succeeded, 1 for the first try); without one no delivery says whether it was retried.
public struct DeliveryFunnel: Sendable, Hashable {
    /// Error and delivery events.
    public var attempted: Int
    /// Error events.
    public var failed: Int
    /// Deliveries that succeeded on a later attempt than the first.
    public var retried: Int
    /// Delivery events.
    public var delivered: Int

    /// The funnel of `events` (of one integration); nil when no delivery carries `attempts`.
    public init?(events: [IntegrationEvent]) {
        let deliveries = events.filter { $0.kind == .delivery }
        let tries = deliveries.compactMap { $0.attributes["attempts"].flatMap { Int($0) } }
        guard !tries.isEmpty else { return nil }
        delivered = deliveries.count
        failed = events.count - deliveries.count
        attempted = events.count
        retried = tries.count { $0 > 1 }
    }
}
