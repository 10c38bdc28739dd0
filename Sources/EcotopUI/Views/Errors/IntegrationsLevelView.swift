import EcotopApp
import EcotopCore
import EcotopEngine

/// The first level: every integration over the range, ranked by health, with the selected
/// one's problems and delivery funnel below.
struct IntegrationsLevelView: ClickableView {
    let report: IntegrationErrorsReport
    let level: ErrorsLevel
    let frame: ErrorsFrame
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let rows = level.integrations(in: report)
        let unhealthy = report.integrations.count { $0.health.state == .unhealthy }
        frame.pane(note: [
            Span(" \(unhealthy)/\(report.integrations.count) unhealthy in \(ErrorsWindow.label(of: report)) ",
                 style: theme.style(unhealthy == 0 ? .ok : .warn, .bold)),
        ]).render(in: area, buffer: &buffer)
        let parts = Self.parts(of: area)
        guard !rows.isEmpty else {
            let inner = parts.table
            let empty = report.integrations.isEmpty ? "The ecosystem has no integrations." : "No integration matches the filter."
            buffer.write(empty, x: inner.x, y: inner.y, style: theme.style(.muted), limit: inner.maxX)
            return
        }
        let selected = level.list.selectedRow(in: rows, as: ErrorsLists.integrations)
        Table(
            columns: [
                TableColumn("", width: .fixed(1)),
                TableColumn("Integration", width: .fill(min: 18, weight: 2)),
                TableColumn("Calls", width: .fixed(7), alignment: .right, hidePriority: 3),
                TableColumn("Fail", width: .fixed(6), alignment: .right),
                TableColumn("Rate", width: .fixed(6), alignment: .right, hidePriority: 2),
                TableColumn("p95", width: .fixed(7), alignment: .right, hidePriority: 4),
                TableColumn("Failures", width: .fill(min: 10, weight: 1), hidePriority: 5),
                TableColumn("Last", width: .fixed(5), alignment: .right, hidePriority: 3),
                TableColumn("Retry/Perm", width: .fixed(10), alignment: .right, hidePriority: 6),
                TableColumn("Crit", width: .fixed(4), hidePriority: 1),
            ],
            rows: rows.map(row), selected: selected, headerStyle: theme.style(.muted),
            selectionStyle: context.selectionStyle, glyphs: context.glyphs
        ).render(in: parts.table, buffer: &buffer)
        if let facts = parts.details {
            IntegrationFacts(summary: rows[selected], context: context).render(in: facts, buffer: &buffer)
        }
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        let rows = level.integrations(in: report)
        return ClickRegions(list: .init(table: Self.parts(of: area).table, listing: rows, state: level.list, as: ErrorsLists.integrations))
    }

    /// Inside the level's pane in `area`: the table, and under it the selected integration's
    /// facts when the pane is tall enough.
    static func parts(of area: Rect) -> (table: Rect, details: Rect?) {
        ErrorsFrame.parts(of: area, details: 3, from: 12)
    }

    private func row(_ summary: IntegrationErrorSummary) -> [TableCell] {
        let theme = context.theme
        let role = IntegrationStyle.role(of: summary)
        let muted = theme.style(.muted)
        return [
            .text(IntegrationStyle.mark(of: summary.health.state, glyphs: context.glyphs), style: theme.style(role, .bold)),
            .text(ErrorsWindow.arrowed(summary.id, glyphs: context.glyphs), style: theme.style(summary.health.state == .unhealthy ? role : .text)),
        ] + IntegrationStyle.figures(of: summary, context: context) + [
            .widget(Sparkline.counts(summary.failuresPerBucket, style: theme.style(role), glyphs: context.glyphs)),
            .text(summary.lastErrorAt.map { NumberFormat.age(report.end - $0) } ?? "-", style: muted),
            .text("\(summary.retryable)/\(summary.permanent)", style: muted),
            .text(summary.integration.isCritical ? "yes" : "", style: muted),
        ]
    }
}

/// The selected integration's problems, limits and delivery funnel, under the table.
private struct IntegrationFacts: Widget {
    let summary: IntegrationErrorSummary
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        for x in area.x..<area.maxX { buffer.set(context.glyphs.horizontal, x: x, y: area.y, style: theme.style(.border)) }
        let limits = summary.integration.limits
        TextLine([
            Span(ErrorsWindow.arrowed(summary.id, glyphs: context.glyphs), style: theme.style(.accent, .bold)),
            Span("  \(summary.health.state)", style: theme.style(IntegrationStyle.role(of: summary), .bold)),
            Span("  limits: failure rate \(NumberFormat.compact(limits.maximumFailureRate))%, "
                 + "\(NumberFormat.compact(limits.maximumErrorsPerMinute)) errors/min", style: theme.style(.muted)),
            Span(summary.integration.isCritical ? "  critical" : "", style: theme.style(.warn, .bold)),
        ]).render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), buffer: &buffer)
        let funnel: [Span] = if let funnel = summary.funnel {
            [
                Span("attempted ", style: theme.style(.muted)), Span(NumberFormat.grouped(Double(funnel.attempted)), style: theme.style(.text, .bold)),
                Span(" → failed ", style: theme.style(.muted)), Span(NumberFormat.grouped(Double(funnel.failed)), style: theme.style(.critical, .bold)),
                Span(" → retried ", style: theme.style(.muted)), Span(NumberFormat.grouped(Double(funnel.retried)), style: theme.style(.warn, .bold)),
                Span(" → delivered ", style: theme.style(.muted)), Span(NumberFormat.grouped(Double(funnel.delivered)), style: theme.style(.ok, .bold)),
            ]
        } else {
            [Span("no delivery funnel: deliveries do not report their attempts", style: theme.style(.muted))]
        }
        TextLine(funnel).render(in: Rect(x: area.x, y: area.y + 2, width: area.width, height: 1), buffer: &buffer)
    }
}

/// How an integration's state looks wherever it is listed.
enum IntegrationStyle {
    static func role(of summary: IntegrationErrorSummary) -> ThemeRole {
        switch summary.health.state {
        case .healthy: .ok
        case .silent: .muted
        case .unhealthy: summary.integration.isCritical ? .critical : .warn
        }
    }

    static func mark(of state: IntegrationHealth.State, glyphs: GlyphSet) -> String {
        switch state {
        case .healthy: glyphs.live
        case .silent: "-"
        case .unhealthy: "!"
        }
    }

    /// Calls, failures, failure rate and p95 latency, as every list of integrations shows them.
    static func figures(of summary: IntegrationErrorSummary, context: ViewContext) -> [TableCell] {
        let muted = context.theme.style(.muted)
        return [
            .text(summary.attempts.map { NumberFormat.grouped(Double($0)) } ?? "-", style: muted),
            .text(NumberFormat.grouped(Double(summary.failures)), style: context.theme.style(summary.failures > 0 ? .text : .muted, .bold)),
            .text(summary.failureRate.map { NumberFormat.fixed($0, decimals: 1) + "%" } ?? "-", style: muted),
            .text(summary.p95LatencyMilliseconds.map(IntegrationStyle.milliseconds) ?? "-", style: muted),
        ]
    }

    /// `850ms`, `1.2s`.
    static func milliseconds(_ value: Double) -> String {
        value < 1_000 ? NumberFormat.fixed(value, decimals: 0) + "ms" : NumberFormat.fixed(value / 1_000, decimals: 1) + "s"
    }
}
