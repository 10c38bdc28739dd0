import EcotopCore

/// Writes a frame as a standalone SVG image whose text can be selected and copied: one
/// `<text>` per run of characters that look alike (spaces kept), with background rectangles
/// where a cell has its own background.
public enum SVGFrameWriter {
    static let cellWidth = 8.4
    static let cellHeight = 17.0

    /// The SVG document for a frame; the theme's background and text colours stand in for
    /// the terminal defaults.
    public static func render(_ frame: FrameBuffer, theme: Theme) -> String {
        let defaultBackground = theme.color(.background).hexString ?? "#0d1117"
        let defaultForeground = theme.color(.text).hexString ?? "#c9d1d9"
        let width = Double(frame.size.width) * cellWidth, height = Double(frame.size.height) * cellHeight
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
            viewBox="0 0 \(number(width)) \(number(height))" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" \
            font-size="14" xml:space="preserve" style="white-space: pre">
            <rect width="100%" height="100%" fill="\(defaultBackground)"/>

            """
        for y in 0..<frame.size.height {
            svg += backgrounds(of: frame, row: y)
        }
        for y in 0..<frame.size.height {
            for run in TextRun.runs(of: frame, row: y) {
                var attributes = "x=\"\(number(Double(run.x) * cellWidth))\" y=\"\(number(Double(y) * cellHeight + 13))\""
                attributes += " textLength=\"\(number(Double(run.columns) * cellWidth))\" lengthAdjust=\"spacingAndGlyphs\""
                attributes += " fill=\"\(run.style.foreground.hexString ?? defaultForeground)\""
                if run.style.modifiers.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if run.style.modifiers.contains(.dim) { attributes += " opacity=\"0.6\"" }
                if run.style.modifiers.contains(.italic) { attributes += " font-style=\"italic\"" }
                if run.style.modifiers.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                svg += "<text \(attributes)>\(escape(run.text))</text>\n"
            }
        }
        return svg + "</svg>"
    }

    /// Consecutive cells of one row with the same background colour, each drawn as one rectangle.
    private static func backgrounds(of frame: FrameBuffer, row y: Int) -> String {
        var svg = ""
        var x = 0
        while x < frame.size.width {
            let fill = frame[x, y].style.background.hexString
            var end = x + 1
            while end < frame.size.width, frame[end, y].style.background.hexString == fill { end += 1 }
            if let fill {
                svg += "<rect x=\"\(number(Double(x) * cellWidth))\" y=\"\(number(Double(y) * cellHeight))\" "
                svg += "width=\"\(number(Double(end - x) * cellWidth))\" height=\"\(number(cellHeight))\" fill=\"\(fill)\"/>\n"
            }
            x = end
        }
        return svg
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func number(_ value: Double) -> String {
        NumberFormat.fixed(value, decimals: 1)
    }
}
