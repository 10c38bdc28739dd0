import EcotopCore

/// Writes a frame as a standalone SVG image: one `<text>` per row with a `<tspan>` per run
/// of equal style, and background rectangles where a cell has its own background.
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
            font-size="14" xml:space="preserve">
            <rect width="100%" height="100%" fill="\(defaultBackground)"/>

            """
        for y in 0..<frame.size.height {
            svg += backgrounds(of: frame, row: y)
        }
        for y in 0..<frame.size.height {
            svg += "<text y=\"\(number(Double(y) * cellHeight + 13))\">"
            for run in runs(of: frame, row: y) where !run.text.allSatisfy({ $0 == " " }) {
                var attributes = "x=\"\(positions(of: run))\""
                attributes += " fill=\"\(run.style.foreground.hexString ?? defaultForeground)\""
                if run.style.modifiers.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if run.style.modifiers.contains(.dim) { attributes += " opacity=\"0.6\"" }
                if run.style.modifiers.contains(.italic) { attributes += " font-style=\"italic\"" }
                if run.style.modifiers.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                svg += "<tspan \(attributes)>\(escape(run.text))</tspan>"
            }
            svg += "</text>\n"
        }
        return svg + "</svg>"
    }

    /// One x position per character, so that glyphs from fallback fonts (braille, blocks)
    /// stay on the cell grid whatever their advance width.
    private static func positions(of run: Run) -> String {
        var column = run.x
        return run.text.unicodeScalars.map { scalar in
            defer { column += max(1, scalar.terminalWidth) }
            return number(Double(column) * cellWidth)
        }.joined(separator: " ")
    }

    private struct Run {
        var x: Int
        var columns: Int
        var text: String
        var style: Style
    }

    /// Consecutive cells of one row that share a style.
    private static func runs(of frame: FrameBuffer, row y: Int) -> [Run] {
        var runs: [Run] = []
        for x in 0..<frame.size.width {
            let cell = frame[x, y]
            if cell.isContinuation, !runs.isEmpty {
                runs[runs.count - 1].columns += 1
                continue
            }
            if var last = runs.last, last.style == cell.style {
                last.text.unicodeScalars.append(cell.scalar)
                last.columns += 1
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(x: x, columns: 1, text: String(Character(cell.scalar)), style: cell.style))
            }
        }
        return runs
    }

    private static func backgrounds(of frame: FrameBuffer, row y: Int) -> String {
        var svg = ""
        for run in runs(of: frame, row: y) {
            guard let fill = run.style.background.hexString else { continue }
            svg += "<rect x=\"\(number(Double(run.x) * cellWidth))\" y=\"\(number(Double(y) * cellHeight))\" "
            svg += "width=\"\(number(Double(run.columns) * cellWidth))\" height=\"\(number(cellHeight))\" fill=\"\(fill)\"/>\n"
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
