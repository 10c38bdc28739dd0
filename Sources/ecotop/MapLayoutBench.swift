import ArgumentParser
import EcotopCore
import EcotopEngine
import EcotopUI

/// `ecotop bench map-layout`: how long the ecosystem map's layout takes (placing the boxes,
/// routing every line, placing the labels), which the loader computes off the input thread
/// whenever the ecosystem's components or integrations change.
struct MapLayoutBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map-layout",
        abstract: "Lay out the demo's map, or a generated one of N components, and print the time per layout."
    )

    @Option(help: "Components of a generated ecosystem (a hub per six, each endpoint fed by one or two hubs); 0 for the demo's.")
    var components = 0
    @Option(help: "Layouts to time.") var repetitions = 20

    func run() throws {
        let (nodes, edges) = components > 0 ? Self.generated(components) : Self.demo
        let clock = ContinuousClock()
        var layout: MapLayout?
        let elapsed = clock.measure {
            for _ in 0..<max(1, repetitions) { layout = MapLayout(nodes: nodes, edges: edges) }
        }
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1_000
        let routed = layout?.routes.count ?? 0
        print("\(nodes.count) components, \(routed)/\(edges.count) lines routed, \(layout?.width ?? 0)x\(layout?.height ?? 0) cells: "
              + "\(NumberFormat.fixed(milliseconds / Double(max(1, repetitions)), decimals: 2)) ms per layout")
    }

    private static var demo: ([MapLayout.Node], [MapLayout.Edge]) {
        let ecosystem = Ecosystem.demo
        return (
            ecosystem.components.map { MapLayout.Node(id: $0.id, isHub: $0.role == .hub) },
            ecosystem.integrations.map { MapLayout.Edge(from: $0.from, to: $0.to, isCritical: $0.isCritical, labelWidth: 8) }
        )
    }

    private static func generated(_ count: Int) -> ([MapLayout.Node], [MapLayout.Edge]) {
        let hubs = max(1, count / 6)
        let nodes = (0..<count).map { MapLayout.Node(id: "c\($0)", isHub: $0 < hubs) }
        let edges = (hubs..<max(hubs, count)).flatMap { index in
            let first = MapLayout.Edge(from: "c\(index % hubs)", to: "c\(index)", isCritical: index % 5 == 0, labelWidth: 8)
            let second = MapLayout.Edge(from: "c\(index)", to: "c\((index + 1) % hubs)", labelWidth: 8)
            return index % 4 == 0 && hubs > 1 ? [first, second] : [first]
        }
        return (nodes, edges)
    }
}
