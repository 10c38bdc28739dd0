/// Characters of one frame row drawn as one piece of SVG text: the same style, and all of
/// one width, so that stretching the run to its columns puts every glyph on its cell.
struct TextRun {
    /// The first column.
    var x: Int
    /// The columns the run covers, continuation cells of wide characters included.
    var columns: Int
    var text: String
    var style: Style
    /// The terminal width of each character: 1, or 2 for wide characters such as CJK.
    var characterWidth: Int

    /// The runs of row `y`, left to right, up to its last visible cell. A space draws nothing
    /// but its background, so it joins the run beside it whatever its foreground, unless it
    /// is underlined; trailing spaces are left out, as `FrameBuffer.lines` leaves them out.
    static func runs(of frame: FrameBuffer, row y: Int) -> [TextRun] {
        var runs: [TextRun] = []
        guard let last = (0..<frame.size.width).last(where: { isVisible(frame[$0, y]) }) else { return runs }
        for x in 0...last {
            let cell = frame[x, y]
            if cell.isContinuation { continue }
            let width = x + 1 < frame.size.width && frame[x + 1, y].isContinuation ? 2 : 1
            if var run = runs.last, run.characterWidth == width, let style = run.joined(cell) {
                run.text.unicodeScalars.append(cell.scalar)
                run.columns += width
                run.style = style
                runs[runs.count - 1] = run
            } else {
                runs.append(TextRun(x: x, columns: width, text: String(Character(cell.scalar)), style: cell.style, characterWidth: width))
            }
        }
        return runs
    }

    /// The style of this run with `cell` added, or nil when the cell looks different.
    private func joined(_ cell: Cell) -> Style? {
        if cell.style == style { return style }
        if cell.scalar == " ", !cell.style.modifiers.contains(.underline) { return style }
        if text.unicodeScalars.allSatisfy({ $0 == " " }), !style.modifiers.contains(.underline) { return cell.style }
        return nil
    }

    private static func isVisible(_ cell: Cell) -> Bool {
        !cell.isContinuation && (cell.scalar != " " || cell.style.modifiers.contains(.underline))
    }
}
