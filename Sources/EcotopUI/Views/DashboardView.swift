import EcotopCore
import EcotopApp
/// Draws a whole dashboard frame: a pure function of the state and the terminal size.
public enum DashboardView {
    /// The frame for `state` on a terminal of `size`.
    public static func render(_ state: DashboardState, size: Size, keyMap: KeyMap = .standard) -> FrameBuffer {
        var buffer = FrameBuffer(size: size)
        let theme = state.theme
        buffer.fill(buffer.area, style: theme.style(.text))
        let layout = DashboardLayout(size: size)
        guard !layout.isTooSmall else {
            TooSmallView(size: size, minimum: DashboardLayout.minimumSize, theme: theme, glyphs: state.glyphs).render(in: buffer.area, buffer: &buffer)
            return buffer
        }
        HeaderView(state: state).render(in: layout.header, buffer: &buffer)
        var footer = FooterView(state: state)
        switch (state.screen, state.selectedSummary) {
        case let (.detail, summary?):
            DetailView(summary: summary, state: state).render(in: layout.body, buffer: &buffer)
        case (.collectors, _):
            CollectorsView(state: state).render(in: layout.body, buffer: &buffer)
        case (.errors, _):
            if let report = state.errors {
                ErrorsView(report: report, state: state).render(in: layout.body, buffer: &buffer)
            } else {
                let message = state.dataError.map { "cannot read events: " + TerminalText.sanitize($0) } ?? "reading events" + state.glyphs.ellipsis
                buffer.write(message, x: layout.body.x + 1, y: layout.body.y, style: theme.style(.muted), limit: layout.body.maxX)
            }
        default:
            footer.hiddenPanesBelow = renderPanes(state, layout: layout, buffer: &buffer)
        }
        footer.render(in: layout.footer, buffer: &buffer)
        if state.isHelpVisible {
            HelpOverlay(state: state, keyMap: keyMap).render(in: layout.body, buffer: &buffer)
        }
        return buffer
    }

    /// Draws the four family panes and returns how many stacked panes lie below the view.
    private static func renderPanes(_ state: DashboardState, layout: DashboardLayout, buffer: inout FrameBuffer) -> Int {
        let panes = layout.paneRects()
        if layout.isGrid {
            for (family, rect) in panes {
                FamilyPaneView(family: family, state: state, isFocused: family == state.focus).render(in: rect, buffer: &buffer)
            }
            return 0
        }
        let stackHeight = panes.values.map(\.maxY).max().map { $0 - layout.body.y } ?? 0
        var stack = FrameBuffer(size: Size(width: layout.body.width, height: stackHeight))
        stack.fill(stack.area, style: state.theme.style(.text))
        for (family, rect) in panes {
            let local = Rect(x: rect.x - layout.body.x, y: rect.y - layout.body.y, width: rect.width, height: rect.height)
            FamilyPaneView(family: family, state: state, isFocused: family == state.focus).render(in: local, buffer: &stack)
        }
        let offset = layout.scrollOffset(focus: state.focus)
        buffer.paste(stack, from: (0, offset), into: layout.body)
        return panes.values.filter { $0.y - offset >= layout.body.maxY }.count
    }
}
