import EcotopCore
import EcotopEngine

/// How fresh each source is, stalest first: a title line with the count of fresh sources over
/// a table of each source's state (`FRESH`, `STALE`, `NO DATA`), age, expected interval and the
/// age at which it turns stale. The collectors and governance screens both show it.
struct FreshnessTable: Widget {
    let freshness: DataFreshness
    let context: ViewContext

    /// Rows it needs to show every source: the title, the header and one per source.
    var height: Int { 2 + freshness.entries.count }

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let theme = context.theme
        let fresh = freshness.entries.filter(\.isFresh).count
        TextLine([
            Span("Freshness  ", style: theme.style(.title, .bold)),
            Span("\(fresh)/\(freshness.entries.count) sources fresh", style: theme.style(fresh == freshness.entries.count ? .ok : .warn, .bold)),
        ]).render(in: area.top(1), buffer: &buffer)
        Table(
            columns: [
                TableColumn("State", width: .fixed(8)),
                TableColumn("Source", width: .fill(min: 24, weight: 2)),
                TableColumn("Newest", width: .fixed(8), alignment: .right, hidePriority: 3),
                TableColumn("Age", width: .fixed(6), alignment: .right),
                TableColumn("Every", width: .fixed(6), alignment: .right, hidePriority: 1),
                TableColumn("Stale at", width: .fixed(8), alignment: .right, hidePriority: 2),
            ],
            rows: freshness.entries.map { entry in
                [
                    .text(entry.newest == nil ? "NO DATA" : (entry.isFresh ? "FRESH" : "STALE"), style: theme.style(entry.isFresh ? .ok : .stale, .bold)),
                    .text(TerminalText.sanitize(entry.key.description), style: theme.style(.text)),
                    .text(entry.newest.map { context.clock.timeOfDay($0) } ?? "--", style: theme.style(.muted)),
                    .text(entry.age.map(NumberFormat.age) ?? "--", style: theme.style(entry.isFresh ? .muted : .stale)),
                    .text(NumberFormat.age(entry.interval), style: theme.style(.muted)),
                    .text(NumberFormat.age(entry.limit), style: theme.style(.muted)),
                ]
            },
            selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain, glyphs: context.glyphs
        ).render(in: area.dropTop(1), buffer: &buffer)
    }
}
