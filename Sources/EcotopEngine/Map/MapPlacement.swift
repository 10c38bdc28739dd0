/// Which slot of the map's grid each component takes: hubs first, in the middle; then, one
/// at a time, the component with the most integrations to those already placed, in the free
/// slot nearest to them; components without an integration last, in the slots farthest from
/// the middle. Ties go to the earlier component and the earlier slot (row by row), so the
/// same input always gets the same grid.
enum MapPlacement {
    /// An edge between two nodes, by their positions.
    struct Link {
        var edge: Int
        var from: Int
        var to: Int
    }

    /// Each node's slot (column `x`, row `y`) on a grid of `columns` by `rows`, which must
    /// have a slot for every node.
    static func slots(nodes: [MapLayout.Node], links: [Link], columns: Int, rows: Int) -> [MapPoint] {
        let count = nodes.count
        guard count > 0 else { return [] }
        var neighbours = [[Int]](repeating: [], count: count)
        for link in links {
            neighbours[link.from].append(link.to)
            neighbours[link.to].append(link.from)
        }
        let centre = (x: Double(columns - 1) / 2, y: Double(rows - 1) / 2)
        let grid = (0..<rows).flatMap { y in (0..<columns).map { x in MapPoint(x: x, y: y) } }
        func fromCentre(_ slot: MapPoint) -> Double { abs(Double(slot.x) - centre.x) + abs(Double(slot.y) - centre.y) }

        var slot = [MapPoint?](repeating: nil, count: count)
        var taken = Set<MapPoint>()
        for node in placingOrder(nodes: nodes, neighbours: neighbours) {
            let placed = neighbours[node].compactMap { slot[$0] }
            let isolated = neighbours[node].isEmpty
            var best: (cost: Double, slot: MapPoint)?
            for candidate in grid where !taken.contains(candidate) {
                let distance = placed.reduce(0) { $0 + abs($1.x - candidate.x) + abs($1.y - candidate.y) }
                let cost = isolated ? -fromCentre(candidate) : 4 * Double(distance) + fromCentre(candidate)
                if let best, best.cost <= cost { continue }
                best = (cost, candidate)
            }
            guard let chosen = best?.slot else { break }
            slot[node] = chosen
            taken.insert(chosen)
        }
        return slot.map { $0 ?? MapPoint(x: 0, y: 0) }
    }

    /// Hubs by how many integrations they have; then the node most connected to those placed
    /// (more integrations overall breaking ties); isolated nodes last.
    private static func placingOrder(nodes: [MapLayout.Node], neighbours: [[Int]]) -> [Int] {
        let hubs = nodes.indices.filter { nodes[$0].isHub }.sorted { (neighbours[$0].count, $1) > (neighbours[$1].count, $0) }
        var order = hubs
        var placed = Set(hubs)
        var remaining = nodes.indices.filter { !placed.contains($0) && !neighbours[$0].isEmpty }
        while !remaining.isEmpty {
            var best = 0
            var bestKey = (-1, -1)
            for (position, node) in remaining.enumerated() {
                let key = (neighbours[node].count { placed.contains($0) }, neighbours[node].count)
                if key > bestKey {
                    bestKey = key
                    best = position
                }
            }
            let node = remaining.remove(at: best)
            order.append(node)
            placed.insert(node)
        }
        return order + nodes.indices.filter { !placed.contains($0) && neighbours[$0].isEmpty }
    }
}
