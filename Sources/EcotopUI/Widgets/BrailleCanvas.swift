/// A grid of dots, two columns by four rows per terminal cell, drawn as braille characters.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private(set) var cells: [UInt8]

    /// A canvas of `columns`×`rows` cells, i.e. `2·columns`×`4·rows` dots.
    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: 0, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Braille dot bits by [column within cell][row within cell] (Unicode braille patterns).
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at `(x, y)`, `y` counted from the top; dots outside are ignored.
    mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        cells[(y / 4) * columns + x / 2] |= Self.bits[x % 2][y % 4]
    }

    /// Sets the dots of a straight line between two dots (Bresenham).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) {
        var x = start.x, y = start.y
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1, stepY = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x, y: y)
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// The braille character of a cell, or nil when none of its dots is set.
    func character(column: Int, row: Int) -> Unicode.Scalar? {
        let pattern = cells[row * columns + column]
        return pattern == 0 ? nil : Unicode.Scalar(0x2800 + UInt32(pattern))
    }
}
