import EcotopApp
/// Shown instead of the dashboard when the terminal is below the minimum size.
struct TooSmallView: Widget {
    let size: Size
    let minimum: Size
    let theme: Theme
    let glyphs: GlyphSet

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let words = ["terminal", "too", "small:", "need", "\(minimum.width)\(glyphs.times)\(minimum.height),", "have", "\(size.width)\(glyphs.times)\(size.height)"]
        var lines: [String] = []
        for word in words {
            if let last = lines.last, last.count + 1 + word.count <= area.width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = area.x + max(0, (area.width - line.terminalWidth) / 2)
            buffer.write(line, x: x, y: top + offset, style: theme.style(.warn, .bold), limit: area.maxX)
        }
    }
}
