import EcotopApp
import EcotopCore
import EcotopEngine

/// The third level: one error group's count, share, first and last occurrence, histogram over
/// the range, class, and its newest message.
struct GroupLevelView: Widget {
    let report: IntegrationErrorsReport
    let detail: ErrorGroupDetail
    let frame: ErrorsFrame
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let group = detail.group
        var note = [Span(" Enter: its events ", style: theme.style(.muted))]
        if detail.isNew { note.insert(Span(" NEW ", style: theme.style(.warn, .bold)), at: 0) }
        frame.pane(note: note).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area).inset(horizontal: 1)
        let label = { (text: String) in Span(text.padding(to: 12), style: theme.style(.muted)) }
        let value = { (text: String) in Span(text, style: theme.style(.text, .bold)) }
        let facts: [[Span]] = [
            [label("integration"), Span(ErrorsWindow.arrowed(group.integration, glyphs: context.glyphs), style: theme.style(.accent, .bold))],
            [label("code"), Span(group.code.isEmpty ? "-" : TerminalText.sanitize(group.code), style: theme.style(.critical, .bold)),
             Span("  \(detail.failureClass.rawValue)", style: theme.style(detail.failureClass == .retryable ? .warn : .critical))],
            [label("count"), value(NumberFormat.grouped(Double(group.count))),
             Span("  \(NumberFormat.fixed(detail.share * 100, decimals: 1))% of the errors in \(ErrorsWindow.label(of: report))",
                  style: theme.style(.muted))],
            [label("first seen"), value(moment(group.firstSeen)), Span(detail.isNew ? "  new in this range" : "", style: theme.style(.warn))],
            [label("last seen"), value(moment(group.lastSeen)), Span("  \(NumberFormat.age(report.end - group.lastSeen)) ago", style: theme.style(.muted))],
            [label("message"), Span(TerminalText.sanitize(group.template), style: theme.style(.text))],
            [label("runbook"), report.runbook(for: group).map { Span(TerminalText.sanitize($0.advice), style: theme.style(.accent, .bold)) }
                ?? Span("none configured (runbooks: in the configuration)", style: theme.style(.muted))],
        ]
        for (row, spans) in facts.enumerated() where row < inner.height {
            TextLine(spans).render(in: Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), buffer: &buffer)
        }
        let histogramY = inner.y + facts.count + 1
        guard histogramY + 1 < inner.maxY else { return }
        buffer.write("over \(ErrorsWindow.label(of: report))", x: inner.x, y: histogramY, style: theme.style(.muted), limit: inner.maxX)
        Sparkline.counts(detail.histogram, style: theme.style(.critical), glyphs: context.glyphs)
            .render(in: Rect(x: inner.x, y: histogramY + 1, width: inner.width, height: 1), buffer: &buffer)
        let sampleY = histogramY + 3
        guard sampleY < inner.maxY else { return }
        buffer.write("newest message", x: inner.x, y: sampleY, style: theme.style(.muted), limit: inner.maxX)
        let lines = TextWrap.lines(TerminalText.sanitize(group.sampleMessage), width: inner.width)
        for (offset, line) in lines.prefix(max(0, inner.maxY - sampleY - 1)).enumerated() {
            buffer.write(line, x: inner.x, y: sampleY + 1 + offset, style: theme.style(.text), limit: inner.maxX)
        }
    }

    /// `2026-11-27 12:03:04`.
    private func moment(_ time: Double) -> String {
        context.clock.date(time) + " " + context.clock.timeOfDay(time)
    }
}
