import EcotopApp
import EcotopCore

/// Where the parts of the dashboard go for a terminal size: a two-row header, the body,
/// and a one-row footer. The four family panes sit in a 2×2 grid when there is room and
/// are stacked (and scrolled to the focused one) when there is not.
public struct DashboardLayout: Hashable, Sendable {
    /// The smallest terminal the dashboard draws in; below it a notice says so.
    public static let minimumSize = Size(width: 60, height: 16)
    /// The height of a family pane: border, column header and five metric rows.
    public static let paneHeight = 8
    /// The narrowest a grid column may be before panes are stacked instead.
    static let minimumGridPaneWidth = 60

    public let size: Size
    public let header: Rect
    public let body: Rect
    public let footer: Rect

    public init(size: Size) {
        self.size = size
        let area = Rect(size: size)
        header = area.top(2)
        footer = area.bottom(1)
        body = area.dropTop(2).dropBottom(1)
    }

    /// Whether the terminal is too small to draw the dashboard at all.
    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// Whether the panes form a 2×2 grid rather than a stack.
    public var isGrid: Bool {
        body.width >= 2 * Self.minimumGridPaneWidth && body.height >= 2 * Self.paneHeight
    }

    /// The rectangle of each family's pane, in the body's coordinates when stacked panes
    /// overflow: `stackHeight` tells how tall the whole stack is.
    public func paneRects() -> [MetricFamily: Rect] {
        let families = MetricFamily.allCases
        if isGrid {
            let rows = body.rows(2)
            let cells = rows.flatMap { $0.columns(2) }
            return Dictionary(uniqueKeysWithValues: zip(families, cells))
        }
        let height = max(Self.paneHeight, body.height / families.count)
        return Dictionary(uniqueKeysWithValues: families.enumerated().map { index, family in
            (family, Rect(x: body.x, y: body.y + index * height, width: body.width, height: height))
        })
    }

    /// How far down the stacked panes scroll so that the focused pane is fully visible;
    /// 0 in the grid.
    public func scrollOffset(focus: MetricFamily) -> Int {
        guard !isGrid, let pane = paneRects()[focus] else { return 0 }
        return max(0, pane.maxY - body.maxY)
    }
}
