import EcotopApp
import EcotopCore
import EcotopEngine

/// The detail's metric divided by component or partner (`b`): each part's newest value, its
/// share, and its history as a sparkline, the largest first.
struct BreakdownTable: Widget {
    let detail: DetailModel
    let unit: MetricUnit
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        guard let label = detail.split else { return }
        for x in area.x..<area.maxX { buffer.set(context.glyphs.horizontal, x: x, y: area.y, style: theme.style(.border)) }
        let title = " by \(label) (b: next) "
        buffer.write(title, x: area.x + 2, y: area.y, style: theme.style(.title, .bold), limit: area.maxX)
        let body = area.dropTop(1)
        guard let breakdown = detail.breakdown else {
            LoadingNotice(what: "the parts", error: nil, context: context).render(in: body, buffer: &buffer)
            return
        }
        guard !breakdown.parts.isEmpty else {
            buffer.write(
                "No series of this metric has a `\(label)` label (docs/store-format.md, \"Labels\").", x: body.x, y: body.y,
                style: theme.style(.muted), limit: body.maxX)
            return
        }
        Table(
            columns: [
                TableColumn(label.capitalized, width: .fill(min: 14, weight: 1)),
                TableColumn("Now", width: .fixed(10), alignment: .right),
                TableColumn("Share", width: .fixed(6), alignment: .right, hidePriority: 1),
                TableColumn("Over the range", width: .fill(min: 12, weight: 2), hidePriority: 2),
            ],
            rows: breakdown.parts.map { part in
                [
                    .text(TerminalText.sanitize(part.value), style: theme.style(.accent, .bold)),
                    .text(part.latest.map { NumberFormat.value($0, unit: unit) } ?? "--", style: theme.style(.text, .bold)),
                    .text(part.share.map { NumberFormat.fixed($0 * 100, decimals: 0) + "%" } ?? "", style: theme.style(.muted)),
                    .widget(Sparkline(values: part.points.map(\.value), style: theme.style(.accent), glyphs: context.glyphs)),
                ]
            },
            selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain, glyphs: context.glyphs
        ).render(in: body, buffer: &buffer)
    }
}
