import EcotopApp
import EcotopCore
import EcotopEngine

/// The second level: one integration's failures against its volume over the range, its codes
/// and its error groups.
struct IntegrationLevelView: ClickableView {
    let report: IntegrationErrorsReport
    let detail: IntegrationErrorDetail
    let level: ErrorsLevel
    let frame: ErrorsFrame
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let parts = Self.parts(of: area)
        if let chart = parts.chart {
            VolumeChart(detail: detail, title: frame.title, context: context).render(in: chart, buffer: &buffer)
        }
        if let codes = parts.codes { renderCodes(in: codes, buffer: &buffer) }
        let groupsTitle = parts.chart != nil ? [Span(" Error groups ", style: context.theme.style(.focus, .bold))] : frame.title
        renderGroups(in: parts.groups, titled: groupsTitle, buffer: &buffer)
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        let table = Self.groupsTable(in: Self.parts(of: area).groups)
        return ClickRegions(list: .init(table: table, listing: level.groups(in: report), state: level.list, as: ErrorsLists.groups))
    }

    /// Where the level's panes go in `area`: the volume chart on top when there is room, the
    /// codes on the left when it is wide, the error groups in the rest.
    static func parts(of area: Rect) -> (chart: Rect?, codes: Rect?, groups: Rect) {
        let chartHeight = min(6, max(0, area.height - 8))
        let hasChart = chartHeight >= 4
        let lower = area.dropTop(hasChart ? chartHeight : 0)
        let codesWidth = lower.width >= 100 ? 30 : 0
        return (
            hasChart ? area.top(chartHeight) : nil,
            codesWidth > 0 ? Rect(x: lower.x, y: lower.y, width: codesWidth, height: lower.height) : nil,
            Rect(x: lower.x + codesWidth, y: lower.y, width: lower.width - codesWidth, height: lower.height))
    }

    /// Where the groups' table goes in their pane.
    private static func groupsTable(in pane: Rect) -> Rect {
        Pane.inner(pane).inset(horizontal: 1)
    }

    private func renderCodes(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        Pane(title: [Span(" Codes ", style: theme.style(.title, .bold))], borderStyle: theme.style(.border), glyphs: context.glyphs)
            .render(in: area, buffer: &buffer)
        Table(
            columns: [
                TableColumn("Code", width: .fill(min: 6)),
                TableColumn("Count", width: .fixed(6), alignment: .right),
                TableColumn("Class", width: .fixed(9)),
            ],
            rows: detail.codes.map { code in
                [
                    .text(code.code.isEmpty ? "-" : TerminalText.sanitize(code.code), style: theme.style(.critical)),
                    .text(NumberFormat.grouped(Double(code.count)), style: theme.style(.text)),
                    .text(code.failureClass.rawValue, style: theme.style(code.failureClass == .retryable ? .warn : .critical)),
                ]
            },
            selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain, glyphs: context.glyphs
        ).render(in: Pane.inner(area).inset(horizontal: 1), buffer: &buffer)
    }

    private func renderGroups(in area: Rect, titled title: [Span], buffer: inout FrameBuffer) {
        let theme = context.theme
        let groups = level.groups(in: report)
        Pane(
            title: title,
            note: [Span(" \(NumberFormat.grouped(Double(detail.summary.failures))) errors ", style: theme.style(.muted))] + frame.listNote,
            borderStyle: theme.style(.focus), glyphs: context.glyphs
        ).markingFocus(if: context.marksFocus).render(in: area, buffer: &buffer)
        let inner = Self.groupsTable(in: area)
        guard !groups.isEmpty else {
            let empty = detail.groups.isEmpty ? "No errors in \(ErrorsWindow.label(of: report))." : "No group matches the filter."
            buffer.write(empty, x: inner.x, y: inner.y, style: theme.style(detail.groups.isEmpty ? .ok : .muted), limit: inner.maxX)
            return
        }
        ErrorGroupsTable(
            groups: groups, selected: level.list.selectedRow(in: groups, as: ErrorsLists.groups), report: report, context: context
        ).render(in: inner, buffer: &buffer)
    }
}

/// Error groups as rows: count, code, message, age of the last one, and a NEW badge.
struct ErrorGroupsTable: Widget {
    let groups: [ErrorFingerprint]
    let selected: Int?
    let report: IntegrationErrorsReport
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        Table(
            columns: [
                TableColumn("Count", width: .fixed(6), alignment: .right),
                TableColumn("Code", width: .fixed(6)),
                TableColumn("", width: .fixed(3), hidePriority: 1),
                TableColumn("Message", width: .fill(min: 20)),
                TableColumn("Last", width: .fixed(5), alignment: .right, hidePriority: 2),
            ],
            rows: groups.map { group in
                [
                    .text(NumberFormat.grouped(Double(group.count)), style: theme.style(.text, .bold)),
                    .text(group.code.isEmpty ? "-" : TerminalText.sanitize(group.code), style: theme.style(.critical)),
                    .text(report.newGroups.contains(group.id) ? "NEW" : "", style: theme.style(.warn, .bold)),
                    .text(TerminalText.sanitize(group.template), style: theme.style(.text)),
                    .text(NumberFormat.age(report.end - group.lastSeen), style: theme.style(.muted)),
                ]
            },
            selected: selected, headerStyle: theme.style(.muted), selectionStyle: context.selectionStyle, glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
    }
}

/// Calls and failures per bucket of the range, one sparkline each over the same buckets.
private struct VolumeChart: Widget {
    let detail: IntegrationErrorDetail
    /// The breadcrumb: this pane is the level's first.
    let title: [Span]
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let summary = detail.summary
        Pane(
            title: title,
            note: [Span(" \(summary.health.state) ", style: theme.style(IntegrationStyle.role(of: summary), .bold))],
            borderStyle: theme.style(.border), glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area).inset(horizontal: 1)
        let labelWidth = 22
        let rows: [(String, [Int], ThemeRole)] = [
            ("calls " + (summary.attempts.map { NumberFormat.grouped(Double($0)) } ?? "unknown"), detail.attemptsPerBucket, .accent),
            ("failures " + NumberFormat.grouped(Double(summary.failures)), detail.failuresPerBucket, .critical),
        ]
        for (index, (label, counts, role)) in rows.enumerated() where index * 2 < inner.height {
            let y = inner.y + index * 2
            buffer.write(label, x: inner.x, y: y, style: theme.style(.muted), limit: inner.x + labelWidth)
            Sparkline.counts(counts, style: theme.style(role), glyphs: context.glyphs)
                .render(in: Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1), buffer: &buffer)
        }
        let p95 = summary.p95LatencyMilliseconds.map { "p95 " + IntegrationStyle.milliseconds($0) } ?? "no latency reported"
        if inner.height > 4 {
            buffer.write(p95, x: inner.x, y: inner.y + 4, style: theme.style(.muted), limit: inner.maxX)
        }
    }
}
