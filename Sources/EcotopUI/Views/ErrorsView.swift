import EcotopApp
import EcotopCore
import EcotopEngine

/// The errors drill-down: which integrations are unhealthy, and the window's error events
/// grouped by fingerprint with the selected group's details.
struct ErrorsView: Widget {
    let errors: ErrorsModel
    let context: ViewContext

    /// The narrowest body that shows the integrations beside the error groups.
    static let sideBySideWidth = 110

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let report = errors.report else {
            LoadingNotice(what: "events", error: errors.error, context: context).render(in: area, buffer: &buffer)
            return
        }
        ReportView(report: report, selectedRow: errors.selectedRow, context: context).render(in: area, buffer: &buffer)
    }
}

/// The errors screen once its report is read.
private struct ReportView: Widget {
    let report: IntegrationErrorsReport
    let selectedRow: Int
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard area.width >= ErrorsView.sideBySideWidth else {
            renderGroups(in: area, buffer: &buffer)
            return
        }
        let integrationsWidth = min(48, area.width / 3)
        renderIntegrations(in: Rect(x: area.x, y: area.y, width: integrationsWidth, height: area.height), buffer: &buffer)
        renderGroups(in: Rect(x: area.x + integrationsWidth, y: area.y, width: area.width - integrationsWidth, height: area.height), buffer: &buffer)
    }

    /// `15/16 healthy`, counting the integrations that reported in the health window.
    private var healthSummary: String {
        let reporting = report.health.reporting
        let silent = report.health.entries.count - reporting.count
        return "\(reporting.filter(\.isHealthy).count)/\(reporting.count) healthy" + (silent > 0 ? ", \(silent) silent" : "")
    }

    private func renderIntegrations(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        Pane(
            title: [Span(" Integrations ", style: theme.style(.title, .bold))],
            note: [Span(" \(healthSummary) ", style: theme.style(report.health.unhealthy.isEmpty ? .ok : .warn, .bold))],
            borderStyle: theme.style(.border), glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
        let rank = { (entry: IntegrationHealth.Entry) in entry.state == .unhealthy ? 0 : (entry.state == .healthy ? 1 : 2) }
        let entries = report.health.entries.sorted { first, second in
            (rank(first), -first.errorsPerMinute, first.id) < (rank(second), -second.errorsPerMinute, second.id)
        }
        Table(
            columns: [
                TableColumn("", width: .fixed(1)),
                TableColumn("Integration", width: .fill(min: 16)),
                TableColumn("Err/min", width: .fixed(7), alignment: .right),
                TableColumn("Fail", width: .fixed(6), alignment: .right, hidePriority: 2),
                TableColumn("Crit", width: .fixed(4), hidePriority: 1),
            ],
            rows: entries.map { entry in
                let role: ThemeRole = switch entry.state {
                case .healthy: .ok
                case .silent: .muted
                case .unhealthy: entry.integration.isCritical ? .critical : .warn
                }
                let mark = switch entry.state {
                case .healthy: context.glyphs.live
                case .silent: "-"
                case .unhealthy: "!"
                }
                return [
                    .text(mark, style: theme.style(role, .bold)),
                    .text(TerminalText.sanitize(entry.integration.id), style: theme.style(entry.state == .unhealthy ? role : .text)),
                    .text(NumberFormat.compact(entry.errorsPerMinute), style: theme.style(entry.state == .unhealthy ? role : .muted)),
                    .text(entry.failureRate.map { NumberFormat.fixed($0, decimals: 1) + "%" } ?? "", style: theme.style(.muted)),
                    .text(entry.integration.isCritical ? "yes" : "", style: theme.style(.muted)),
                ]
            },
            selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain, glyphs: context.glyphs
        ).render(in: Pane.inner(area).inset(horizontal: 1), buffer: &buffer)
    }

    private func renderGroups(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let total = report.fingerprints.reduce(0) { $0 + $1.count }
        var note = [Span(" \(NumberFormat.grouped(Double(total))) errors in \(windowLabel) ", style: theme.style(.muted))]
        if area.width < ErrorsView.sideBySideWidth {
            note.insert(Span(" \(healthSummary) ·", style: theme.style(report.health.unhealthy.isEmpty ? .ok : .warn, .bold)), at: 0)
        }
        Pane(
            title: [Span(" Error groups ", style: theme.style(.focus, .bold))],
            note: note, borderStyle: theme.style(.focus), glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area).inset(horizontal: 1)
        guard !report.fingerprints.isEmpty else {
            buffer.write("No integration errors in \(windowLabel).", x: inner.x, y: inner.y, style: theme.style(.ok), limit: inner.maxX)
            return
        }
        let selected = min(selectedRow, report.fingerprints.count - 1)
        let detailHeight = inner.height >= 12 ? 4 : 0
        Table(
            columns: [
                TableColumn("Count", width: .fixed(6), alignment: .right),
                TableColumn("Code", width: .fixed(5)),
                TableColumn("Integration", width: .fill(min: 14, weight: 1), hidePriority: 1),
                TableColumn("Message", width: .fill(min: 20, weight: 3)),
                TableColumn("Last", width: .fixed(5), alignment: .right, hidePriority: 2),
            ],
            rows: report.fingerprints.map(row),
            selected: selected, headerStyle: theme.style(.muted),
            selectionStyle: context.selectionStyle,
            glyphs: context.glyphs
        ).render(in: inner.dropBottom(detailHeight), buffer: &buffer)
        if detailHeight > 0 {
            renderDetail(of: report.fingerprints[selected], in: inner.bottom(detailHeight - 1), buffer: &buffer)
        }
    }

    private func row(_ group: ErrorFingerprint) -> [TableCell] {
        let theme = context.theme
        return [
            .text(NumberFormat.grouped(Double(group.count)), style: theme.style(.text, .bold)),
            .text(group.code.isEmpty ? "-" : TerminalText.sanitize(group.code), style: theme.style(.critical)),
            .text(TerminalText.sanitize(group.integration), style: theme.style(.accent)),
            .text(TerminalText.sanitize(group.template), style: theme.style(.text)),
            .text(NumberFormat.age(report.end - group.lastSeen), style: theme.style(.muted)),
        ]
    }

    private func renderDetail(of group: ErrorFingerprint, in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        for x in area.x..<area.maxX { buffer.set(context.glyphs.horizontal, x: x, y: area.y, style: theme.style(.border)) }
        TextLine([
            Span("first ", style: theme.style(.muted)), Span(context.clock.timeOfDay(group.firstSeen), style: theme.style(.text)),
            Span("  last ", style: theme.style(.muted)), Span(context.clock.timeOfDay(group.lastSeen), style: theme.style(.text)),
            Span("  \(TerminalText.sanitize(group.integration)) \(TerminalText.sanitize(group.code))", style: theme.style(.accent)),
        ]).render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), buffer: &buffer)
        TextLine([
            Span("sample ", style: theme.style(.muted)),
            Span(Truncation.truncate(TerminalText.sanitize(group.sampleMessage), width: area.width - 7, ellipsis: context.glyphs.ellipsis),
                 style: theme.style(.text)),
        ]).render(in: Rect(x: area.x, y: area.y + 2, width: area.width, height: 1), buffer: &buffer)
    }

    private var windowLabel: String {
        TimeRange.allCases.first { $0.seconds == report.length }.map { "the last \($0.label)" } ?? "the window"
    }
}
