import EcotopCore

/// How `ecotop alerts` prints alerts.
public enum AlertsOutputFormat: String, CaseIterable, Sendable {
    case text, json
}

/// Alerts as `ecotop alerts` prints them: a table, or a JSON array of objects with the fields
/// of the alerts file (docs/alerts.md) plus `state` and `duration`. Outside text (subjects and
/// summaries come from labels and configuration) is shown escaped.
public struct AlertsOutput {
    public let format: AlertsOutputFormat
    /// The moment durations of open alerts are measured to.
    public let now: Double

    public init(format: AlertsOutputFormat, now: Double) {
        self.format = format
        self.now = now
    }

    public func render(_ alerts: [Alert]) -> String {
        switch format {
        case .text:
            guard !alerts.isEmpty else { return "no alerts\n" }
            return TextTable.render(
                ["id", "state", "severity", "kind", "subject", "started", "duration", "worst", "summary"],
                alerts.map { alert in
                    [
                        String(alert.id), state(alert), alert.severity.label, alert.kind.rawValue, alert.subject,
                        Timestamp(seconds: alert.startedAt).rfc3339, Self.duration(alert.duration(at: now)),
                        alert.worstValue.map(JSONText.number) ?? "-", alert.summary,
                    ]
                })
        case .json:
            return "[" + alerts.map(json).joined(separator: ",\n") + "]\n"
        }
    }

    /// `open`, `acknowledged`, `silenced` or `resolved`.
    func state(_ alert: Alert) -> String {
        if !alert.isOpen { return "resolved" }
        if alert.isSilenced(at: now) { return "silenced" }
        return alert.isAcknowledged ? "acknowledged" : "open"
    }

    private func json(_ alert: Alert) -> String {
        let time: (Double?) -> String = { $0.map { JSONText.quoted(Timestamp(seconds: $0).rfc3339) } ?? "null" }
        let fields: [(String, String)] = [
            ("id", String(alert.id)), ("state", JSONText.quoted(state(alert))), ("severity", JSONText.quoted(alert.severity.rawValue)),
            ("kind", JSONText.quoted(alert.kind.rawValue)), ("subject", JSONText.quoted(alert.subject)),
            ("summary", JSONText.quoted(alert.summary)), ("started_at", time(alert.startedAt)), ("ended_at", time(alert.endedAt)),
            ("duration", JSONText.number(alert.duration(at: now))), ("opening_value", JSONText.number(alert.openingValue)),
            ("worst_value", JSONText.number(alert.worstValue)), ("last_value", JSONText.number(alert.lastValue)),
            ("acknowledged_at", time(alert.acknowledgedAt)), ("silenced_until", time(alert.silencedUntil)),
        ]
        return "{" + fields.map { JSONText.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// `45s`, `12m`, `3h05m`, `2d04h`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds)
        switch whole {
        case ..<60: return "\(whole)s"
        case ..<3_600: return "\(whole / 60)m"
        case ..<86_400: return "\(whole / 3_600)h" + String(format2: (whole % 3_600) / 60) + "m"
        default: return "\(whole / 86_400)d" + String(format2: (whole % 86_400) / 3_600) + "h"
        }
    }
}

private extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
