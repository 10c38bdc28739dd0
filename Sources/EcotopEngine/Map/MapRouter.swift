/// Routes the map's lines one at a time over the cells of the canvas (A* search): a line
/// leaves its source box straight out of one side, never enters a box, and ends in a free
/// cell straight in front of its target box, where its arrow goes. It prefers few turns,
/// crossing other lines to running along them, and keeping off the cells next to boxes;
/// lines from the same box may share their way out, branching like a tree.
struct MapRouter {
    let width: Int
    let height: Int
    private let boxes: [MapRect]
    /// Box cells and the arrow cells of the lines routed so far.
    private var blocked: [Bool]
    /// Cells next to a box.
    private var nearBox: [Bool]
    /// Whose lines run along each cell's row and column: `free`, the source box's
    /// position, or `shared` by lines from several boxes.
    private var rowOwner: [Int]
    private var columnOwner: [Int]
    /// The search's state, kept from line to line: clearing what one search touched costs
    /// far less than a fresh canvas-sized search per line on a large map.
    private var frontier: Search
    private static let free = -1, shared = -2

    static let turnCost = 3
    static let nearBoxCost = 3
    static let crossingCost = 2
    static let sharingCost = 12

    init(width: Int, height: Int, boxes: [MapRect]) {
        self.width = width
        self.height = height
        self.boxes = boxes
        let cells = width * height
        blocked = Array(repeating: false, count: cells)
        nearBox = Array(repeating: false, count: cells)
        rowOwner = Array(repeating: Self.free, count: cells)
        columnOwner = Array(repeating: Self.free, count: cells)
        frontier = Search(cells: cells)
        for box in boxes {
            for y in max(0, box.y - 1)..<min(height, box.maxY + 1) {
                for x in max(0, box.x - 1)..<min(width, box.maxX + 1) {
                    if box.contains(MapPoint(x: x, y: y)) { blocked[y * width + x] = true } else { nearBox[y * width + x] = true }
                }
            }
        }
    }

    /// The cheapest line from the box at position `source` to the one at `target`, which
    /// the routes after it then avoid ending on and prefer not to run along; nil when no
    /// free cell lets it through.
    mutating func route(from source: Int, to target: Int) -> [MapPoint]? {
        // An arrow goes where no line runs yet, as it would cut that line in two; unless
        // lines run past every side of the target.
        let ports = ports(of: boxes[target])
        let free = ports.filter { rowOwner[index($0.cell)] == Self.free && columnOwner[index($0.cell)] == Self.free }
        return search(from: source, to: boxes[target], goals: free) ?? search(from: source, to: boxes[target], goals: ports)
    }

    private mutating func search(from source: Int, to target: MapRect, goals ends: [(cell: MapPoint, outward: MapDirection)]) -> [MapPoint]? {
        guard !ends.isEmpty else { return nil }
        let goals = Dictionary(ends.map { (index($0.cell), $0.outward.opposite) }, uniquingKeysWith: { first, _ in first })
        frontier.reset()
        for port in ports(of: boxes[source]) {
            frontier.open(
                state: state(index(port.cell), port.outward), cost: cost(of: index(port.cell), moving: port.outward, from: source),
                estimate: distance(from: port.cell, to: target), from: nil)
        }
        while let current = frontier.next() {
            let cell = current / 4, moving = MapDirection(rawValue: current % 4)!
            if goals[cell] == moving { return commit(frontier.path(to: current), from: source) }
            let point = MapPoint(x: cell % width, y: cell / width)
            // A line leaves its box straight for two cells before it may turn.
            let leaving = frontier.isStart(current)
            for direction in MapDirection.allCases where direction != moving.opposite && (!leaving || direction == moving) {
                let next = MapPoint(x: point.x + direction.step.dx, y: point.y + direction.step.dy)
                guard next.x >= 0, next.x < width, next.y >= 0, next.y < height, !blocked[index(next)] else { continue }
                let step = 1 + (direction == moving ? 0 : Self.turnCost) + cost(of: index(next), moving: direction, from: source)
                frontier.open(
                    state: state(index(next), direction), cost: frontier.cost(of: current) + step,
                    estimate: distance(from: next, to: target), from: current)
            }
        }
        return nil
    }

    /// Records a found line: its end becomes an arrow no other line may take, its cells lines
    /// that others had better not run along.
    private mutating func commit(_ states: [Int], from source: Int) -> [MapPoint] {
        let points = states.map { MapPoint(x: ($0 / 4) % width, y: ($0 / 4) / width) }
        func claim(_ owner: Int) -> Int { owner == Self.free || owner == source ? source : Self.shared }
        for (position, state) in states.enumerated() {
            let cell = state / 4
            var directions = [MapDirection(rawValue: state % 4)!]
            if position + 1 < states.count { directions.append(MapDirection(rawValue: states[position + 1] % 4)!) }
            if directions.contains(where: \.isHorizontal) { rowOwner[cell] = claim(rowOwner[cell]) }
            if directions.contains(where: { !$0.isHorizontal }) { columnOwner[cell] = claim(columnOwner[cell]) }
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

    /// What entering `cell` while `moving` adds to a line from the box at `source`: running
    /// along or crossing its own box's lines costs nothing.
    private func cost(of cell: Int, moving: MapDirection, from source: Int) -> Int {
        let along = moving.isHorizontal ? rowOwner[cell] : columnOwner[cell]
        let across = moving.isHorizontal ? columnOwner[cell] : rowOwner[cell]
        let sharing = along == Self.free || along == source ? 0 : Self.sharingCost
        let crossing = across == Self.free || across == source ? 0 : Self.crossingCost
        return (nearBox[cell] ? Self.nearBoxCost : 0) + sharing + crossing
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
    /// The states given a cost since the last reset.
    private var touched: [Int] = []

    init(cells: Int) {
        best = Array(repeating: .max, count: cells * 4)
        previous = Array(repeating: -1, count: cells * 4)
        closed = Array(repeating: false, count: cells * 4)
    }

    /// Forgets the last search, ready for the next.
    mutating func reset() {
        for state in touched {
            best[state] = .max
            previous[state] = -1
            closed[state] = false
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        opened = 0
    }

    func cost(of state: Int) -> Int { best[state] }

    /// Whether `state` is one the search started from.
    func isStart(_ state: Int) -> Bool { previous[state] < 0 }

    /// Offers `state` at `cost`; kept when cheaper than any way to it found before.
    mutating func open(state: Int, cost: Int, estimate: Int, from: Int?) {
        guard !closed[state], cost < best[state] else { return }
        if best[state] == .max { touched.append(state) }
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
