/// A cell of the map's canvas: column `x`, row `y`, from the top left.
public struct MapPoint: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of canvas cells: columns `x..<x+width`, rows `y..<y+height`.
public struct MapRect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// Whether the cell lies inside.
    public func contains(_ point: MapPoint) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// Whether the two rectangles share a cell.
    public func intersects(_ other: MapRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}

/// One of the four ways a line leaves a cell.
public enum MapDirection: Int, Sendable, Hashable, CaseIterable {
    case up, down, left, right

    /// The step to the neighbouring cell.
    var step: (dx: Int, dy: Int) {
        switch self {
        case .up: (0, -1)
        case .down: (0, 1)
        case .left: (-1, 0)
        case .right: (1, 0)
        }
    }

    /// The way back.
    public var opposite: MapDirection {
        switch self {
        case .up: .down
        case .down: .up
        case .left: .right
        case .right: .left
        }
    }

    /// Whether the direction runs along a row.
    public var isHorizontal: Bool { self == .left || self == .right }

    /// The direction from `from` to the neighbouring cell `to`.
    public static func between(_ from: MapPoint, _ to: MapPoint) -> MapDirection {
        if to.x > from.x { return .right }
        if to.x < from.x { return .left }
        return to.y > from.y ? .down : .up
    }
}
