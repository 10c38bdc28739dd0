/// Where the ecosystem map draws each component's box, each integration's line and each
/// line's label, on a canvas of its own size: boxes of one size on a grid of slots (hubs in
/// the middle, each endpoint near the components it exchanges data with, components without
/// an integration at the edges), lines routed between them along the rows and columns of
/// cells around the boxes. A pure function of its input: the same ecosystem always gets the
/// same map, whatever the terminal; a terminal smaller than the canvas pans over it.
///
/// Guarantees: no two boxes share a cell, no line or label crosses a box, no two labels
/// share a cell, and no two lines end in the same cell.
public struct MapLayout: Sendable, Hashable {
    /// A component to place.
    public struct Node: Sendable, Hashable {
        public var id: String
        /// Hubs are placed first, in the middle of the grid.
        public var isHub: Bool

        public init(id: String, isHub: Bool) {
            self.id = id
            self.isHub = isHub
        }
    }

    /// An integration to route, in the direction its data flows.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// Critical edges are routed first, so they take the shortest ways.
        public var isCritical: Bool
        /// How many cells its label needs on or beside its line; 0 for no label.
        public var labelWidth: Int

        public init(from: String, to: String, isCritical: Bool = false, labelWidth: Int = 0) {
            self.from = from
            self.to = to
            self.isCritical = isCritical
            self.labelWidth = labelWidth
        }
    }

    /// The cells of one edge's line, from the cell beside its source box to the cell beside
    /// its target box, where the arrow goes; each cell a neighbour of the one before.
    public struct Route: Sendable, Hashable {
        /// The edge's position in the input.
        public var edge: Int
        public var points: [MapPoint]
    }

    /// Where an edge's label goes: `width` cells from `origin` along its row.
    public struct Label: Sendable, Hashable {
        public var edge: Int
        public var origin: MapPoint
        public var width: Int

        /// The cells it covers.
        public var rect: MapRect { MapRect(x: origin.x, y: origin.y, width: width, height: 1) }
    }

    /// The sizes the layout works with.
    public struct Metrics: Sendable, Hashable {
        public var boxWidth: Int
        public var boxHeight: Int
        /// Cells between two boxes side by side, and between two rows of boxes.
        public var columnGap: Int
        public var rowGap: Int
        /// The most columns of boxes; more components make more rows.
        public var maximumColumns: Int
        /// Free cells around the grid, where lines can go round the outer boxes.
        public var marginX: Int
        public var marginY: Int

        public init(boxWidth: Int, boxHeight: Int, columnGap: Int, rowGap: Int, maximumColumns: Int, marginX: Int, marginY: Int) {
            self.boxWidth = boxWidth
            self.boxHeight = boxHeight
            self.columnGap = columnGap
            self.rowGap = rowGap
            self.maximumColumns = maximumColumns
            self.marginX = marginX
            self.marginY = marginY
        }

        /// Boxes of 20 by 3 cells, six to a row: 30 components take 154 by 31 cells.
        public static let standard = Metrics(
            boxWidth: 20, boxHeight: 3, columnGap: 6, rowGap: 3, maximumColumns: 6, marginX: 2, marginY: 2)
    }

    public var nodes: [Node]
    /// The edges asked for, routed or not.
    public var edges: [Edge]
    /// Each node's box, in the order of `nodes`.
    public var boxes: [MapRect]
    /// The edges that could be routed (every edge between two known, distinct nodes).
    public var routes: [Route]
    public var labels: [Label]
    /// The canvas's size in cells.
    public var width: Int
    public var height: Int
    public var metrics: Metrics

    /// Lays out `nodes` and `edges`; edges naming an unknown node or joining a node to
    /// itself are left out.
    public init(nodes: [Node], edges: [Edge], metrics: Metrics = .standard) {
        self.nodes = nodes
        self.edges = edges
        self.metrics = metrics
        let count = nodes.count
        let columns = count == 0 ? 0 : min(metrics.maximumColumns, count, Int((2 * Double(count)).squareRoot().rounded(.up)))
        let rows = columns == 0 ? 0 : (count + columns - 1) / columns
        width = columns == 0 ? 0 : 2 * metrics.marginX + columns * metrics.boxWidth + (columns - 1) * metrics.columnGap
        height = rows == 0 ? 0 : 2 * metrics.marginY + rows * metrics.boxHeight + (rows - 1) * metrics.rowGap
        let index = Dictionary(nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let links = edges.enumerated().compactMap { position, edge -> MapPlacement.Link? in
            guard let from = index[edge.from], let to = index[edge.to], from != to else { return nil }
            return MapPlacement.Link(edge: position, from: from, to: to)
        }
        let slots = MapPlacement.slots(nodes: nodes, links: links, columns: columns, rows: rows)
        let boxes = slots.map { slot in
            MapRect(
                x: metrics.marginX + slot.x * (metrics.boxWidth + metrics.columnGap),
                y: metrics.marginY + slot.y * (metrics.boxHeight + metrics.rowGap),
                width: metrics.boxWidth, height: metrics.boxHeight)
        }
        var router = MapRouter(width: width, height: height, boxes: boxes)
        // Critical lines first, so they take the straightest ways; then in the input's order.
        let order = links.filter { edges[$0.edge].isCritical } + links.filter { !edges[$0.edge].isCritical }
        let routes = order.compactMap { link in
            router.route(from: link.from, to: link.to).map { Route(edge: link.edge, points: $0) }
        }.sorted { $0.edge < $1.edge }
        self.boxes = boxes
        self.routes = routes
        labels = MapLabelPlacement.place(
            routes: routes, widths: edges.map(\.labelWidth), boxes: boxes, width: width, height: height)
    }

    /// The box of the node with id `id`.
    public func box(of id: String) -> MapRect? {
        nodes.firstIndex { $0.id == id }.map { boxes[$0] }
    }

    /// The node whose box is nearest to `id`'s in `direction`, nil when none lies that way.
    /// Distances are counted in grid slots, a step across counting twice a step along.
    public func neighbour(of id: String, toward direction: MapDirection) -> String? {
        guard let origin = box(of: id) else { return nil }
        let pitchX = metrics.boxWidth + metrics.columnGap, pitchY = metrics.boxHeight + metrics.rowGap
        var best: (score: Int, id: String)?
        for (node, box) in zip(nodes, boxes) where node.id != id {
            let dx = (box.x - origin.x) / pitchX, dy = (box.y - origin.y) / pitchY
            let (along, across) = direction.isHorizontal ? (dx, dy) : (dy, dx)
            let forward = direction == .right || direction == .down ? along : -along
            guard forward > 0 else { continue }
            let score = forward + 2 * abs(across)
            if let best, best.score <= score { continue }
            best = (score, node.id)
        }
        return best?.id
    }
}
