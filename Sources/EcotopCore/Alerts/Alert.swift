/// One alert: a condition that opened at `startedAt` and is one alert for as long as it goes on,
/// with the worst value it reached, until it resolves. Acknowledging and silencing change how it
/// is shown and whether the hook and the bell are told, never whether it is open.
public struct Alert: Sendable, Hashable, Codable, Identifiable {
    /// Unique within a store: numbers handed out in order.
    public var id: Int
    public var kind: AlertKind
    public var subject: String
    /// The condition's key (`AlertCondition.key`): one open alert per key.
    public var key: String
    /// The severity now: it may rise from warning to critical while the alert is open (and does
    /// not fall back, the worst is what needed attention).
    public var severity: AlertSeverity
    /// The value when the alert opened.
    public var openingValue: Double?
    /// The worst value seen while it was open.
    public var worstValue: Double?
    /// The value at the last evaluation that saw the condition.
    public var lastValue: Double?
    public var higherIsWorse: Bool
    /// The condition's summary at the last evaluation that saw it.
    public var summary: String
    /// Seconds since the Unix epoch.
    public var startedAt: Double
    /// The last evaluation that saw the condition.
    public var lastSeenAt: Double
    /// When it resolved; nil while open.
    public var endedAt: Double?
    public var acknowledgedAt: Double?
    /// The end of a silence; nil when never silenced.
    public var silencedUntil: Double?

    /// The keys of the alerts file (docs/alerts.md), spelled out: a key strategy converting
    /// each key at each line costs a restart's replay more than the decoding itself.
    private enum CodingKeys: String, CodingKey {
        case id, kind, subject, key, severity, summary
        case openingValue = "opening_value", worstValue = "worst_value", lastValue = "last_value"
        case higherIsWorse = "higher_is_worse", startedAt = "started_at", lastSeenAt = "last_seen_at", endedAt = "ended_at"
        case acknowledgedAt = "acknowledged_at", silencedUntil = "silenced_until"
    }

    public init(id: Int, condition: AlertCondition, at time: Double) {
        self.id = id
        kind = condition.kind
        subject = condition.subject
        key = condition.key
        severity = condition.severity
        openingValue = condition.value
        worstValue = condition.value
        lastValue = condition.value
        higherIsWorse = condition.higherIsWorse
        summary = condition.summary
        startedAt = time
        lastSeenAt = time
    }

    public var isOpen: Bool { endedAt == nil }
    public var isAcknowledged: Bool { acknowledgedAt != nil }

    /// Whether a silence covers `time`.
    public func isSilenced(at time: Double) -> Bool { silencedUntil.map { time < $0 } ?? false }

    /// Seconds from its start to its end, or to `time` while open.
    public func duration(at time: Double) -> Double { max(0, (endedAt ?? time) - startedAt) }

    /// Whether it needs someone's attention at `time`: open, neither acknowledged nor silenced.
    public func needsAttention(at time: Double) -> Bool { isOpen && !isAcknowledged && !isSilenced(at: time) }
}
