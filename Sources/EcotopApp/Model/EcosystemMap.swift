import EcotopCore
import EcotopEngine

/// What the map screen shows, read once per refresh: the ecosystem in force, its
/// integrations over the range (the errors drill-down's own report, so the map, the errors
/// screen and the header never disagree), and where each component and integration is drawn.
public struct EcosystemMap: Sendable {
    public var ecosystem: Ecosystem
    public var report: IntegrationErrorsReport
    public var layout: MapLayout

    /// The cells a latency label takes on its line (`1250ms` and a space either side).
    public static let latencyLabelWidth = 8

    /// The map of `ecosystem` with `report`'s integrations; `previous` is reused when it was
    /// laid out for the same components and integrations (laying out is the costly part).
    public init(ecosystem: Ecosystem, report: IntegrationErrorsReport, reusing previous: MapLayout? = nil) {
        self.ecosystem = ecosystem
        self.report = report
        let latencies = Dictionary(report.integrations.map { ($0.id, $0.p95LatencyMilliseconds) }, uniquingKeysWith: { first, _ in first })
        let nodes = ecosystem.components.map { MapLayout.Node(id: $0.id, isHub: $0.role == .hub) }
        let edges = ecosystem.integrations.map { integration in
            MapLayout.Edge(
                from: integration.from, to: integration.to, isCritical: integration.isCritical,
                labelWidth: (latencies[integration.id] ?? nil) == nil ? 0 : Self.latencyLabelWidth)
        }
        if let previous, previous.nodes == nodes, previous.edges == edges {
            layout = previous
        } else {
            layout = MapLayout(nodes: nodes, edges: edges)
        }
    }

    /// The integrations that send data to or receive data from `component`, in the report's
    /// order (unhealthy critical ones first).
    public func integrations(of component: String) -> [IntegrationErrorSummary] {
        report.integrations.filter { $0.integration.from == component || $0.integration.to == component }
    }

    /// The summary of one integration over the range.
    public func summary(of integration: String) -> IntegrationErrorSummary? {
        report.integrations.first { $0.id == integration }
    }

    /// The partners that provide or operate `component`.
    public func partners(of component: String) -> [Partner] {
        ecosystem.partners.filter { $0.components.contains(component) }
    }

    /// Whether no integration reaches `component`: a tool that only shares a login.
    public func isIsolated(_ component: String) -> Bool {
        !ecosystem.integrations.contains { $0.from == component || $0.to == component }
    }
}
