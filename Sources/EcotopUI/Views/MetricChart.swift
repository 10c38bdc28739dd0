import EcotopApp
import EcotopCore
import EcotopEngine

/// A metric's history over the selected range as a line chart, with its warning and critical
/// thresholds as reference lines when they are close enough to the data to be read against it;
/// a threshold further out is named above the chart with an arrow to where it lies, so it is
/// always marked.
struct MetricChart: Widget {
    let summary: MetricSummary
    /// The end of the charted range: the moment of the frame.
    let end: Double
    /// Marked on the chart where they fall within its range.
    var annotations: [Annotation] = []
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let definition = summary.definition
        let unit = definition.unit
        let comparison = definition.direction == .higherIsBetter ? "<" : ">"
        let thresholds: [LineChart.ReferenceLine] = [
            .init(value: definition.thresholds.warn,
                  label: "warn \(comparison) " + NumberFormat.value(definition.thresholds.warn, unit: unit), style: theme.style(.warn)),
            .init(value: definition.thresholds.critical,
                  label: "crit \(comparison) " + NumberFormat.value(definition.thresholds.critical, unit: unit),
                  style: theme.style(.critical)),
        ]
        var plot = area
        let offScale = thresholds.filter { !isNearData($0) }
        if !offScale.isEmpty, area.height > 5, let range = summary.rangeStatistics {
            var spans = [Span("off scale: ", style: theme.style(.muted))]
            for line in offScale {
                let arrow = line.value > range.maximum ? context.glyphs.up : context.glyphs.down
                spans.append(Span("\(line.label) \(arrow)  ", style: line.style))
            }
            TextLine(spans).render(in: area.top(1), buffer: &buffer)
            plot = area.dropTop(1)
        }
        var chart = LineChart(
            points: summary.history,
            timeSpan: (end - context.range.seconds)...end,
            referenceLines: thresholds.filter(isNearData),
            lineStyle: theme.style(.accent, .bold), axisStyle: theme.style(.muted), glyphs: context.glyphs,
            formatValue: { NumberFormat.axisLabel($0, unit: unit, span: $1) },
            formatTime: context.range.seconds >= 86_400
                ? { [clock = context.clock] in clock.monthDay($0) + " " + clock.timeOfDay($0, withSeconds: false) }
                : { [clock = context.clock] in clock.timeOfDay($0, withSeconds: false) }
        )
        chart.markers = annotations.map {
            LineChart.Marker(time: $0.timestamp, letter: AnnotationStyle.letter(of: $0.kind), style: theme.style(AnnotationStyle.role(of: $0.kind), .bold))
        }
        chart.render(in: plot, buffer: &buffer)
    }

    /// A threshold is drawn when it lies within one data span of the data; further out it
    /// would squash the line into a few rows.
    private func isNearData(_ line: LineChart.ReferenceLine) -> Bool {
        guard let range = summary.rangeStatistics else { return true }
        let span = max(range.maximum - range.minimum, abs(range.average) * 0.05)
        return line.value >= range.minimum - span && line.value <= range.maximum + span
    }
}
