import EcotopApp
import EcotopEngine

/// The `?` overlay: every key binding from the key map and how the health score is computed.
struct HelpOverlay: Widget {
    let state: DashboardState
    let keyMap: KeyMap

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = state.theme
        let bindings = keyMap.bindings
        let width = min(area.width - 4, 72)
        let formula = wrap(HealthScore.formulaSummary, width: width - 4)
        let height = min(area.height - 2, bindings.count + formula.count + 5)
        guard width > 20, height > 4 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        Pane(title: [Span(" Help ", style: theme.style(.focus, .bold))], note: [Span(" ? or Esc closes ", style: theme.style(.muted))],
             borderStyle: theme.style(.focus), glyphs: state.glyphs).render(in: box, buffer: &buffer)
        let inner = Pane.inner(box).inset(horizontal: 1)
        var y = inner.y
        for binding in bindings where y < inner.maxY {
            buffer.write(binding.label, x: inner.x, y: y, style: theme.style(.accent, .bold), limit: inner.maxX)
            buffer.write(binding.summary, x: inner.x + 12, y: y, style: theme.style(.text), limit: inner.maxX)
            y += 1
        }
        y += 1
        for line in formula where y < inner.maxY {
            buffer.write(line, x: inner.x, y: y, style: theme.style(.muted), limit: inner.maxX)
            y += 1
        }
    }

    /// Greedy word wrap to a column width.
    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.terminalWidth + 1 + word.terminalWidth > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
