import EcotopCore
import EcotopEngine
import EcotopStore

/// How `ecotop errors` prints a level of the errors drill-down.
public enum ErrorsOutputFormat: String, CaseIterable, Sendable {
    case text, json, csv
}

/// The levels of the errors drill-down as `ecotop errors` prints them for scripts: every
/// integration, one integration's codes and groups, or one group with its events. The figures
/// are the engine's, the same as the errors screen's.
public struct ErrorsOutput {
    public let report: IntegrationErrorsReport
    public let format: ErrorsOutputFormat

    public init(report: IntegrationErrorsReport, format: ErrorsOutputFormat) {
        self.report = report
        self.format = format
    }

    /// The first level: every integration, ranked by health.
    public func integrations() -> String {
        let rows = report.integrations
        switch format {
        case .json:
            return "{\"from\":\(JSONText.number(report.start)),\"to\":\(JSONText.number(report.end)),\"integrations\":["
                + rows.map(json).joined(separator: ",") + "]}\n"
        case .csv:
            return CSVText.line(Self.integrationColumns) + rows.map { CSVText.line(fields($0)) }.joined()
        case .text:
            return table(Self.integrationColumns, rows.map(fields))
        }
    }

    /// The second level: one integration with its codes and groups; nil when unknown.
    public func integration(_ id: String) -> String? {
        guard let detail = report.detail(ofIntegration: id) else { return nil }
        switch format {
        case .json:
            let codes = detail.codes.map {
                "{\"code\":\(JSONText.quoted($0.code)),\"count\":\($0.count),\"class\":\(JSONText.quoted($0.failureClass.rawValue))}"
            }
            return "{\"integration\":\(json(detail.summary)),\"codes\":[\(codes.joined(separator: ","))],\"groups\":["
                + detail.groups.map(json).joined(separator: ",") + "]}\n"
        case .csv:
            return CSVText.line(Self.groupColumns) + detail.groups.map { CSVText.line(fields($0)) }.joined()
        case .text:
            let codes = detail.codes.map { [$0.code, "\($0.count)", $0.failureClass.rawValue] }
            return table(Self.integrationColumns, [fields(detail.summary)]) + "\n" + table(["code", "count", "class"], codes) + "\n"
                + table(Self.groupColumns, detail.groups.map(fields))
        }
    }

    /// The third and fourth levels: one group and its events, newest first; nil when unknown.
    /// The group is named by its fingerprint, as printed in the `fingerprint` column.
    public func group(_ fingerprint: String) -> String? {
        guard let group = report.fingerprints.first(where: { Self.fingerprint($0) == fingerprint }),
            let detail = report.detail(ofGroup: group.id)
        else { return nil }
        switch format {
        case .json:
            return "{\"group\":\(json(group)),\"share\":\(JSONText.number(detail.share)),"
                + "\"runbook\":\(report.runbook(for: group).map { JSONText.quoted($0.advice) } ?? "null"),\"class\":"
                + "\(JSONText.quoted(detail.failureClass.rawValue)),\"histogram\":[\(detail.histogram.map(String.init).joined(separator: ","))],"
                + "\"events\":[" + detail.events.map(EventsOutput.json).joined(separator: ",") + "]}\n"
        case .csv:
            return EventsOutput(format: .csv).render(detail.events)
        case .text:
            let runbook = report.runbook(for: group).map { "runbook: \(TerminalText.escaped($0.advice))\n" } ?? ""
            return table(Self.groupColumns, [fields(group)]) + runbook + "\n"
                + table(["time", "code", "latency_ms", "message"], detail.events.map {
                    [TimeExpression.rfc3339($0.timestamp), $0.code, $0.latencyMilliseconds.map(JSONText.number) ?? "", $0.message]
                })
        }
    }

    /// A short, stable name of a group for the command line: 12 hex digits of a hash of its
    /// integration, code and template (FNV-1a, so it is the same on every run and machine).
    public static func fingerprint(_ group: ErrorFingerprint) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in group.id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }

    static let integrationColumns = [
        "integration", "state", "critical", "calls", "failures", "failure_rate", "p95_ms", "last_error", "retryable", "permanent",
    ]
    static let groupColumns = ["fingerprint", "integration", "code", "count", "new", "first_seen", "last_seen", "message"]

    private func fields(_ summary: IntegrationErrorSummary) -> [String] {
        [
            summary.id, "\(summary.health.state)", summary.integration.isCritical ? "yes" : "no",
            summary.attempts.map(String.init) ?? "", "\(summary.failures)", summary.failureRate.map(JSONText.number) ?? "",
            summary.p95LatencyMilliseconds.map(JSONText.number) ?? "", summary.lastErrorAt.map(TimeExpression.rfc3339) ?? "",
            "\(summary.retryable)", "\(summary.permanent)",
        ]
    }

    private func fields(_ group: ErrorFingerprint) -> [String] {
        [
            Self.fingerprint(group), group.integration, group.code, "\(group.count)", report.newGroups.contains(group.id) ? "yes" : "no",
            TimeExpression.rfc3339(group.firstSeen), TimeExpression.rfc3339(group.lastSeen), group.template,
        ]
    }

    private func json(_ summary: IntegrationErrorSummary) -> String {
        let funnel = summary.funnel.map {
            "{\"attempted\":\($0.attempted),\"failed\":\($0.failed),\"retried\":\($0.retried),\"delivered\":\($0.delivered)}"
        } ?? "null"
        return "{\"integration\":\(JSONText.quoted(summary.id)),\"state\":\"\(summary.health.state)\","
            + "\"critical\":\(summary.integration.isCritical),\"calls\":\(summary.attempts.map(String.init) ?? "null"),"
            + "\"failures\":\(summary.failures),\"failure_rate\":\(JSONText.number(summary.failureRate)),"
            + "\"p95_ms\":\(JSONText.number(summary.p95LatencyMilliseconds)),\"last_error\":\(JSONText.number(summary.lastErrorAt)),"
            + "\"retryable\":\(summary.retryable),\"permanent\":\(summary.permanent),"
            + "\"failures_per_bucket\":[\(summary.failuresPerBucket.map(String.init).joined(separator: ","))],\"funnel\":\(funnel)}"
    }

    private func json(_ group: ErrorFingerprint) -> String {
        "{\"fingerprint\":\"\(Self.fingerprint(group))\",\"integration\":\(JSONText.quoted(group.integration)),"
            + "\"code\":\(JSONText.quoted(group.code)),\"template\":\(JSONText.quoted(group.template)),\"count\":\(group.count),"
            + "\"new\":\(report.newGroups.contains(group.id)),\"first_seen\":\(JSONText.number(group.firstSeen)),"
            + "\"last_seen\":\(JSONText.number(group.lastSeen)),\"sample\":\(JSONText.quoted(group.sampleMessage))}"
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String { PlainTable.render(header, rows) }
}

/// How `ecotop events` prints events.
public enum EventsOutputFormat: String, CaseIterable, Sendable {
    /// One object per line, as the events log and `ecotop ingest` take them.
    case jsonl
    case csv
}

/// Integration events as `ecotop events` prints them.
public struct EventsOutput {
    public let format: EventsOutputFormat

    public init(format: EventsOutputFormat) {
        self.format = format
    }

    public func render(_ events: [IntegrationEvent]) -> String {
        switch format {
        case .jsonl:
            return events.map { Self.json($0) + "\n" }.joined()
        case .csv:
            return CSVText.line(["ts", "kind", "integration", "code", "latency_ms", "message", "attributes"])
                + events.map { event in
                    CSVText.line([
                        TimeExpression.rfc3339(event.timestamp), event.kind.rawValue, event.integration, event.code,
                        event.latencyMilliseconds.map(JSONText.number) ?? "", event.message, JSONText.object(event.attributes),
                    ])
                }.joined()
        }
    }

    /// One event as a JSON object.
    static func json(_ event: IntegrationEvent) -> String {
        "{\"ts\":\(JSONText.number(event.timestamp)),\"kind\":\"\(event.kind.rawValue)\",\"integration\":\(JSONText.quoted(event.integration)),"
            + "\"code\":\(JSONText.quoted(event.code)),\"message\":\(JSONText.quoted(event.message)),"
            + "\"latency_ms\":\(JSONText.number(event.latencyMilliseconds)),\"attributes\":\(JSONText.object(event.attributes))}"
    }
}
