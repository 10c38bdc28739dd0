import EcotopApp
import EcotopCore
import EcotopEngine

/// The selected metric on its own: statistics over the range, what it means, and a large
/// chart with its warning and critical thresholds.
struct DetailView: Widget {
    let summary: MetricSummary
    let state: DashboardState

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = state.theme
        let definition = summary.definition
        Pane(
            title: [
                Span(" \(definition.family.title) \(state.glyphs.breadcrumb) ", style: theme.style(.muted)),
                Span(definition.title + " ", style: theme.style(.focus, .bold)),
            ],
            note: [Span(" \(definition.id.rawValue) ", style: theme.style(.muted))],
            borderStyle: theme.style(.focus), glyphs: state.glyphs
        ).render(in: area, buffer: &buffer)

        let inner = Pane.inner(area).inset(horizontal: 1)
        guard inner.height >= 4 else { return }
        TextLine(statistics()).render(in: inner.top(1), buffer: &buffer)
        buffer.write(definition.summary, x: inner.x, y: inner.y + 1, style: theme.style(.muted), limit: inner.maxX)
        MetricChart(summary: summary, state: state).render(in: inner.dropTop(3), buffer: &buffer)
    }

    private func statistics() -> [Span] {
        let theme = state.theme
        let unit = summary.definition.unit
        func field(_ name: String, _ value: Double?) -> [Span] {
            [Span(name + " ", style: theme.style(.muted)),
             Span((value.map { NumberFormat.value($0, unit: unit) } ?? "--") + "   ", style: theme.style(.text, .bold))]
        }
        let range = summary.historyRange
        var spans = field("now", summary.latest?.value) + field("min", range?.min) + field("avg", range?.average)
            + field("max", range?.max)
        if let delta = summary.delta {
            spans.append(Span(state.glyphs.delta + " " + NumberFormat.delta(delta, unit: unit), style: theme.style(summary.deltaIsImprovement == false ? .critical : .ok)))
            spans.append(Span(" vs previous \(state.range.label)   ", style: theme.style(.muted)))
        }
        spans.append(Span(summary.status.label, style: theme.style(theme.role(for: summary.status), .bold)))
        return spans
    }
}
