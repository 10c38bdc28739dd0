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
            let message = state.dataError.map { "no data: " + TerminalText.sanitize($0) } ?? "waiting for data…"
            buffer.write(message, x: inner.x + 1, y: inner.y, style: theme.style(.muted), limit: inner.maxX)
            return
        }
        Table(
            columns: columns(width: inner.width),
            rows: summaries.map(row),
            selected: isFocused ? min(state.selectedRow, summaries.count - 1) : nil,
            headerStyle: theme.style(.muted),
            selectionStyle: Style(foreground: theme.color(.text), background: theme.color(.selection), modifiers: .bold),
            glyphs: state.glyphs
        ).render(in: inner.inset(horizontal: 1), buffer: &buffer)
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

    private func columns(width: Int) -> [TableColumn] {
        [
            TableColumn("Metric", width: .fill(min: 16, weight: 3)),
            TableColumn("Value", width: .fixed(10), alignment: .right),
            TableColumn("Δ " + state.range.label, width: .fixed(8), alignment: .right, hidePriority: 1),
            TableColumn("Trend", width: .fill(min: 8, weight: 4), hidePriority: 2),
            TableColumn("Status", width: .fixed(6)),
        ]
    }

    private func row(_ summary: MetricSummary) -> [TableCell] {
        let theme = state.theme
        let unit = summary.definition.unit
        let value = summary.latest.map { NumberFormat.value($0.value, unit: unit) } ?? "--"
        let title = summary.definition.title.terminalWidth <= 40 ? summary.definition.title : summary.definition.shortTitle
        return [
            .text(title, style: theme.style(.text)),
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
        let arrow = delta > 0 ? state.glyphs.up : (delta < 0 ? state.glyphs.down : state.glyphs.flat)
        let role: ThemeRole = switch summary.deltaIsImprovement {
        case .some(true): .ok
        case .some(false): .critical
        case .none: .muted
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
