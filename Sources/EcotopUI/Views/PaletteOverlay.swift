import EcotopApp
import EcotopCore

/// The command palette (`:`): a box near the top of the body with the query on its first
/// line and the matching entries under it, best first, each with its keys on the right; the
/// selected entry is marked with `▶` as well as the selection colour, so it reads without
/// colour. The list scrolls to keep the selection in view.
struct PaletteOverlay: Widget {
    let palette: PaletteModel
    let context: ViewContext
    /// The most entries listed at once.
    static let longestList = 12

    /// Where the palette is drawn in `area`: its box, the rows of its list and the match drawn
    /// on the first of them (the list scrolls to the selection); nil when the area is too small.
    static func layout(of palette: PaletteModel, in area: Rect) -> (box: Rect, list: Rect, first: Int)? {
        let width = min(area.width - 4, 76)
        let listed = min(palette.matches.count, longestList, max(1, area.height - 5))
        let height = min(area.height, max(1, listed) + 3)
        guard width > 20, height >= 4 else { return nil }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + min(2, area.height - height), width: width, height: height)
        let list = Pane.inner(box).inset(horizontal: 1).dropTop(1)
        return (box, list, Table.firstRow(selected: palette.selection, height: list.height))
    }

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let (box, list, first) = Self.layout(of: palette, in: area) else { return }
        let theme = context.theme
        let count = " \(palette.matches.count) of \(palette.entries.count) "
        Pane(
            title: [Span(" Commands ", style: theme.style(.focus, .bold))], note: [Span(count, style: theme.style(.muted))],
            borderStyle: theme.style(.focus), glyphs: context.glyphs
        )
        .markingFocus(if: context.marksFocus)
        .render(in: box, buffer: &buffer)
        let inner = Pane.inner(box).inset(horizontal: 1)
        buffer.fill(inner, style: theme.style(.text))
        EditorLine(prompt: ": ", editor: palette.editor, promptStyle: theme.style(.accent, .bold), textStyle: theme.style(.text))
            .render(in: inner.top(1), buffer: &buffer)
        guard !palette.matches.isEmpty else {
            let query = TerminalText.sanitize(palette.editor.text)
            buffer.write("no action matches \u{201C}\(query)\u{201D}", x: list.x + 2, y: list.y, style: theme.style(.muted), limit: list.maxX)
            return
        }
        for (row, index) in (first..<min(palette.matches.count, first + list.height)).enumerated() {
            renderEntry(palette.matches[index], isSelected: index == palette.selection, in: Rect(x: list.x, y: list.y + row, width: list.width, height: 1), buffer: &buffer)
        }
    }

    /// `▶ summary ......... keys`, the keys muted and right-aligned, the summary cut to fit
    /// with the characters the query matched in bold and underlined.
    private func renderEntry(_ entry: PaletteEntry, isSelected: Bool, in row: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let base = isSelected ? context.selectionStyle : theme.style(.text)
        buffer.fill(row, style: base)
        let keys = TerminalText.sanitize(entry.keys)
        let keysWidth = keys.isEmpty ? 0 : keys.terminalWidth + 1
        let marker = isSelected ? "\(context.glyphs.focusMarker) " : "  "
        var x = buffer.write(marker, x: row.x, y: row.y, style: base.adding(.bold), limit: row.maxX)
        let summary = TerminalText.sanitize(entry.summary)
        let shown = Truncation.truncate(summary, width: max(0, row.maxX - keysWidth - x - 1), ellipsis: context.glyphs.ellipsis)
        // A cut summary ends in the ellipsis, which is no character of the summary.
        let kept = shown == summary ? shown.count : max(0, shown.count - 1)
        let matched = Set(PaletteMatcher.match(palette.editor.text, in: summary)?.positions ?? [])
        let highlight = (isSelected ? base : theme.style(.accent)).adding([.bold, .underline])
        for (index, character) in shown.enumerated() {
            x = buffer.write(String(character), x: x, y: row.y, style: index < kept && matched.contains(index) ? highlight : base, limit: row.maxX)
        }
        if !keys.isEmpty {
            let keyStyle = isSelected ? base : theme.style(.muted)
            buffer.write(keys, x: row.maxX - keys.terminalWidth, y: row.y, style: keyStyle, limit: row.maxX)
        }
    }
}
