import EcotopApp
import EcotopCore
import EcotopEngine

/// One family's pane: each metric with its value, change against the previous period,
/// sparkline and status; in the grid, the selected metric's chart below the table.
struct FamilyPaneView: Widget {
    let family: MetricFamily
    /// The pane's place in the catalog: its key is one more.
    let position: Int
    let summaries: [MetricSummary]
    let score: Double?
    let selectedRow: Int
    let isFocused: Bool
    let error: LoadFailure?
    /// The range's annotations, marked on the pane's chart.
    var annotations: [Annotation] = []
    /// The `/` filter in force, which may leave the pane empty.
    var filter: ListFilter?
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let key = position < 9 ? "\(position + 1) " : ""
        Pane(
            title: [Span(" \(key)\(TerminalText.sanitize(family.title)) ", style: theme.style(isFocused ? .focus : .title, .bold))],
            note: note(),
            borderStyle: theme.style(isFocused ? .focus : .border),
            glyphs: context.glyphs
        ).markingFocus(if: isFocused && context.marksFocus).render(in: area, buffer: &buffer)

        let inner = Pane.inner(area)
        guard !summaries.isEmpty else {
            let message = filter.map { "no metric matches /" + TerminalText.sanitize($0.text) }
                ?? error.map { "no data: " + TerminalText.sanitize($0.description) } ?? "waiting for data" + context.glyphs.ellipsis
            buffer.write(message, x: inner.x + 1, y: inner.y, style: theme.style(.muted), limit: inner.maxX)
            return
        }
        let tableArea = Self.tableArea(in: area, rows: summaries.count)
        let selected = min(selectedRow, summaries.count - 1)
        Table(
            columns: columns(),
            rows: summaries.map(row),
            selected: isFocused ? selected : nil,
            headerStyle: theme.style(.muted),
            selectionStyle: context.selectionStyle,
            glyphs: context.glyphs
        ).render(in: tableArea, buffer: &buffer)

        let chartArea = inner.dropTop(tableArea.height + 1).inset(horizontal: 1)
        if chartArea.height >= Self.minimumChartHeight {
            renderChart(of: summaries[selected], in: chartArea, buffer: &buffer)
        }
    }

    /// Where the table of `rows` metrics goes in a pane drawn in `area`: under the border,
    /// a header and its rows, the chart below.
    static func tableArea(in area: Rect, rows: Int) -> Rect {
        Pane.inner(area).inset(horizontal: 1).top(rows + 1)
    }

    /// Charts need a title row, three value rows and a time axis to say anything.
    static let minimumChartHeight = 5

    /// The selected metric's history over the range, under its name, in the space the
    /// table leaves.
    private func renderChart(of summary: MetricSummary, in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        TextLine([
            Span(summary.definition.title, style: theme.style(.title, .bold)),
            Span(" over \(context.range.label)", style: theme.style(.muted)),
        ]).render(in: area.top(1), buffer: &buffer)
        MetricChart(summary: summary, end: context.now, annotations: annotations, context: context).render(in: area.dropTop(1), buffer: &buffer)
    }

    private func note() -> [Span] {
        let theme = context.theme
        var spans: [Span] = []
        let alerts = summaries.filter { $0.status >= .warn }.count
        if alerts > 0 {
            spans.append(Span(counted(alerts, "alert") + " ", style: theme.style(.warn, .bold)))
        }
        let scoreText = NumberFormat.score(score)
        spans.append(Span("score ", style: theme.style(.muted)))
        spans.append(Span(scoreText + " ", style: theme.style(theme.role(forScore: score), .bold)))
        return spans
    }

    private func columns() -> [TableColumn] {
        [
            TableColumn("Metric", width: .fill(min: 16, weight: 3)),
            TableColumn("Value", width: .fixed(10), alignment: .right),
            TableColumn("vs \(context.range.label) ago", width: .fixed(10), alignment: .right, hidePriority: 1),
            TableColumn("Trend", width: .fill(min: 8, weight: 4), hidePriority: 2),
            TableColumn("Status", width: .fixed(6)),
        ]
    }

    private func row(_ summary: MetricSummary) -> [TableCell] {
        let theme = context.theme
        let unit = summary.definition.unit
        let value = summary.latest.map { NumberFormat.value($0.value, unit: unit) } ?? "--"
        return [
            .fitting([summary.definition.title, summary.definition.shortTitle].map(TerminalText.sanitize), style: theme.style(.text)),
            .text(value, style: theme.style(theme.role(for: summary.status), summary.status == .ok ? [] : .bold)),
            .text(deltaSpans(summary)),
            .widget(Sparkline(
                values: summary.history.map { $0.value }, style: theme.style(.accent),
                gradient: theme.chartGradient, glyphs: context.glyphs,
                minimumSpan: abs(summary.definition.thresholds.warn - summary.definition.thresholds.critical))),
            .text(summary.status.label, style: theme.style(theme.role(for: summary.status), .bold)),
        ]
    }

    /// The change against one range ago, green when the metric moved its good way.
    private func deltaSpans(_ summary: MetricSummary) -> [Span] {
        let change = ChangeText(change: summary.change, definition: summary.definition, glyphs: context.glyphs)
        return [Span(change.compact, style: context.theme.style(change.role))]
    }
}

extension Rect {
    /// The rectangle shrunk by `amount` on the left and right only.
    func inset(horizontal amount: Int) -> Rect {
        Rect(x: x + amount, y: y, width: width - 2 * amount, height: height)
    }
}
