import EcotopApp
import EcotopCore
import EcotopEngine

/// The selected metric on its own: statistics over the range, what it means, and a large
/// chart with its warning and critical thresholds.
struct DetailView: Widget {
    let detail: DetailModel
    /// The metric's definition in the catalog in force; nil when a reload removed it.
    let definition: MetricDefinition?
    /// The range's annotations, marked on the chart.
    var annotations: [Annotation] = []
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        guard let definition else {
            LoadingNotice(what: detail.metric.rawValue, error: LoadFailure(LoadError.unknownMetric(detail.metric)), context: context)
                .render(in: area, buffer: &buffer)
            return
        }
        Pane(
            title: [
                Span(" \(TerminalText.sanitize(definition.family.title)) \(context.glyphs.breadcrumb) ", style: theme.style(.muted)),
                Span(TerminalText.sanitize(definition.title) + " ", style: theme.style(.focus, .bold)),
            ],
            note: [Span(" \(definition.id.rawValue) ", style: theme.style(.muted))],
            borderStyle: theme.style(.focus), glyphs: context.glyphs
        ).markingFocus(if: context.marksFocus).render(in: area, buffer: &buffer)

        let inner = Pane.inner(area).inset(horizontal: 1)
        guard let summary = detail.summary else {
            LoadingNotice(what: "the chart", error: detail.error, context: context).render(in: inner, buffer: &buffer)
            return
        }
        guard inner.height >= 4 else { return }
        TextLine(statistics(of: summary)).render(in: inner.top(1), buffer: &buffer)
        let better = definition.direction == .higherIsBetter ? "higher" : "lower"
        let comparison = definition.direction == .higherIsBetter ? "<" : ">"
        let limits = definition.thresholds
        TextLine([
            Span("thresholds ", style: theme.style(.muted)),
            Span("warn \(comparison) " + NumberFormat.value(limits.warn, unit: definition.unit), style: theme.style(.warn)),
            Span("  crit \(comparison) " + NumberFormat.value(limits.critical, unit: definition.unit), style: theme.style(.critical)),
            Span("  (\(better) is better)", style: theme.style(.muted)),
        ] + legend).render(in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 1), buffer: &buffer)
        buffer.write(TerminalText.sanitize(definition.summary), x: inner.x, y: inner.y + 1, style: theme.style(.muted), limit: inner.maxX)
        let body = inner.dropTop(3)
        let chart = MetricChart(summary: summary, end: context.now, annotations: annotations, context: context)
        guard detail.split != nil, body.height >= 12 else {
            chart.render(in: body, buffer: &buffer)
            return
        }
        let partsHeight = min(body.height / 2, 2 + max(1, detail.breakdown?.parts.count ?? 1))
        chart.render(in: body.dropBottom(partsHeight), buffer: &buffer)
        BreakdownTable(detail: detail, unit: definition.unit, context: context).render(in: body.bottom(partsHeight), buffer: &buffer)
    }

    /// What the chart's letters mean: `  D deploy ×2  I incident`, for the kinds in the range.
    private var legend: [Span] {
        Annotation.Kind.allCases.compactMap { kind -> Span? in
            let count = annotations.filter { $0.kind == kind }.count
            guard count > 0 else { return nil }
            return Span(
                "  \(AnnotationStyle.letter(of: kind)) \(kind.rawValue)" + (count > 1 ? " ×\(count)" : ""),
                style: context.theme.style(AnnotationStyle.role(of: kind)))
        }
    }

    private func statistics(of summary: MetricSummary) -> [Span] {
        let theme = context.theme
        let unit = summary.definition.unit
        func field(_ name: String, _ value: Double?) -> [Span] {
            [Span(name + " ", style: theme.style(.muted)),
             Span((value.map { NumberFormat.value($0, unit: unit) } ?? "--") + "   ", style: theme.style(.text, .bold))]
        }
        let range = summary.rangeStatistics
        // The status first: it is what a narrow terminal must not cut.
        var spans = [Span(summary.status.label + "   ", style: theme.style(theme.role(for: summary.status), .bold))]
        spans += field("now", summary.latest?.value) + field("min", range?.minimum) + field("avg", range?.average)
            + field("max", range?.maximum)
        let change = ChangeText(change: summary.change, definition: summary.definition, glyphs: context.glyphs)
        spans.append(Span(context.glyphs.delta + " " + change.sentence(range: context.range), style: theme.style(change.role)))
        let weight = NumberFormat.fixed(summary.weight, decimals: summary.weight == summary.weight.rounded() ? 0 : 1)
        spans.append(Span(
            "   score " + (summary.score.map { NumberFormat.fixed($0, decimals: 0) } ?? "--") + " × weight " + weight,
            style: theme.style(.muted)))
        return spans
    }
}
