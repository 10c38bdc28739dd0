import EcotopCore
import EcotopEngine

/// The states of a Nagios plugin, whose numbers are its exit statuses.
public enum NagiosState: Int32, Sendable, Comparable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    /// The word the status line starts with.
    public var label: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    public static func < (lhs: NagiosState, rhs: NagiosState) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// `ecotop check`: a report judged as a Nagios plugin judges, over the metrics in scope (all,
/// or those of some families or ids) and, unless scoped, the integrations and sources of truth.
///
/// CRITICAL when a metric is CRIT or a critical integration is unhealthy; else WARNING when a
/// metric is WARN or STALE, another integration is unhealthy or two sources of truth diverge;
/// else UNKNOWN when no metric in scope has data; OK otherwise. An anomaly alone is OK: it is
/// flagged on the dashboard but does not lower the health score either.
public struct HealthCheck: Sendable {
    public let report: EcosystemReport
    /// The metrics judged, in catalog order.
    public let metrics: [MetricSummary]
    /// Whether integrations and agreements are judged too: only when the check is not scoped.
    public let judgesEcosystem: Bool

    /// Why a scope names nothing the catalog has.
    public struct UnknownScope: Error, CustomStringConvertible {
        public var description: String
    }

    /// The check of `report` over the metrics of `families` and `metricIDs` (both empty: every
    /// metric, and the integrations and agreements too).
    public init(report: EcosystemReport, families: [String] = [], metricIDs: [String] = []) throws(UnknownScope) {
        let catalog = report.catalog
        for family in families where !catalog.families.contains(where: { $0.id == family }) {
            throw UnknownScope(description: Self.unknown("family", family, among: catalog.families.map(\.id)))
        }
        for id in metricIDs where catalog[MetricID(rawValue: id)] == nil {
            throw UnknownScope(description: Self.unknown("metric", id, among: catalog.metrics.map(\.id.rawValue)))
        }
        let unscoped = families.isEmpty && metricIDs.isEmpty
        self.report = report
        judgesEcosystem = unscoped
        metrics = report.snapshot.summaries.filter { summary in
            unscoped || families.contains(summary.definition.family.id) || metricIDs.contains(summary.id.rawValue)
        }
    }

    private static func unknown(_ kind: String, _ name: String, among known: [String]) -> String {
        "no \(kind) '\(TerminalText.escaped(name))' in the catalog"
            + (Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? "")
            + " (\(kind == "family" ? "families" : "metrics"): \(known.joined(separator: ", ")))"
    }

    /// The integrations judged that are unhealthy now, critical ones first.
    public var unhealthyIntegrations: [IntegrationHealth.Entry] {
        judgesEcosystem ? report.errors.health.unhealthy : []
    }

    /// The divergences judged.
    public var divergences: [AgreementCheck] { judgesEcosystem ? report.divergences : [] }

    /// The state, whose number is the exit status.
    public var state: NagiosState {
        if metrics.contains(where: { $0.status == .critical }) || unhealthyIntegrations.contains(where: \.integration.isCritical) {
            return .critical
        }
        if metrics.contains(where: { $0.status == .warn || $0.status == .stale }) || !unhealthyIntegrations.isEmpty
            || !divergences.isEmpty {
            return .warning
        }
        return metrics.contains(where: { $0.status != .noData }) ? .ok : .unknown
    }

    /// The one line a Nagios plugin prints: `ECOTOP WARNING - 2 metrics WARN (Integration errors
    /// 3.24%, ...) | health=94;;;0;100 ...`.
    public var line: String {
        Self.line(state, summary) + " | " + NagiosPerfdata(check: self).text
    }

    /// The status line of a check that could not be made: `ECOTOP UNKNOWN - why`.
    public static func unknownLine(_ reason: String) -> String {
        line(.unknown, reason)
    }

    private static func line(_ state: NagiosState, _ summary: String) -> String {
        "ECOTOP \(state.label) - " + NagiosPerfdata.plain(summary)
    }

    /// What is wrong, worst first; when nothing is, the health and how many metrics are OK.
    var summary: String {
        var parts: [String] = []
        for status in [MetricStatus.critical, .warn, .stale] {
            let matching = metrics.filter { $0.status == status }
            guard !matching.isEmpty else { continue }
            parts.append("\(counted(matching.count, "metric")) \(status.label) (" + matching.map(Self.metricText).joined(separator: ", ") + ")")
        }
        if !unhealthyIntegrations.isEmpty {
            parts.append("\(counted(unhealthyIntegrations.count, "integration")) unhealthy (" + unhealthyIntegrations.map(\.id).joined(separator: ", ") + ")")
        }
        if !divergences.isEmpty {
            parts.append("\(counted(divergences.count, "divergence")) (" + divergences.map { "\($0.agreement.name) \($0.divergence?.text ?? "")" }
                .joined(separator: ", ") + ")")
        }
        guard parts.isEmpty else { return parts.joined(separator: ", ") }
        guard state != .unknown else { return "no data for \(counted(metrics.count, "metric")) in the last \(report.snapshot.range.label)" }
        let ok = metrics.filter { $0.status == .ok || $0.status == .anomaly }.count
        return "health \(NumberFormat.score(report.snapshot.health.overall)), \(ok) of \(counted(metrics.count, "metric")) OK"
    }

    /// `Integration errors 3.24%`: the short title and the value as the panes show them.
    private static func metricText(_ summary: MetricSummary) -> String {
        summary.definition.shortTitle + " " + (summary.latest.map { NumberFormat.value($0.value, unit: summary.definition.unit) } ?? "--")
    }
}
