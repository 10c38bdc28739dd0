import EcotopCore

/// Where the parts of the dashboard go for a terminal size and a catalog: a two-row header,
/// the body, and a one-row footer. The catalog's family panes sit in a two-column grid when
/// every pane can show its rows (up to five) and there is room for two columns; otherwise
/// they are stacked, each as tall as its rows, and scrolled to the focused one. A pane with
/// more rows than it can show scrolls inside itself (`Table` keeps the selection in view).
public struct DashboardLayout: Sendable {
    /// The smallest terminal the dashboard draws in; below it a notice says so.
    public static let minimumSize = Size(width: 60, height: 16)
    /// Rows a pane takes besides its metric rows: two borders and the column header.
    static let paneChrome = 3
    /// The most metric rows a grid pane must be able to show; longer panes scroll.
    static let gridRows = 5
    /// The narrowest a grid column may be before panes are stacked instead.
    static let minimumGridPaneWidth = 60

    public let size: Size
    public let header: Rect
    public let body: Rect
    public let footer: Rect
    /// Each pane's family and how many metric rows it has, in display order.
    public let panes: [(family: MetricFamily, rows: Int)]

    public init(size: Size, panes: [(family: MetricFamily, rows: Int)]) {
        self.size = size
        self.panes = panes
        let area = Rect(size: size)
        header = area.top(2)
        footer = area.bottom(1)
        body = area.dropTop(2).dropBottom(1)
    }

    /// Whether the terminal is too small to draw the dashboard at all.
    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The rows of the grid: two panes each.
    private var gridLines: Int { (panes.count + 1) / 2 }

    /// Whether the panes form a two-column grid rather than a stack.
    public var isGrid: Bool {
        guard panes.count > 1 else { return false }
        let needed = min(Self.gridRows, panes.map(\.rows).max() ?? 0) + Self.paneChrome
        return body.width >= 2 * Self.minimumGridPaneWidth && body.height >= gridLines * needed
    }

    /// The rectangle of each family's pane, in display order. Stacked panes may reach below
    /// the body; `scrollOffset(focus:)` says how far to scroll.
    public func paneRects() -> [(family: MetricFamily, rect: Rect)] {
        if isGrid {
            let cells = body.rows(gridLines).flatMap { $0.columns(2) }
            return zip(panes, cells).map { ($0.family, $1) }
        }
        let share = panes.isEmpty ? 0 : body.height / panes.count
        var y = body.y
        return panes.map { pane in
            let height = min(body.height, max(pane.rows + Self.paneChrome, share))
            defer { y += height }
            return (pane.family, Rect(x: body.x, y: y, width: body.width, height: height))
        }
    }

    /// How far down the stacked panes scroll so that the focused pane is fully visible;
    /// 0 in the grid.
    public func scrollOffset(focus: MetricFamily) -> Int {
        guard !isGrid, let pane = paneRects().first(where: { $0.family == focus })?.rect else { return 0 }
        return max(0, pane.maxY - body.maxY)
    }
}
