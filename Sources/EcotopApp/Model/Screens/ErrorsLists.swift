import EcotopCore
import EcotopEngine

/// The lists of the errors drill-down: what each row's identity is, what `/` searches, and
/// the orders `s` cycles through. `ecotop errors` sorts with the same orders.
public enum ErrorsLists {
    /// Integrations: ranked by health, or by failures, failure rate, p95 latency, last error, name.
    public static let integrations = ListDescription<IntegrationErrorSummary>(
        id: \.id,
        text: { "\($0.id) \($0.health.state) \($0.integration.isCritical ? "critical" : "")" },
        sorts: [
            ListSort("health"),
            .descending("failures") { $0.failures },
            .descending("failure rate") { $0.failureRate ?? -1 },
            .descending("p95 latency") { $0.p95LatencyMilliseconds ?? -1 },
            .descending("last error") { $0.lastErrorAt ?? -.infinity },
            .ascending("name") { $0.id },
        ])

    /// Error groups: most frequent first, or by last seen, first seen, code.
    public static let groups = ListDescription<ErrorFingerprint>(
        id: \.id,
        text: { "\($0.integration) \($0.code) \($0.template) \($0.sampleMessage)" },
        sorts: [
            ListSort("count"),
            .descending("last seen") { $0.lastSeen },
            .descending("first seen") { $0.firstSeen },
            .ascending("code") { $0.code },
        ])

    /// Events: newest first, or by latency, code.
    public static let events = ListDescription<IntegrationEvent>(
        id: eventID,
        text: { event in
            ([event.code, event.message] + event.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
                .joined(separator: " ")
        },
        sorts: [
            ListSort("newest"),
            .descending("latency") { $0.latencyMilliseconds ?? -1 },
            .ascending("code") { $0.code },
        ])

    /// An event's identity within its group: its time and message.
    @Sendable public static func eventID(_ event: IntegrationEvent) -> String {
        "\(event.timestamp)\u{1F}\(event.message)"
    }
}
