/// A rectangle of cells: columns `x..<x+width`, rows `y..<y+height`.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var size: Size { Size(width: width, height: height) }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The top `rows` rows (or fewer, if the rectangle is shorter).
    public func top(_ rows: Int) -> Rect {
        Rect(x: x, y: y, width: width, height: min(rows, height))
    }

    /// What is left below the top `rows` rows.
    public func dropTop(_ rows: Int) -> Rect {
        let rows = min(rows, height)
        return Rect(x: x, y: y + rows, width: width, height: height - rows)
    }

    /// The bottom `rows` rows.
    public func bottom(_ rows: Int) -> Rect {
        let rows = min(rows, height)
        return Rect(x: x, y: maxY - rows, width: width, height: rows)
    }

    /// What is left above the bottom `rows` rows.
    public func dropBottom(_ rows: Int) -> Rect {
        Rect(x: x, y: y, width: width, height: height - min(rows, height))
    }

    /// Splits into `count` columns of near-equal width, wider ones first.
    public func columns(_ count: Int, gap: Int = 0) -> [Rect] {
        Self.divide(length: width, count: count, gap: gap).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// Splits into `count` rows of near-equal height, taller ones first.
    public func rows(_ count: Int, gap: Int = 0) -> [Rect] {
        Self.divide(length: height, count: count, gap: gap).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// The overlap of two rectangles (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    private static func divide(length: Int, count: Int, gap: Int) -> [(offset: Int, length: Int)] {
        guard count > 0 else { return [] }
        let usable = max(0, length - gap * (count - 1))
        var offset = 0
        return (0..<count).map { index in
            let part = usable / count + (index < usable % count ? 1 : 0)
            defer { offset += part + gap }
            return (offset, part)
        }
    }
}

/// A width and a height in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public var description: String { "\(width)×\(height)" }
}
