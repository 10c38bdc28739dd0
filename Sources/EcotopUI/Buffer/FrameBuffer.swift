import EcotopCore
/// A screenful of cells that views draw into; the terminal and the screenshot writers
/// turn it into output. Drawing outside the buffer is clipped, never an error.
public struct FrameBuffer: Hashable, Sendable {
    public let size: Size
    public internal(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(size: size) }

    /// The cell at a column and row; out-of-range reads give a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * size.width + x]
    }

    /// Writes text from column `x` of row `y`, clipped at `limit` (exclusive) or the buffer
    /// edge, and returns the column after the last one written. Text is drawn as given:
    /// sanitize anything from outside with `TerminalText.sanitize` first.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        let end = min(limit ?? size.width, size.width)
        guard y >= 0, y < size.height else { return x }
        var column = x
        for scalar in text.unicodeScalars {
            let width = scalar.terminalWidth
            if width == 0 { continue }
            if column + width > end { break }
            if column >= 0 {
                put(scalar, x: column, y: y, style: style, width: width)
            }
            column += width
        }
        return column
    }

    /// Sets one cell to a single-width scalar.
    public mutating func set(_ scalar: Unicode.Scalar, x: Int, y: Int, style: Style) {
        guard contains(x: x, y: y) else { return }
        put(scalar, x: x, y: y, style: style, width: 1)
    }

    /// Fills a rectangle with a scalar.
    public mutating func fill(_ rect: Rect, with scalar: Unicode.Scalar = " ", style: Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { put(scalar, x: x, y: y, style: style, width: 1) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping what they show.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * size.width + x].style = transform(cells[y * size.width + x].style)
            }
        }
    }

    /// The rows as text, trailing spaces removed; continuation cells add nothing.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = String.UnicodeScalarView()
            for x in 0..<size.width where !cells[y * size.width + x].isContinuation {
                line.append(cells[y * size.width + x].scalar)
            }
            var text = String(line)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// All rows joined by newlines: the form frame snapshots take.
    public var text: String { lines.joined(separator: "\n") }

    // MARK: - Cell placement

    private func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Places a scalar, keeping double-width characters whole: a wide character that is
    /// partly overwritten is replaced by spaces.
    private mutating func put(_ scalar: Unicode.Scalar, x: Int, y: Int, style: Style, width: Int) {
        // The last defence for text that skipped `TerminalText.sanitize`: control characters
        // never reach the terminal.
        let scalar = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
        let index = y * size.width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        let last = index + width - 1
        if x + width < size.width, cells[last + 1].isContinuation {
            cells[last + 1] = Cell(" ", style: cells[last + 1].style)
        }
        cells[index] = Cell(scalar, style: style)
        if width == 2 {
            cells[index + 1] = Cell(" ", style: style, isContinuation: true)
        }
    }
}

extension FrameBuffer {
    /// Copies the part of `source` that starts at `sourceOrigin` into `area` of this buffer,
    /// cell for cell; used to show a scrolled window of something taller than the screen.
    public mutating func paste(_ source: FrameBuffer, from sourceOrigin: (x: Int, y: Int), into area: Rect) {
        let clipped = area.intersection(self.area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                let sourceX = sourceOrigin.x + x - area.x, sourceY = sourceOrigin.y + y - area.y
                guard sourceX >= 0, sourceY >= 0, sourceX < source.size.width, sourceY < source.size.height else { continue }
                cells[y * size.width + x] = source.cells[sourceY * source.size.width + sourceX]
            }
        }
    }
}
