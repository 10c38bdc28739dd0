import EcotopApp
import EcotopCore
import EcotopEngine

/// One family's pane: each metric with its value, change against the previous period,
/// sparkline and status.
struct FamilyPaneView: Widget {
    let family: MetricFamily
    let state: DashboardState
    let isFocused: Bool

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = state.theme
        let summaries = state.snapshot?.summaries(in: family) ?? []
        let score = state.snapshot?.health.families[family]
        Pane(
            title: [Span(" \(family.index + 1) \(family.title) ", style: theme.style(isFocused ? .focus : .title, .bold))],
            note: note(summaries: summaries, score: score),
            borderStyle: theme.style(isFocused ? .focus : .border),
            glyphs: state.glyphs
        ).render(in: area, buffer: &buffer)

        let inner = Pane.inner(area)
        guard !summaries.isEmpty else {
            let message = state.dataError.map { "no data: " + TerminalText.sanitize($0) } ?? "waiting for data" + state.glyphs.ellipsis
            buffer.write(message, x: inner.x + 1, y: inner.y, style: theme.style(.muted), limit: inner.maxX)
            return
        }
        let tableArea = inner.inset(horizontal: 1).top(summaries.count + 1)
        let selected = min(selectedRow, summaries.count - 1)
        Table(
            columns: columns(),
            rows: summaries.map(row),
            selected: isFocused ? selected : nil,
            headerStyle: theme.style(.muted),
            selectionStyle: Style(foreground: theme.color(.text), background: theme.color(.selection), modifiers: .bold),
            glyphs: state.glyphs
        ).render(in: tableArea, buffer: &buffer)

        let chartArea = inner.dropTop(tableArea.height + 1).inset(horizontal: 1)
        if chartArea.height >= Self.minimumChartHeight {
            renderChart(of: summaries[selected], in: chartArea, buffer: &buffer)
        }
    }

    /// Charts need a title row, three value rows and a time axis to say anything.
    static let minimumChartHeight = 5

    private var selectedRow: Int { state.selection[family] ?? 0 }

    /// The selected metric's history over the range, under its name, in the space the
    /// table leaves.
    private func renderChart(of summary: MetricSummary, in area: Rect, buffer: inout FrameBuffer) {
        let theme = state.theme
        TextLine([
            Span(summary.definition.title, style: theme.style(.title, .bold)),
            Span(" over \(state.range.label)", style: theme.style(.muted)),
        ]).render(in: area.top(1), buffer: &buffer)
        MetricChart(summary: summary, state: state).render(in: area.dropTop(1), buffer: &buffer)
    }

    private func note(summaries: [MetricSummary], score: Double?) -> [Span] {
        let theme = state.theme
        var spans: [Span] = []
        let alerts = summaries.filter { $0.status >= .warn }.count
        if alerts > 0 {
            spans.append(Span("\(alerts) alert\(alerts == 1 ? "" : "s") ", style: theme.style(.warn, .bold)))
        }
        let scoreText = score.map { NumberFormat.fixed($0, decimals: 0) } ?? "--"
        spans.append(Span("score ", style: theme.style(.muted)))
        spans.append(Span(scoreText + " ", style: theme.style(theme.role(forScore: score), .bold)))
        return spans
    }

    private func columns() -> [TableColumn] {
        [
            TableColumn("Metric", width: .fill(min: 16, weight: 3)),
            TableColumn("Value", width: .fixed(10), alignment: .right),
            TableColumn(state.glyphs.delta + " " + state.range.label, width: .fixed(8), alignment: .right, hidePriority: 1),
            TableColumn("Trend", width: .fill(min: 8, weight: 4), hidePriority: 2),
            TableColumn("Status", width: .fixed(6)),
        ]
    }

    private func row(_ summary: MetricSummary) -> [TableCell] {
        let theme = state.theme
        let unit = summary.definition.unit
        let value = summary.latest.map { NumberFormat.value($0.value, unit: unit) } ?? "--"
        return [
            .fitting([summary.definition.title, summary.definition.shortTitle], style: theme.style(.text)),
            .text(value, style: theme.style(theme.role(for: summary.status), summary.status == .ok ? [] : .bold)),
            .text(deltaSpans(summary)),
            .widget(Sparkline(
                values: summary.history.map { $0.value }, style: theme.style(.accent),
                gradient: theme.chartGradient, glyphs: state.glyphs)),
            .text(summary.status.label, style: theme.style(theme.role(for: summary.status), .bold)),
        ]
    }

    /// The change as an arrow and its size, green when the metric moved its good way.
    private func deltaSpans(_ summary: MetricSummary) -> [Span] {
        let theme = state.theme
        guard let delta = summary.delta else { return [] }
        let magnitude = NumberFormat.delta(abs(delta), unit: summary.definition.unit).dropFirst()
        let isFlat = !magnitude.contains { ("1"..."9").contains($0) }
        let arrow = isFlat ? state.glyphs.flat : (delta > 0 ? state.glyphs.up : state.glyphs.down)
        let role: ThemeRole = switch (isFlat, summary.deltaIsImprovement) {
        case (false, true?): .ok
        case (false, false?): .critical
        default: .muted
        }
        return [Span(arrow + magnitude, style: theme.style(role))]
    }
}

extension Rect {
    /// The rectangle shrunk by `amount` on the left and right only.
    func inset(horizontal amount: Int) -> Rect {
        Rect(x: x + amount, y: y, width: width - 2 * amount, height: height)
    }
}
