import EcotopApp
import EcotopCore

/// The bottom row: key hints for the current screen, and a notice on the right.
struct FooterView: Widget {
    /// The screen on top; nil on the dashboard.
    let screen: Screen?
    let isHelpVisible: Bool
    /// Whether the command palette is open: the hints are its keys then.
    var isPaletteVisible = false
    let notice: String?
    let context: ViewContext
    /// Set when stacked panes continue below the visible ones.
    var hiddenPanesBelow = 0
    /// The line being typed (a filter, a comment, an owner), which takes the place of the hints.
    var textEntry: TextEntry?
    /// The filter in force over the panes, shown on the right (Esc clears it).
    var activeFilter: String?

    /// The footer of `model`'s frame: the top screen's hints, the line typed, the filter in force.
    static func of(_ model: AppModel, context: ViewContext) -> FooterView {
        var footer = FooterView(screen: model.topScreen, isHelpVisible: model.help != nil, notice: model.notice, context: context)
        footer.textEntry = model.textEntry
        footer.isPaletteVisible = model.palette != nil
        if model.topScreen == nil, !model.dashboard.list.filter.isEmpty { footer.activeFilter = model.dashboard.list.filter.text }
        return footer
    }

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let theme = context.theme
        buffer.fill(area, style: theme.style(.text))
        let rightLine = self.rightLine
        let rightStart = max(area.x, area.maxX - rightLine.width)
        rightLine.render(in: Rect(x: rightStart, y: area.y, width: area.maxX - rightStart, height: 1), buffer: &buffer)

        if let textEntry {
            EditorLine(
                prompt: textEntry.purpose.prompt, editor: textEntry.editor, promptStyle: theme.style(.accent, .bold), textStyle: theme.style(.text)
            ).render(in: Rect(x: area.x + 1, y: area.y, width: rightStart - area.x - 1, height: 1), buffer: &buffer)
            return
        }
        for placement in hintPlacements(in: area) {
            let x = buffer.write(placement.label, x: placement.columns.lowerBound, y: area.y, style: theme.style(.accent, .bold))
            buffer.write(" " + placement.action, x: x, y: area.y, style: theme.style(.muted))
        }
    }

    /// The notices on the right: panes below, the filter in force, the model's notice.
    private var rightLine: TextLine {
        let theme = context.theme
        var right: [Span] = []
        if hiddenPanesBelow > 0 {
            right.append(Span("\(context.glyphs.down) \(hiddenPanesBelow) more  ", style: theme.style(.accent, .bold)))
        }
        if let activeFilter {
            right.append(Span("/\(TerminalText.sanitize(activeFilter)) (Esc clears)  ", style: theme.style(.warn, .bold)))
        }
        if let notice { right.append(Span(notice + " ", style: theme.style(.title, .bold))) }
        return TextLine(right)
    }

    /// Where each hint is drawn in `area`: they fill what the right side leaves, whole hints
    /// only, and none while a line is typed. The columns span the key and its action, which a
    /// click runs (`ClickRegions`).
    func hintPlacements(in area: Rect) -> [(label: String, action: String, columns: Range<Int>)] {
        guard !area.isEmpty, textEntry == nil else { return [] }
        let rightStart = max(area.x, area.maxX - rightLine.width)
        var placements: [(label: String, action: String, columns: Range<Int>)] = []
        var x = area.x + 1
        for (key, action) in hints {
            let width = (key + " " + action).terminalWidth
            guard x + width < rightStart else { break }
            placements.append((key, action, x..<x + width))
            x += width + 2
        }
        return placements
    }

    /// The key a hint's label stands for: a single character, `Tab`, `Enter` or `Esc`, or the
    /// first of a pair such as `+/-`; nil for labels naming several keys (`↑↓`, `k w f x a`).
    static func key(forHint label: String) -> Key? {
        switch label {
        case "Tab": return .tab
        case "Enter": return .enter
        case "Esc": return .escape
        case _ where label.count == 1: return label.first.map(Key.character)
        default:
            let parts = label.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ $0.count == 1 }), let first = parts.first?.first else { return nil }
            return .character(first)
        }
    }

    private var hints: [(String, String)] {
        let arrows = context.glyphs.hasBraille ? "↑↓" : "j/k"
        let pause = ("p", context.isPaused ? "resume" : "pause")
        // In the palette `j` and `k` are text: the arrows (or Ctrl-P and Ctrl-N) choose.
        guard !isPaletteVisible else { return [(context.glyphs.hasBraille ? "↑↓" : "^P/^N", "choose"), ("Enter", "run"), ("Esc", "close")] }
        guard !isHelpVisible else { return [("?", "close help"), (arrows, "scroll"), ("q", "quit")] }
        switch screen {
        case .collectors:
            return [("Esc", "back"), ("e", "errors"), ("q", "quit")]
        case .alerts:
            return [("Esc", "back"), (arrows, "select"), ("Enter", "context"), ("A", "ack"), ("S", "silence"), ("/", "filter"), ("s", "sort"), ("q", "quit")]
        case .governance:
            return [("Esc", "back"), (arrows, "annotation"), ("/", "filter"), ("s", "sort"), ("+/-", "range"), ("q", "quit")]
        case .errors:
            return [("Esc", "up"), (arrows, "select"), ("Enter", "open"), ("/", "filter"), ("s", "sort"), ("+/-", "range"), ("q", "quit")]
        case .map(let map) where map.isListFocused:
            return [("Esc", "map"), (arrows, "select"), ("Enter", "errors"), ("/", "filter"), ("s", "sort"), ("+/-", "range"), ("q", "quit")]
        case .map:
            return [("Esc", "back"), (context.glyphs.hasBraille ? "↑↓←→" : "hjkl", "move"), ("Enter", "integrations"), ("+/-", "range"), ("q", "quit")]
        case .review:
            return [("n/b", "next/back"), ("k w f x a", "keep watch fix retire ack"), ("c", "comment"), ("o", "owner"), ("v", "scorecards"), ("?", "keys"), ("q", "finish")]
        case .detail:
            return [("Esc", "back"), (arrows, "metric"), ("b", "split"), ("+/-", "range"), pause, ("q", "quit")]
        case nil:
            return [
                ("q", "quit"), ("?", "help"), (":", "commands"), ("Tab", "pane"), (arrows, "select"), ("Enter", "detail"), ("e", "errors"),
                ("+/-", "range"), pause, ("t", "theme"),
            ]
        }
    }
}
