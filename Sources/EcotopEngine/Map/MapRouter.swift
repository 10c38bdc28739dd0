/// Routes the map's lines one at a time over the cells of the canvas (A* search): a line
/// leaves its source box straight out of one side, never enters a box, and ends in a free
/// cell straight in front of its target box, where its arrow goes. It prefers few turns,
/// crossing other lines to running along them, and keeping off the cells next to boxes.
struct MapRouter {
    let width: Int
    let height: Int
    /// Box cells and the arrow cells of the lines routed so far.
    private var blocked: [Bool]
    /// Cells next to a box.
    private var nearBox: [Bool]
    /// How many lines routed so far run along each cell's row and column.
    private var alongRow: [Int]
    private var alongColumn: [Int]

    static let turnCost = 3
    static let nearBoxCost = 3
    static let crossingCost = 2
    static let sharingCost = 12

    init(width: Int, height: Int, boxes: [MapRect]) {
        self.width = width
        self.height = height
        let cells = width * height
        blocked = Array(repeating: false, count: cells)
        nearBox = Array(repeating: false, count: cells)
        alongRow = Array(repeating: 0, count: cells)
        alongColumn = Array(repeating: 0, count: cells)
        for box in boxes {
            for y in max(0, box.y - 1)..<min(height, box.maxY + 1) {
                for x in max(0, box.x - 1)..<min(width, box.maxX + 1) {
                    if box.contains(MapPoint(x: x, y: y)) { blocked[y * width + x] = true } else { nearBox[y * width + x] = true }
                }
            }
        }
    }

    /// The cheapest line from `source` to `target`, which the routes after it then avoid
    /// ending on and prefer not to run along; nil when no free cell lets it through.
    mutating func route(from source: MapRect, to target: MapRect) -> [MapPoint]? {
        // An arrow goes where no line runs yet, as it would cut that line in two; unless
        // lines run past every side of the target.
        let ports = ports(of: target)
        let free = ports.filter { alongRow[index($0.cell)] == 0 && alongColumn[index($0.cell)] == 0 }
        return search(from: source, to: target, goals: free) ?? search(from: source, to: target, goals: ports)
    }

    private mutating func search(from source: MapRect, to target: MapRect, goals ends: [(cell: MapPoint, outward: MapDirection)]) -> [MapPoint]? {
        guard !ends.isEmpty else { return nil }
        let goals = Dictionary(ends.map { (index($0.cell), $0.outward.opposite) }, uniquingKeysWith: { first, _ in first })
        var search = Search(cells: width * height)
        for port in ports(of: source) {
            search.open(state: state(index(port.cell), port.outward), cost: cost(of: index(port.cell), moving: port.outward),
                        estimate: distance(from: port.cell, to: target), from: nil)
        }
        while let current = search.next() {
            let cell = current / 4, moving = MapDirection(rawValue: current % 4)!
            if goals[cell] == moving { return commit(search.path(to: current)) }
            let point = MapPoint(x: cell % width, y: cell / width)
            // A line leaves its box straight for two cells before it may turn.
            let leaving = search.isStart(current)
            for direction in MapDirection.allCases where direction != moving.opposite && (!leaving || direction == moving) {
                let next = MapPoint(x: point.x + direction.step.dx, y: point.y + direction.step.dy)
                guard next.x >= 0, next.x < width, next.y >= 0, next.y < height, !blocked[index(next)] else { continue }
                let step = 1 + (direction == moving ? 0 : Self.turnCost) + cost(of: index(next), moving: direction)
                search.open(
                    state: state(index(next), direction), cost: search.cost(of: current) + step,
                    estimate: distance(from: next, to: target), from: current)
            }
        }
        return nil
    }

    /// Records a found line: its end becomes an arrow no other line may take, its cells lines
    /// that others had better not run along.
    private mutating func commit(_ states: [Int]) -> [MapPoint] {
        let points = states.map { MapPoint(x: ($0 / 4) % width, y: ($0 / 4) / width) }
        for (position, state) in states.enumerated() {
            let cell = state / 4
            var directions = [MapDirection(rawValue: state % 4)!]
            if position + 1 < states.count { directions.append(MapDirection(rawValue: states[position + 1] % 4)!) }
            if directions.contains(where: \.isHorizontal) { alongRow[cell] += 1 }
            if directions.contains(where: { !$0.isHorizontal }) { alongColumn[cell] += 1 }
        }
        if let last = states.last { blocked[last / 4] = true }
        return points
    }

    /// The cells straight out of a box's sides (corners excluded) that are free, each with
    /// the direction that leads away from the box.
    private func ports(of box: MapRect) -> [(cell: MapPoint, outward: MapDirection)] {
        let rows = (box.y + 1)..<(box.maxY - 1), columns = (box.x + 1)..<(box.maxX - 1)
        let sides: [(MapPoint, MapDirection)] =
            rows.map { (MapPoint(x: box.maxX, y: $0), .right) } + rows.map { (MapPoint(x: box.x - 1, y: $0), .left) }
            + columns.map { (MapPoint(x: $0, y: box.maxY), .down) } + columns.map { (MapPoint(x: $0, y: box.y - 1), .up) }
        return sides.filter { cell, _ in
            cell.x >= 0 && cell.x < width && cell.y >= 0 && cell.y < height && !blocked[index(cell)]
        }
    }

    /// What entering `cell` while `moving` adds to a line's cost.
    private func cost(of cell: Int, moving: MapDirection) -> Int {
        let along = moving.isHorizontal ? alongRow[cell] : alongColumn[cell]
        let across = moving.isHorizontal ? alongColumn[cell] : alongRow[cell]
        return (nearBox[cell] ? Self.nearBoxCost : 0) + along * Self.sharingCost + (across > 0 ? Self.crossingCost : 0)
    }

    /// Steps from `point` to the ring of cells around `box`: a lower bound of any line's cost.
    private func distance(from point: MapPoint, to box: MapRect) -> Int {
        let dx = max(box.x - 1 - point.x, 0, point.x - box.maxX)
        let dy = max(box.y - 1 - point.y, 0, point.y - box.maxY)
        return dx + dy
    }

    private func index(_ point: MapPoint) -> Int { point.y * width + point.x }
    private func state(_ cell: Int, _ moving: MapDirection) -> Int { cell * 4 + moving.rawValue }
}

/// The open states of one A* search (a cell and the direction it was entered in), cheapest
/// estimate first, ties in the order they were opened.
private struct Search {
    private var best: [Int]
    private var previous: [Int]
    private var closed: [Bool]
    private var heap: [(estimate: Int, order: Int, state: Int)] = []
    private var opened = 0

    init(cells: Int) {
        best = Array(repeating: .max, count: cells * 4)
        previous = Array(repeating: -1, count: cells * 4)
        closed = Array(repeating: false, count: cells * 4)
    }

    func cost(of state: Int) -> Int { best[state] }

    /// Whether `state` is one the search started from.
    func isStart(_ state: Int) -> Bool { previous[state] < 0 }

    /// Offers `state` at `cost`; kept when cheaper than any way to it found before.
    mutating func open(state: Int, cost: Int, estimate: Int, from: Int?) {
        guard !closed[state], cost < best[state] else { return }
        best[state] = cost
        previous[state] = from ?? -1
        opened += 1
        heap.append((cost + estimate, opened, state))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// The cheapest open state not yet expanded, which it closes.
    mutating func next() -> Int? {
        while !heap.isEmpty {
            let top = heap[0]
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var first = parent
                if left < heap.count, Self.precedes(heap[left], heap[first]) { first = left }
                if right < heap.count, Self.precedes(heap[right], heap[first]) { first = right }
                guard first != parent else { break }
                heap.swapAt(parent, first)
                parent = first
            }
            guard !closed[top.state] else { continue }
            closed[top.state] = true
            return top.state
        }
        return nil
    }

    /// The states from a start to `state`.
    func path(to state: Int) -> [Int] {
        var states = [state]
        while previous[states[states.count - 1]] >= 0 { states.append(previous[states[states.count - 1]]) }
        return states.reversed()
    }

    private static func precedes(_ lhs: (estimate: Int, order: Int, state: Int), _ rhs: (estimate: Int, order: Int, state: Int)) -> Bool {
        (lhs.estimate, lhs.order) < (rhs.estimate, rhs.order)
    }
}
