import EcotopApp
import EcotopEngine

/// The `?` overlay: the key bindings of the screen in view and how the health score is
/// computed, scrolled by `help.offset`, with a marker while more lies below.
struct HelpOverlay: Widget {
    let help: HelpModel
    let keyMap: KeyMap
    /// The screen in view: the help lists what its keys do.
    let screen: ScreenKind
    /// Whether the mouse is on: the help then says what it does.
    let hasMouse: Bool
    let context: ViewContext

    /// What the mouse does, on every screen.
    static let mouseSummary = "click selects, double-click opens, wheel scrolls, click a hint to run it"
    /// The width of the column of keys.
    static let keyWidth = 12

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let width = min(area.width - 4, 72)
        guard width > 20 else { return }
        let lines = self.lines(width: width - 4)
        let height = min(area.height - 2, lines.count + 2)
        guard height > 4 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        let visible = height - 2
        let offset = min(help.offset, max(0, lines.count - visible))
        let hiddenBelow = lines.count - offset - visible
        var note = [Span(" ? or Esc closes ", style: theme.style(.muted))]
        if hiddenBelow > 0 {
            note.insert(Span(" \(context.glyphs.down) \(hiddenBelow) more ", style: theme.style(.accent, .bold)), at: 0)
        }
        Pane(title: [Span(" Help ", style: theme.style(.focus, .bold))], note: note, borderStyle: theme.style(.focus), glyphs: context.glyphs)
            .markingFocus(if: context.marksFocus)
            .render(in: box, buffer: &buffer)
        let inner = Pane.inner(box).inset(horizontal: 1)
        buffer.fill(inner, style: theme.style(.text))
        for (row, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            TextLine(line).render(in: Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), buffer: &buffer)
        }
    }

    /// The bindings, then what the mouse does when it is on, a blank line, and the
    /// health-score formula wrapped to `width`.
    private func lines(width: Int) -> [[Span]] {
        let theme = context.theme
        let entry = { (label: String, summary: String) in
            [Span(label.padding(to: Self.keyWidth), style: theme.style(.accent, .bold)), Span(summary, style: theme.style(.text))]
        }
        let bindings = keyMap.bindings(for: screen).map { entry($0.label, $0.summary) }
        // The mouse as one more binding, its summary wrapped under itself.
        let mouse = hasMouse ? TextWrap.lines(Self.mouseSummary, width: max(1, width - Self.keyWidth)).enumerated().map {
            entry($0.offset == 0 ? "Mouse" : "", $0.element)
        } : []
        let formula = TextWrap.lines(HealthScore.formulaSummary, width: width).map { [Span($0, style: theme.style(.muted))] }
        return bindings + mouse + [[]] + formula
    }
}
