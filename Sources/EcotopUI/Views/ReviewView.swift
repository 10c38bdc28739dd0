import EcotopApp
import EcotopCore
import EcotopEngine

/// The review screen: where the review stands (`item 4 of 17`), then the item on screen with
/// its reason, decision, owner and comment, its figures against the period before, its chart
/// and its recent error groups, and what changed since the last review. Every text that came
/// from data or a session file is sanitized.
struct ReviewView: Widget {
    let review: ReviewModel
    let context: ViewContext

    /// The columns of the figures table: name, this period, the period before, the change.
    static let figureColumns = [28, 14, 14, 12]
    /// The columns of the scorecard overview (`ReviewScorecardText.header`).
    static let scorecardColumns = [20, 9, 18, 9, 10, 11, 13, 7, 10]

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let session = review.session else {
            LoadingNotice(what: "the review", error: review.error, context: context).render(in: area, buffer: &buffer)
            return
        }
        let theme = context.theme
        let position = session.entries.isEmpty ? "no items" : "item \(session.position + 1) of \(session.entries.count)"
        var note = [Span(" decided \(session.decidedCount) ", style: theme.style(.muted))]
        if let saveError = review.saveError { note.insert(Span(" \(TerminalText.sanitize(saveError)) ", style: theme.style(.critical, .bold)), at: 0) }
        Pane(
            title: [Span(" Review \(session.id)\(review.isResumed ? " (resumed)" : "") · \(session.period.label) · \(position) ", style: theme.style(.focus, .bold))], note: note,
            borderStyle: theme.style(.focus), glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area).inset(horizontal: 1)
        var lines = Lines(area: inner)
        if review.showsScorecards {
            renderScorecards(session.scorecards ?? [], lines: &lines, buffer: &buffer)
            return
        }
        guard let entry = session.current else {
            lines.write([Span("Nothing on the agenda: no degraded integration, stale source, divergence, alerting metric, retirement candidate or new integration.", style: theme.style(.ok))], buffer: &buffer)
            return
        }
        render(entry, lines: &lines, buffer: &buffer)
        if let changes = session.sinceLast, lines.remaining > 1 {
            lines.skip()
            lines.write([
                Span("Since review \(text(changes.previousReview)): ", style: theme.style(.title, .bold)),
                Span("\(changes.resolved.count) resolved, \(changes.new.count) new, value up \(list(changes.scoresUp)), down \(list(changes.scoresDown))", style: theme.style(.text)),
            ], buffer: &buffer)
        }
    }

    private func render(_ entry: ReviewSession.Entry, lines: inout Lines, buffer: inout FrameBuffer) {
        let theme = context.theme
        let item = entry.item
        lines.write([
            Span(item.kind.title.uppercased() + "  ", style: theme.style(severityRole(item.severity), .bold)),
            Span(text(item.subject), style: theme.style(.title, .bold)),
        ], buffer: &buffer)
        lines.write([Span(text(item.reason), style: theme.style(.text))], buffer: &buffer)
        lines.write([
            Span("Decision ", style: theme.style(.muted)), Span(entry.decision?.rawValue ?? "none", style: theme.style(.accent, .bold)),
            Span("   Owner ", style: theme.style(.muted)), Span(entry.owner.map(text) ?? "none", style: theme.style(.text)),
        ] + (entry.carried.map { carried in
            [Span("   carried over: \(carried.decision.rawValue) from \(text(carried.review))", style: theme.style(.warn))]
        } ?? []), buffer: &buffer)
        lines.write([Span("Comment ", style: theme.style(.muted)), Span(entry.comment.map(text) ?? "none", style: theme.style(.text))], buffer: &buffer)
        if !item.figures.isEmpty {
            lines.skip()
            lines.write(row(["Figure", "This period", "Period before", "Change"]).map { Span($0, style: theme.style(.muted, .bold)) }, buffer: &buffer)
            for figure in item.figures where lines.remaining > 0 {
                let cells = row([
                    text(figure.name), ReviewFigureText.value(figure.current, unit: figure.unit),
                    ReviewFigureText.value(figure.previous, unit: figure.unit), ReviewFigureText.change(of: figure),
                ])
                lines.write(cells.map { Span($0, style: theme.style(.text)) }, buffer: &buffer)
            }
        }
        if !item.chart.isEmpty, lines.remaining > 1 {
            lines.skip()
            let row = lines.take()
            let label = buffer.write("Chart  ", x: row.x, y: row.y, style: theme.style(.muted))
            Sparkline(values: item.chart, style: theme.style(.accent), glyphs: context.glyphs)
                .render(in: Rect(x: label, y: row.y, width: min(60, row.maxX - label), height: 1), buffer: &buffer)
        }
        if !item.errorGroups.isEmpty, lines.remaining > 1 {
            lines.skip()
            lines.write([Span("Recent error groups", style: theme.style(.muted, .bold))], buffer: &buffer)
            for group in item.errorGroups where lines.remaining > 0 {
                lines.write([Span("  " + text(group), style: theme.style(.critical))], buffer: &buffer)
            }
        }
    }

    /// Every component's scorecard, one row each (`v`).
    private func renderScorecards(_ rows: [ReviewScorecardRow], lines: inout Lines, buffer: inout FrameBuffer) {
        let theme = context.theme
        lines.write([Span("SCORECARDS  ", style: theme.style(.title, .bold)), Span("every component over the period; v returns to the item", style: theme.style(.muted))], buffer: &buffer)
        guard !rows.isEmpty else {
            lines.write([Span("This review kept no scorecards.", style: theme.style(.muted))], buffer: &buffer)
            return
        }
        lines.skip()
        lines.write(row(ReviewScorecardText.header, widths: Self.scorecardColumns).map { Span($0, style: theme.style(.muted, .bold)) }, buffer: &buffer)
        for scorecard in rows where lines.remaining > 0 {
            let role: ThemeRole = scorecard.degree == 0 || (scorecard.valuePerCost.current ?? .infinity) < ReviewAgenda.lowValuePerCost ? .warn : .text
            lines.write(row(ReviewScorecardText.cells(scorecard), widths: Self.scorecardColumns).map { Span($0, style: theme.style(role)) }, buffer: &buffer)
        }
    }

    /// The colour of a severity: critical from 80, warning from 40.
    private func severityRole(_ severity: Int) -> ThemeRole {
        severity >= 80 ? .critical : severity >= 40 ? .warn : .accent
    }

    private func row(_ cells: [String], widths: [Int] = figureColumns) -> [String] {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let clipped = cell.terminalWidth > width - 1 ? String(cell.prefix(width - 2)) + context.glyphs.ellipsis : cell
            let padding = String(repeating: " ", count: max(0, width - clipped.terminalWidth))
            return index == 0 ? clipped + padding : padding + clipped
        }
    }

    private func text(_ raw: String) -> String { TerminalText.sanitize(raw) }

    private func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.map(text).joined(separator: ", ") }
}

/// Rows of an area written one after another.
private struct Lines {
    var area: Rect
    var next: Int

    init(area: Rect) {
        self.area = area
        next = area.y
    }

    var remaining: Int { area.maxY - next }

    mutating func take() -> Rect {
        defer { next += 1 }
        return Rect(x: area.x, y: next, width: area.width, height: 1)
    }

    mutating func skip() { next += 1 }

    mutating func write(_ spans: [Span], buffer: inout FrameBuffer) {
        guard remaining > 0 else { return }
        TextLine(spans).render(in: take(), buffer: &buffer)
    }
}
