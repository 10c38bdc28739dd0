/// Where each line's label goes: over a straight run of its own line, as near the run's
/// middle as it fits, best where no other line passes; else in free cells beside its line.
/// A label never covers a box, another label, or the first or last cell of any line, so
/// every arrow stays visible; a label with no room is left out.
enum MapLabelPlacement {
    /// Labels for the `routes` whose edge has a width in `widths` above 0.
    static func place(routes: [MapLayout.Route], widths: [Int], boxes: [MapRect], width: Int, height: Int) -> [MapLayout.Label] {
        var grid = Occupancy(width: width, height: height, boxes: boxes, routes: routes)
        var labels: [MapLayout.Label] = []
        for route in routes {
            let labelWidth = widths[route.edge]
            guard labelWidth > 0, route.points.count > 2 else { continue }
            let candidates = onLine(route, width: labelWidth, grid: grid) + besideLine(route, width: labelWidth, grid: grid)
            guard let chosen = candidates.min(by: { $0.cost < $1.cost })?.origin else { continue }
            let label = MapLayout.Label(edge: route.edge, origin: chosen, width: labelWidth)
            grid.take(label.rect)
            labels.append(label)
        }
        return labels
    }

    /// Origins on straight horizontal runs of the line, away from its ends.
    private static func onLine(_ route: MapLayout.Route, width: Int, grid: Occupancy) -> [(cost: Int, origin: MapPoint)] {
        let inner = Array(route.points.dropFirst().dropLast())
        let middle = inner.count / 2
        var candidates: [(Int, MapPoint)] = []
        for start in inner.indices where start + width <= inner.count {
            let run = inner[start..<(start + width)]
            let y = inner[start].y
            guard run.allSatisfy({ $0.y == y }), zip(run, run.dropFirst()).allSatisfy({ $1.x == $0.x + 1 }) else { continue }
            guard run.allSatisfy({ grid.mayCover($0, sharing: true) }) else { continue }
            let shared = run.count { grid.lines[grid.index($0)] > 1 }
            candidates.append((shared * 20 + abs(start + width / 2 - middle), inner[start]))
        }
        return candidates
    }

    /// Origins in free cells just right or left of a cell of the line.
    private static func besideLine(_ route: MapLayout.Route, width: Int, grid: Occupancy) -> [(cost: Int, origin: MapPoint)] {
        let inner = Array(route.points.dropFirst().dropLast())
        let middle = inner.count / 2
        var candidates: [(Int, MapPoint)] = []
        for (position, point) in inner.enumerated() {
            for x in [point.x + 1, point.x - width] {
                let cells = (x..<(x + width)).map { MapPoint(x: $0, y: point.y) }
                guard cells.allSatisfy({ grid.mayCover($0, sharing: false) }) else { continue }
                candidates.append((100 + abs(position - middle), MapPoint(x: x, y: point.y)))
            }
        }
        return candidates
    }
}

/// What each cell of the canvas holds, for placing labels.
private struct Occupancy {
    let width: Int
    let height: Int
    /// Cells of boxes, labels and the ends of lines: never covered.
    private var taken: [Bool]
    /// How many lines pass through each cell.
    private(set) var lines: [Int]

    init(width: Int, height: Int, boxes: [MapRect], routes: [MapLayout.Route]) {
        self.width = width
        self.height = height
        taken = Array(repeating: false, count: width * height)
        lines = Array(repeating: 0, count: width * height)
        for box in boxes {
            for y in box.y..<box.maxY { for x in box.x..<box.maxX { taken[y * width + x] = true } }
        }
        for route in routes {
            for point in Set(route.points) { lines[point.y * width + point.x] += 1 }
            for end in [route.points.first, route.points.last].compactMap({ $0 }) { taken[end.y * width + end.x] = true }
        }
    }

    func index(_ point: MapPoint) -> Int { point.y * width + point.x }

    /// Whether a label may cover `point`: inside the canvas, not taken, and (unless
    /// `sharing`) not on any line.
    func mayCover(_ point: MapPoint, sharing: Bool) -> Bool {
        guard point.x >= 0, point.x < width, point.y >= 0, point.y < height else { return false }
        return !taken[index(point)] && (sharing || lines[index(point)] == 0)
    }

    mutating func take(_ rect: MapRect) {
        for x in rect.x..<rect.maxX { taken[rect.y * width + x] = true }
    }
}
