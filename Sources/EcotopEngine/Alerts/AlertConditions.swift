import EcotopCore

/// What is wrong at one moment, as conditions that may open alerts. Every figure comes from the
/// assessments the dashboard shows, so an alert never disagrees with the screen:
/// - a metric whose status (`MetricSummary.status`) is WARN or ANOM opens a warning, CRIT a
///   critical alert, with the metric's newest value;
/// - an unhealthy integration (`IntegrationHealth`) opens a critical alert when the integration
///   is critical, else a warning, with its failure rate (percent) or errors per minute;
/// - a stale source (`DataFreshness`) opens a warning with its age in seconds;
/// - a breached agreement (`AgreementCheck`) opens a warning with the divergence in percent.
///
/// STALE and N/A metric statuses open nothing themselves: the stale source behind them does.
public enum AlertConditions {
    /// The conditions of a snapshot and of the assessments read with it.
    public static func of(
        snapshot: EcosystemSnapshot, integrations: IntegrationHealth?, freshness: DataFreshness?
    ) -> [AlertCondition] {
        metrics(snapshot.summaries) + (integrations.map(Self.integrations) ?? []) + (freshness.map(Self.freshness) ?? [])
            + divergences(snapshot.agreements)
    }

    /// A condition per metric in WARN, CRIT or ANOM.
    public static func metrics(_ summaries: [MetricSummary]) -> [AlertCondition] {
        summaries.compactMap { summary in
            let severity: AlertSeverity
            switch summary.status {
            case .critical: severity = .critical
            case .warn, .anomaly: severity = .warning
            case .ok, .stale, .noData: return nil
            }
            let metric = summary.definition
            let value = summary.latest?.value
            let limit = summary.status == .critical ? metric.thresholds.critical : metric.thresholds.warn
            let comparison = metric.direction == .higherIsBetter ? "<" : ">"
            // In the metric's unit, as the panes write it (`3.24% > 1%`, `$369k`).
            let shown = { (number: Double?) in number.map { NumberFormat.value($0, unit: metric.unit) } ?? "-" }
            let text = summary.status == .anomaly
                ? "\(shown(value)), far from its usual level (ANOM)"
                : "\(shown(value)) \(comparison) \(shown(limit))"
            return AlertCondition(
                kind: .metric, subject: metric.id.rawValue, severity: severity, value: value,
                higherIsWorse: metric.direction == .lowerIsBetter, summary: "\(metric.title): \(text)")
        }
    }

    /// A condition per unhealthy integration.
    public static func integrations(_ health: IntegrationHealth) -> [AlertCondition] {
        health.entries.filter { $0.state == .unhealthy }.map { entry in
            let value: Double?
            let text: String
            switch entry.problems.first {
            case .failureRate(let percent, let limit)?:
                value = percent
                text = "failure rate \(number(percent))% > \(number(limit))%"
            case .errorEvents(let perMinute, let limit)?:
                value = perMinute
                text = "\(number(perMinute)) errors/min > \(number(limit))"
            case nil:
                value = entry.errorsPerMinute
                text = "unhealthy"
            }
            return AlertCondition(
                kind: .integration, subject: entry.integration.id, severity: entry.integration.isCritical ? .critical : .warning,
                value: value, higherIsWorse: true, summary: "integration \(entry.integration.id) \(text)")
        }
    }

    /// A condition per stale source.
    public static func freshness(_ freshness: DataFreshness) -> [AlertCondition] {
        freshness.staleEntries.map { entry in
            let text = entry.age.map { "no data for \(number($0))s (limit \(number(entry.limit))s)" } ?? "no data"
            return AlertCondition(
                kind: .freshness, subject: entry.key.description, severity: .warning, value: entry.age, higherIsWorse: true,
                summary: "\(entry.key) stale: \(text)")
        }
    }

    /// A condition per agreement past its tolerance.
    public static func divergences(_ checks: [AgreementCheck]) -> [AlertCondition] {
        checks.compactMap { check in
            guard let divergence = check.divergence, divergence.isBreach else { return nil }
            let percent = divergence.share * 100
            return AlertCondition(
                kind: .divergence, subject: check.agreement.name, severity: .warning, value: percent.isFinite ? percent : nil,
                higherIsWorse: true,
                summary: "\(check.agreement.name) diverges by \(percent.isFinite ? number(percent) + "%" : "all of it")")
        }
    }

    /// A value as the summaries write it: at most two decimals, `-` when there is none.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}
