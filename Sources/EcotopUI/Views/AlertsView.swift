import EcotopApp
import EcotopCore

/// The alerts screen: open alerts first (state, severity, what, since, for how long, worst
/// value), then the most recently resolved ones, as one list.
struct AlertsView: ClickableView {
    let alerts: AlertsModel
    /// For the units of metric alerts' values.
    let catalog: MetricCatalog
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let read = alerts.read else {
            LoadingNotice(what: "alerts", error: alerts.error, context: context).render(in: area, buffer: &buffer)
            return
        }
        let theme = context.theme
        let open = read.history.open
        let attention = open.filter { $0.needsAttention(at: context.now) }.count
        var note = [Span(" \(open.count) open ", style: theme.style(open.isEmpty ? .ok : .warn, .bold))]
        if attention > 0 { note.append(Span(" \(attention) unacknowledged ", style: theme.style(.critical, .bold))) }
        Pane(
            title: [Span(" Alerts ", style: theme.style(.focus, .bold))], note: note, borderStyle: theme.style(.focus),
            glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
        var inner = Pane.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        var status = [Span("\(alerts.visibleAlerts.count) listed", style: theme.style(.muted))]
        if !alerts.list.filter.isEmpty {
            status.append(Span("  /\(TerminalText.sanitize(alerts.list.filter.text))", style: theme.style(.warn, .bold)))
        }
        status.append(Span("  sort \(AlertsModel.alertList.sortName(alerts.list))", style: theme.style(.muted)))
        if !read.hasStore {
            let text = read.isRecording ? "kept in memory: the demo's simulator has no store to record them in" : "no store: no alerts recorded"
            status.append(Span("  " + text, style: theme.style(.muted)))
        } else if !read.isRecording {
            status.append(Span("  read-only: recorded by the process running the collectors", style: theme.style(.muted)))
        }
        if read.damagedLines > 0 {
            status.append(Span("  \(counted(read.damagedLines, "unreadable line")) skipped", style: theme.style(.warn)))
        }
        TextLine(status).render(in: inner.top(1), buffer: &buffer)
        inner = Self.listArea(in: area)
        let visible = alerts.visibleAlerts
        guard !visible.isEmpty else {
            let text = alerts.alerts.isEmpty
                ? "No alerts: a metric in WARN, CRIT or ANOM, an unhealthy integration, a stale source or a divergence opens one."
                : "No alert matches the filter; Esc clears it."
            buffer.write(
                Truncation.truncate(text, width: inner.width, ellipsis: context.glyphs.ellipsis), x: inner.x, y: inner.y,
                style: theme.style(.muted), limit: inner.maxX)
            return
        }
        Table(
            columns: [
                TableColumn("State", width: .fixed(8)),
                TableColumn("Sev", width: .fixed(4)),
                TableColumn("What", width: .fill(min: 16, weight: 2)),
                TableColumn("Since", width: .fixed(11), hidePriority: 2),
                TableColumn("For", width: .fixed(4), alignment: .right),
                TableColumn("Worst", width: .fixed(9), alignment: .right, hidePriority: 1),
                TableColumn("Summary", width: .fill(min: 16, weight: 3), hidePriority: 3),
            ],
            rows: visible.map(row), selected: alerts.list.selectedRow(in: visible, as: AlertsModel.alertList),
            headerStyle: theme.style(.muted), selectionStyle: context.selectionStyle, glyphs: context.glyphs
        ).render(in: inner, buffer: &buffer)
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        guard alerts.read != nil else { return ClickRegions() }
        let list = ClickRegions.ListRegion(
            table: Self.listArea(in: area), listing: alerts.visibleAlerts, state: alerts.list, as: AlertsModel.alertList)
        return ClickRegions(list: list)
    }

    /// Where the list's table goes in the screen's `area`: inside the pane, under the status line.
    static func listArea(in area: Rect) -> Rect {
        Pane.inner(area).inset(horizontal: 1).dropTop(1)
    }

    private func row(_ alert: Alert) -> [TableCell] {
        let theme = context.theme
        let (state, role): (String, ThemeRole) =
            if !alert.isOpen { ("RESOLVED", .muted) }
            else if alert.isSilenced(at: context.now) { ("SILENCED", .stale) }
            else if alert.isAcknowledged { ("ACKED", .accent) }
            else { ("OPEN", alert.severity == .critical ? .critical : .warn) }
        let severityRole: ThemeRole = alert.isOpen ? (alert.severity == .critical ? .critical : .warn) : .muted
        return [
            .text(state, style: theme.style(role, .bold)),
            .text(alert.severity.label, style: theme.style(severityRole, .bold)),
            .text(TerminalText.sanitize("\(alert.kind.rawValue) \(alert.subject)"), style: theme.style(alert.isOpen ? .text : .muted)),
            .text(context.clock.monthDay(alert.startedAt) + " " + context.clock.timeOfDay(alert.startedAt, withSeconds: false),
                  style: theme.style(.muted)),
            .text(NumberFormat.age(alert.duration(at: context.now)), style: theme.style(.text)),
            .text(worst(alert), style: theme.style(.text)),
            .text(TerminalText.sanitize(alert.summary), style: theme.style(.muted)),
        ]
    }

    /// The worst value, in the metric's unit for a metric alert.
    private func worst(_ alert: Alert) -> String {
        guard let value = alert.worstValue else { return "-" }
        switch alert.kind {
        case .metric: return catalog[MetricID(rawValue: alert.subject)].map { NumberFormat.value(value, unit: $0.unit) } ?? NumberFormat.compact(value)
        case .freshness: return NumberFormat.age(value)
        case .integration, .divergence: return NumberFormat.compact(value)
        }
    }
}
