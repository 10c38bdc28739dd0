import EcotopEngine
import EcotopTestSupport
import Testing

/// The ecosystem map's layout: its guarantees over generated ecosystems, its size, and its
/// navigation.
@Suite struct MapLayoutTests {
    /// The map pane's inside at 160x48: the body's 45 rows less the details' 10 and two borders.
    static let viewAt160x48 = (width: 158, height: 33)

    @Test func generatedEcosystemsOfUpTo30ComponentsFitAt160x48WithoutOverlaps() {
        let seed = TestSeed(of: "map layout")
        var generator = seed.generator()
        for count in 1...30 {
            for _ in 0..<3 {
                let (nodes, edges) = Self.ecosystem(components: count, using: &generator)
                let layout = MapLayout(nodes: nodes, edges: edges)
                Self.expectSound(layout, "\(count) components, \(seed)")
                #expect(layout.width <= Self.viewAt160x48.width && layout.height <= Self.viewAt160x48.height, "\(seed)")
            }
        }
    }

    @Test func largerEcosystemsGrowDownwardsAndStaySound() {
        let seed = TestSeed(of: "large map layout")
        var generator = seed.generator()
        let (nodes, edges) = Self.ecosystem(components: 60, using: &generator)
        let layout = MapLayout(nodes: nodes, edges: edges)
        Self.expectSound(layout, "\(seed)")
        #expect(layout.height > Self.viewAt160x48.height, "60 components need more rows than 160x48 shows")
        #expect(layout.width <= Self.viewAt160x48.width)
    }

    @Test func theSameInputGetsTheSameLayout() {
        var first = SeededGenerator(seed: 7), second = SeededGenerator(seed: 7)
        let one = Self.ecosystem(components: 20, using: &first), other = Self.ecosystem(components: 20, using: &second)
        #expect(MapLayout(nodes: one.nodes, edges: one.edges) == MapLayout(nodes: other.nodes, edges: other.edges))
    }

    @Test func theBusiestHubSitsInTheMiddleAndIsolatedComponentsAtTheEdge() throws {
        let nodes = [MapLayout.Node(id: "lonely", isHub: false), MapLayout.Node(id: "crm", isHub: true)]
            + (1...8).map { MapLayout.Node(id: "app\($0)", isHub: false) }
        let edges = (1...8).map { MapLayout.Edge(from: "crm", to: "app\($0)") }
        let layout = MapLayout(nodes: nodes, edges: edges)
        let hub = try #require(layout.box(of: "crm")), lonely = try #require(layout.box(of: "lonely"))
        let middle = (x: layout.width / 2, y: layout.height / 2)
        func distance(_ box: MapRect) -> Int { abs(box.x + box.width / 2 - middle.x) + abs(box.y + box.height / 2 - middle.y) }
        for box in layout.boxes where box != hub { #expect(distance(hub) <= distance(box)) }
        for box in layout.boxes where box != lonely { #expect(distance(lonely) >= distance(box)) }
    }

    @Test func arrowKeysMoveToTheNearestBoxThatWay() throws {
        let nodes = (0..<9).map { MapLayout.Node(id: "n\($0)", isHub: false) }
        let layout = MapLayout(nodes: nodes, edges: [])
        for node in nodes {
            let box = try #require(layout.box(of: node.id))
            if let right = layout.neighbour(of: node.id, toward: .right) {
                let other = try #require(layout.box(of: right))
                #expect(other.x > box.x)
                #expect(other.y == box.y, "a box on the same row is nearer than one a row away")
            } else {
                #expect(!layout.boxes.contains { $0.x > box.x && $0.y == box.y })
            }
            if let below = layout.neighbour(of: node.id, toward: .down) { #expect(try #require(layout.box(of: below)).y > box.y) }
            if let left = layout.neighbour(of: node.id, toward: .left) { #expect(try #require(layout.box(of: left)).x < box.x) }
        }
    }

    @Test func edgesToUnknownOrTheSameComponentAreLeftOut() {
        let nodes = [MapLayout.Node(id: "a", isHub: true), MapLayout.Node(id: "b", isHub: false)]
        let edges = [MapLayout.Edge(from: "a", to: "ghost"), MapLayout.Edge(from: "a", to: "a"), MapLayout.Edge(from: "a", to: "b")]
        let layout = MapLayout(nodes: nodes, edges: edges)
        #expect(layout.routes.map(\.edge) == [2])
        #expect(MapLayout(nodes: [], edges: edges).boxes.isEmpty)
    }

    // MARK: - Support

    /// Boxes apart and inside the canvas; every line from beside its source to beside its
    /// target, cell by cell, through no box; labels on no box, no other label, no line's end.
    static func expectSound(_ layout: MapLayout, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let canvas = MapRect(x: 0, y: 0, width: layout.width, height: layout.height)
        for (index, box) in layout.boxes.enumerated() {
            #expect(canvas.contains(MapPoint(x: box.x, y: box.y)) && box.maxX <= layout.width && box.maxY <= layout.height,
                    "box outside the canvas, \(context)", sourceLocation: sourceLocation)
            for other in layout.boxes[(index + 1)...] {
                #expect(!box.intersects(other), "boxes overlap, \(context)", sourceLocation: sourceLocation)
            }
        }
        let routable = layout.edges.enumerated().filter { _, edge in
            edge.from != edge.to && layout.box(of: edge.from) != nil && layout.box(of: edge.to) != nil
        }
        #expect(layout.routes.map(\.edge) == routable.map(\.offset), "every edge routed, \(context)", sourceLocation: sourceLocation)
        var ends = Set<MapPoint>()
        for route in layout.routes {
            let edge = layout.edges[route.edge]
            guard let first = route.points.first, let last = route.points.last,
                  let source = layout.box(of: edge.from), let target = layout.box(of: edge.to) else { continue }
            #expect(isBeside(first, source) && isBeside(last, target), "line ends, \(context)", sourceLocation: sourceLocation)
            #expect(!ends.contains(last), "two arrows in one cell, \(context)", sourceLocation: sourceLocation)
            ends.insert(last)
            for (point, next) in zip(route.points, route.points.dropFirst()) {
                #expect(abs(point.x - next.x) + abs(point.y - next.y) == 1, "line broken, \(context)", sourceLocation: sourceLocation)
            }
            for point in route.points {
                #expect(canvas.contains(point) && !layout.boxes.contains { $0.contains(point) },
                        "line through a box, \(context)", sourceLocation: sourceLocation)
            }
        }
        let lineEnds = Set(layout.routes.flatMap { [$0.points.first, $0.points.last].compactMap { $0 } })
        for (index, label) in layout.labels.enumerated() {
            #expect(label.rect.x >= 0 && label.rect.maxX <= layout.width, "label outside, \(context)", sourceLocation: sourceLocation)
            #expect(!layout.boxes.contains { $0.intersects(label.rect) }, "label on a box, \(context)", sourceLocation: sourceLocation)
            #expect(!lineEnds.contains { label.rect.contains($0) }, "label on an arrow, \(context)", sourceLocation: sourceLocation)
            for other in layout.labels[(index + 1)...] {
                #expect(!label.rect.intersects(other.rect), "labels overlap, \(context)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Whether `point` is straight out of one of `box`'s sides, not off a corner.
    static func isBeside(_ point: MapPoint, _ box: MapRect) -> Bool {
        let alongRows = point.y > box.y && point.y < box.maxY - 1 && (point.x == box.x - 1 || point.x == box.maxX)
        let alongColumns = point.x > box.x && point.x < box.maxX - 1 && (point.y == box.y - 1 || point.y == box.maxY)
        return alongRows || alongColumns
    }

    /// `count` components, a few of them hubs, with integrations mostly from hubs to
    /// endpoints, some between endpoints, some both ways, some components with none; about
    /// half the integrations labelled.
    static func ecosystem(components count: Int, using generator: inout some RandomNumberGenerator) -> (nodes: [MapLayout.Node], edges: [MapLayout.Edge]) {
        let hubs = max(1, count / 6)
        let nodes = (0..<count).map { MapLayout.Node(id: "c\($0)", isHub: $0 < hubs) }
        var edges: [MapLayout.Edge] = []
        for index in hubs..<count where Int.random(in: 0..<8, using: &generator) > 0 {
            let hub = Int.random(in: 0..<hubs, using: &generator)
            let outward = Bool.random(using: &generator)
            edges.append(MapLayout.Edge(
                from: "c\(outward ? hub : index)", to: "c\(outward ? index : hub)", isCritical: Int.random(in: 0..<4, using: &generator) == 0,
                labelWidth: Bool.random(using: &generator) ? 8 : 0))
        }
        for _ in 0..<(count / 3) {
            let from = Int.random(in: 0..<count, using: &generator), to = Int.random(in: 0..<count, using: &generator)
            edges.append(MapLayout.Edge(from: "c\(from)", to: "c\(to)", labelWidth: Bool.random(using: &generator) ? 8 : 0))
        }
        return (nodes, edges)
    }
}
