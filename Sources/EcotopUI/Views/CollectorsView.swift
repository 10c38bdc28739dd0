import EcotopCore
import EcotopApp
import EcotopEngine

/// The collectors view: each collector's state, last run, records and last error, the
/// problems of a configuration that could not be loaded, and how fresh each source's data is.
struct CollectorsView: Widget {
    let collectors: [CollectorStatus]
    let configProblems: [String]
    let freshness: CollectorsModel
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let failing = collectors.filter { $0.state == .failing }.count
        Pane(
            title: [Span(" Collectors ", style: theme.style(.focus, .bold))],
            note: collectors.isEmpty ? [] : [Span(
                " \(collectors.count - failing)/\(collectors.count) ok ", style: theme.style(failing == 0 ? .ok : .critical, .bold))],
            borderStyle: theme.style(.focus), glyphs: context.glyphs
        ).markingFocus(if: context.marksFocus).render(in: area, buffer: &buffer)
        var inner = Pane.inner(area).inset(horizontal: 1)
        if !configProblems.isEmpty {
            inner = renderConfigProblems(in: inner, buffer: &buffer)
        }
        let used: Int
        if collectors.isEmpty {
            let lines = [
                "No collectors are configured: the demo's simulator writes its samples itself.",
                "Point Ecotop at your own ecosystem with a configuration file (`ecotop init` writes a starter).",
            ]
            for (offset, line) in lines.enumerated() {
                buffer.write(
                    Truncation.truncate(line, width: inner.width, ellipsis: context.glyphs.ellipsis), x: inner.x, y: inner.y + offset,
                    style: theme.style(.muted), limit: inner.maxX)
            }
            used = lines.count
        } else {
            used = min(inner.height, collectors.count + 1)
            renderCollectors(in: inner.top(used), buffer: &buffer)
        }
        if let freshness = freshness.visibleFreshness, inner.height > used + 3 {
            FreshnessTable(freshness: freshness, context: context).render(in: inner.dropTop(used + 1), buffer: &buffer)
        }
    }

    private func renderCollectors(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        Table(
            columns: [
                TableColumn("State", width: .fixed(8)),
                TableColumn("Collector", width: .fill(min: 12, weight: 1)),
                TableColumn("Type", width: .fixed(10), hidePriority: 3),
                TableColumn("Last run", width: .fixed(8), alignment: .right),
                TableColumn("Took", width: .fixed(6), alignment: .right, hidePriority: 2),
                TableColumn("Records", width: .fixed(8), alignment: .right),
                TableColumn("Bad", width: .fixed(6), alignment: .right, hidePriority: 1),
                TableColumn("Next", width: .fixed(6), alignment: .right, hidePriority: 4),
                TableColumn("Last error", width: .fill(min: 16, weight: 3)),
            ],
            rows: collectors.map(row), selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain,
            glyphs: context.glyphs
        ).render(in: area, buffer: &buffer)
    }

    private func row(_ collector: CollectorStatus) -> [TableCell] {
        let theme = context.theme
        let role: ThemeRole = switch collector.state {
        case .ok: .ok
        case .failing: .critical
        case .running: .accent
        case .pending: .stale
        }
        return [
            .text(collector.state.rawValue.uppercased(), style: theme.style(role, .bold)),
            .text(TerminalText.sanitize(collector.name), style: theme.style(.text)),
            .text(collector.kind, style: theme.style(.muted)),
            .text(collector.lastRun.map { NumberFormat.age(context.now - $0) + " ago" } ?? "never", style: theme.style(.muted)),
            .text(collector.lastDuration.map(duration) ?? "", style: theme.style(.muted)),
            .text(NumberFormat.grouped(Double(collector.recordsAccepted)), style: theme.style(.text)),
            .text(collector.recordsRejected == 0 ? "0" : NumberFormat.grouped(Double(collector.recordsRejected)),
                  style: theme.style(collector.recordsRejected == 0 ? .muted : .warn, collector.recordsRejected == 0 ? [] : .bold)),
            .text(collector.nextRun.map { "in " + NumberFormat.age($0 - context.now) } ?? "", style: theme.style(.muted)),
            .text(collector.lastError.map(TerminalText.sanitize) ?? "", style: theme.style(.critical)),
        ]
    }

    /// `0.42s`, `12ms`.
    private func duration(_ seconds: Double) -> String {
        seconds < 1 ? NumberFormat.fixed(seconds * 1_000, decimals: 0) + "ms" : NumberFormat.fixed(seconds, decimals: 2) + "s"
    }

    /// Lists the configuration's problems at the top and returns the area left below them.
    private func renderConfigProblems(in area: Rect, buffer: inout FrameBuffer) -> Rect {
        let theme = context.theme
        let shown = min(configProblems.count, max(1, area.height / 3))
        buffer.write(
            "The configuration file has errors; the previous configuration is still in force:", x: area.x, y: area.y,
            style: theme.style(.critical, .bold), limit: area.maxX)
        for (offset, problem) in configProblems.prefix(shown).enumerated() {
            buffer.write(
                Truncation.truncate("  " + TerminalText.sanitize(problem), width: area.width, ellipsis: context.glyphs.ellipsis),
                x: area.x, y: area.y + 1 + offset, style: theme.style(.warn), limit: area.maxX)
        }
        return area.dropTop(shown + 2)
    }
}
