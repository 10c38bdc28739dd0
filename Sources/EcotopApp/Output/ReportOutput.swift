import EcotopCore
import EcotopEngine
import EcotopStore

/// How `ecotop report` prints.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns for reading in a terminal or a mail.
    case text
    /// GitHub-flavoured Markdown tables, for a wiki page or an issue.
    case markdown
    /// One JSON object with the raw figures, for scripts.
    case json
}

/// `ecotop report` as text, Markdown or JSON. Values are written with the panes' formatting
/// (`NumberFormat`) in text and Markdown and as plain numbers in JSON; every figure is the
/// report's, which is the dashboard's.
public struct ReportOutput {
    public let report: EcosystemReport

    public init(report: EcosystemReport) {
        self.report = report
    }

    /// The whole report in `format`.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: ReportJSON(report: report).render()
        }
    }

    /// One titled table of the report, with what to say when it has no rows.
    struct Section {
        var title: String
        var header: [String]
        var rows: [[String]]
        var empty: String
    }

    /// The report's tables in order: one per family, then the failing integrations and their
    /// error groups, the stale sources, the divergences and the open alerts.
    var sections: [Section] {
        familySections + [integrationSection, groupSection, staleSection, divergenceSection, alertSection]
    }

    private var alertSection: Section {
        Section(
            title: "Open alerts",
            header: ["id", "severity", "what", "since", "acknowledged", "summary"],
            rows: report.openAlerts.map { alert in
                [
                    "\(alert.id)", alert.severity.label, "\(alert.kind.rawValue) \(alert.subject)", TimeExpression.rfc3339(alert.startedAt),
                    alert.isAcknowledged ? "yes" : "no", alert.summary,
                ]
            },
            empty: "none")
    }

    /// The line under the title: the range, the overall health and how many metrics report.
    var headline: String {
        let snapshot = report.snapshot, health = snapshot.health
        var line = "last \(snapshot.range.label) to \(TimeExpression.rfc3339(snapshot.time)) · health \(NumberFormat.score(health.overall))"
            + " · \(health.reporting) of \(health.total) metrics report"
        if !health.unhealthyIntegrations.isEmpty {
            line += " · capped by unhealthy " + health.unhealthyIntegrations.joined(separator: ", ")
        }
        return line
    }

    private var familySections: [Section] {
        report.catalog.families.map { family in
            Section(
                title: "\(family.title) · health \(NumberFormat.score(report.snapshot.health.families[family]))",
                header: ["metric", "status", "value", "change", "coverage"],
                rows: report.snapshot.summaries(in: family).map { summary in
                    let unit = summary.definition.unit
                    return [
                        summary.definition.title, summary.status.label,
                        summary.latest.map { NumberFormat.value($0.value, unit: unit) } ?? "--",
                        summary.change.value.map { NumberFormat.delta($0, unit: unit) } ?? "n/a",
                        NumberFormat.fixed(summary.coverage * 100, decimals: 0) + "%",
                    ]
                },
                empty: "no metrics")
        }
    }

    private var integrationSection: Section {
        Section(
            title: "Failing integrations",
            header: ["integration", "now", "over range", "critical", "calls", "failures", "failure rate"],
            rows: report.failingIntegrations.map { summary in
                [
                    summary.id, report.healthNow(of: summary).map { "\($0)" } ?? "-", "\(summary.health.state)",
                    summary.integration.isCritical ? "yes" : "no",
                    summary.attempts.map { NumberFormat.grouped(Double($0)) } ?? "-", NumberFormat.grouped(Double(summary.failures)),
                    summary.failureRate.map { NumberFormat.fixed($0, decimals: 1) + "%" } ?? "-",
                ]
            },
            empty: "none: every integration is healthy or silent, without failures")
    }

    private var groupSection: Section {
        Section(
            title: "Their error groups",
            header: ["integration", "code", "count", "new", "fingerprint", "message"],
            rows: report.failingIntegrations.flatMap { summary in
                report.groups(of: summary).map { group in
                    [
                        group.integration, group.code, NumberFormat.grouped(Double(group.count)),
                        report.errors.newGroups.contains(group.id) ? "yes" : "no", ErrorsOutput.fingerprint(group), group.template,
                    ]
                }
            },
            empty: "none")
    }

    private var staleSection: Section {
        Section(
            title: "Stale sources",
            header: ["series", "age", "limit"],
            rows: report.staleSources.map { entry in
                [entry.key.description, entry.age.map(NumberFormat.age) ?? "no data", NumberFormat.age(entry.limit)]
            },
            empty: "none: every source delivers on time")
    }

    private var divergenceSection: Section {
        Section(
            title: "Divergences",
            header: ["agreement", "reference", "compared", "diverged", "allowed"],
            rows: report.divergences.map { check in
                [
                    check.agreement.name, check.reference.map(NumberFormat.grouped) ?? "--", check.compared.map(NumberFormat.grouped) ?? "--",
                    check.divergence?.text ?? "--", check.agreement.tolerance.text,
                ]
            },
            empty: report.snapshot.agreements.isEmpty ? "none configured" : "none: every source of truth agrees")
    }
}

extension ReportOutput {
    /// Aligned tables under upper-case titles, outside text escaped.
    func text() -> String {
        var text = "Ecotop report: \(TerminalText.escaped(report.ecosystemName))\n\(TerminalText.escaped(headline))\n"
        if let note = report.dataNote { text += TerminalText.escaped(note) + "\n" }
        for section in sections {
            text += "\n" + TerminalText.escaped(section.title).uppercased() + "\n"
            text += section.rows.isEmpty ? section.empty + "\n" : TextTable.render(section.header, section.rows)
        }
        return text
    }

    /// A title, the headline, and one Markdown table per section.
    func markdown() -> String {
        var text = "# Ecotop report: \(Self.markdownCell(report.ecosystemName))\n\n\(Self.markdownCell(headline))\n"
        if let note = report.dataNote { text += "\n" + Self.markdownCell(note) + "\n" }
        for section in sections {
            text += "\n## \(Self.markdownCell(section.title))\n\n"
            guard !section.rows.isEmpty else {
                text += section.empty + "\n"
                continue
            }
            text += "| " + section.header.joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: " --- |", count: section.header.count) + "\n"
            for row in section.rows { text += "| " + row.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
        }
        return text
    }

    /// Text from outside as Markdown shows it literally inside a table cell: control
    /// characters escaped, and the characters that would end the cell or format the text
    /// (`|`, `\`, `*`, `_`, backquotes, `<`, `[`, `]`) backslash-escaped.
    static func markdownCell(_ text: String) -> String {
        var cell = ""
        for character in TerminalText.escaped(text) {
            if "\\|*_`<[]".contains(character) { cell.append("\\") }
            cell.append(character)
        }
        return cell
    }
}
