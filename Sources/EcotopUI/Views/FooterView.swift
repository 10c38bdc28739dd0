import EcotopApp
/// The bottom row: key hints for the current screen, and a notice on the right.
struct FooterView: Widget {
    let state: DashboardState
    /// Set when stacked panes continue below the visible ones.
    var hiddenPanesBelow = 0

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let theme = state.theme
        buffer.fill(area, style: theme.style(.text))
        var right: [Span] = []
        if hiddenPanesBelow > 0 {
            right.append(Span("\(state.glyphs.down) \(hiddenPanesBelow) more  ", style: theme.style(.accent, .bold)))
        }
        if let notice = state.notice { right.append(Span(notice + " ", style: theme.style(.title, .bold))) }
        let rightLine = TextLine(right)
        let rightStart = max(area.x, area.maxX - rightLine.width)
        rightLine.render(in: Rect(x: rightStart, y: area.y, width: area.maxX - rightStart, height: 1), buffer: &buffer)

        // Hints fill what the right side leaves, whole hints only.
        var x = area.x + 1
        for (key, action) in hints {
            guard x + (key + " " + action).terminalWidth < rightStart else { break }
            x = buffer.write(key, x: x, y: area.y, style: theme.style(.accent, .bold))
            x = buffer.write(" " + action, x: x, y: area.y, style: theme.style(.muted)) + 2
        }
    }

    private var hints: [(String, String)] {
        let arrows = state.glyphs.hasBraille ? "↑↓" : "j/k"
        switch (state.isHelpVisible, state.screen) {
        case (true, _):
            return [("?", "close help"), ("q", "quit")]
        case (false, .collectors):
            return [("Esc", "back"), ("e", "errors"), ("q", "quit")]
        case (false, .errors):
            return [("Esc", "back"), (arrows, "group"), ("+/-", "range"), ("q", "quit")]
        case (false, .detail):
            return [("Esc", "back"), (arrows, "metric"), ("+/-", "range"), ("p", state.isPaused ? "resume" : "pause"), ("q", "quit")]
        case (false, .overview):
            return [
                ("q", "quit"), ("?", "help"), ("Tab", "pane"), (arrows, "select"), ("Enter", "detail"), ("e", "errors"),
                ("+/-", "range"), ("p", state.isPaused ? "resume" : "pause"), ("t", "theme"),
            ]
        }
    }
}
