import EcotopCore
import EcotopEngine

/// `ecotop report --format json`: one object with the report's raw figures (values in their
/// metric's unit, shares 0-1, ages in seconds), strings escaped as `JSONText` escapes them.
/// A figure that is not finite (a divergence from a reference of 0) is `null`.
struct ReportJSON {
    let report: EcosystemReport

    func render() -> String {
        let snapshot = report.snapshot, health = snapshot.health
        let families = report.catalog.families.map { "\(quoted($0.id)):\(number(health.families[$0]))" }
        let members = [
            "\"ecosystem\":\(quoted(report.ecosystemName))", "\"data_note\":\(report.dataNote.map(quoted) ?? "null")",
            "\"time\":\(number(snapshot.time))", "\"range\":\(quoted(snapshot.range.label))",
            "\"health\":{\"overall\":\(number(health.overall)),\"reporting\":\(health.reporting),\"total\":\(health.total),"
                + "\"families\":{\(families.joined(separator: ","))},"
                + "\"capped_by\":[\(health.unhealthyIntegrations.map(quoted).joined(separator: ","))]}",
            "\"metrics\":[" + snapshot.summaries.map(metric).joined(separator: ",") + "]",
            "\"failing_integrations\":[" + report.failingIntegrations.map(integration).joined(separator: ",") + "]",
            "\"stale_sources\":[" + report.staleSources.map(staleSource).joined(separator: ",") + "]",
            "\"divergences\":[" + report.divergences.map(divergence).joined(separator: ",") + "]",
            "\"open_alerts\":[" + report.openAlerts.map(alert).joined(separator: ",") + "]",
        ]
        return "{" + members.joined(separator: ",") + "}\n"
    }

    private func alert(_ alert: Alert) -> String {
        "{\"id\":\(alert.id),\"kind\":\(quoted(alert.kind.rawValue)),\"subject\":\(quoted(alert.subject)),"
            + "\"severity\":\(quoted(alert.severity.label)),\"started_at\":\(number(alert.startedAt)),"
            + "\"worst_value\":\(number(alert.worstValue)),\"acknowledged\":\(alert.isAcknowledged),\"summary\":\(quoted(alert.summary))}"
    }

    private func metric(_ summary: MetricSummary) -> String {
        let definition = summary.definition
        return "{\"id\":\(quoted(definition.id.rawValue)),\"family\":\(quoted(definition.family.id)),\"title\":\(quoted(definition.title)),"
            + "\"status\":\(quoted(summary.status.label)),\"value\":\(number(summary.latest?.value)),"
            + "\"unit\":\(quoted(definition.unit.rawValue)),\"at\":\(number(summary.latest?.timestamp)),"
            + "\"change\":\(number(summary.change.value)),\"score\":\(number(summary.score)),\"coverage\":\(number(summary.coverage))}"
    }

    private func integration(_ summary: IntegrationErrorSummary) -> String {
        let groups = report.groups(of: summary).map { group in
            "{\"fingerprint\":\(quoted(ErrorsOutput.fingerprint(group))),\"code\":\(quoted(group.code)),\"count\":\(group.count),"
                + "\"new\":\(report.errors.newGroups.contains(group.id)),\"template\":\(quoted(group.template))}"
        }
        return "{\"integration\":\(quoted(summary.id)),\"now\":\(report.healthNow(of: summary).map { "\"\($0)\"" } ?? "null"),"
            + "\"state\":\"\(summary.health.state)\",\"critical\":\(summary.integration.isCritical),"
            + "\"calls\":\(summary.attempts.map(String.init) ?? "null"),\"failures\":\(summary.failures),"
            + "\"failure_rate\":\(number(summary.failureRate)),\"groups\":[\(groups.joined(separator: ","))]}"
    }

    private func staleSource(_ entry: DataFreshness.Entry) -> String {
        "{\"series\":\(quoted(entry.key.description)),\"newest\":\(number(entry.newest)),\"age\":\(number(entry.age)),"
            + "\"limit\":\(number(entry.limit))}"
    }

    private func divergence(_ check: AgreementCheck) -> String {
        "{\"agreement\":\(quoted(check.agreement.name)),\"reference\":\(number(check.reference)),\"compared\":\(number(check.compared)),"
            + "\"difference\":\(number(check.divergence?.difference)),\"share\":\(number(check.divergence?.share)),"
            + "\"allowed\":\(quoted(check.agreement.tolerance.text))}"
    }

    private func quoted(_ text: String) -> String { JSONText.quoted(text) }

    /// A finite number, else `null`.
    private func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return JSONText.number(value)
    }
}
