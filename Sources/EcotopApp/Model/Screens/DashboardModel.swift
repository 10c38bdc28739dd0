import EcotopCore
import EcotopEngine

/// The family panes: the newest snapshot, which pane has focus and which metric each pane
/// has selected. Selection follows the metric, not the row number, so it survives reloads and
/// configuration changes that reorder a pane.
public struct DashboardModel: Sendable {
    /// The newest data; nil until the first read finishes.
    public var snapshot: EcosystemSnapshot?
    /// The integrations' health over the last hour, for the header; nil until measured.
    public var integrationHealth: IntegrationHealth?
    /// Why the last read failed; the last snapshot stays on screen beside it.
    public var error: LoadFailure?
    public var focus: MetricFamily
    /// The selected metric of each family's pane; the first metric when absent.
    public var selection: [MetricFamily: MetricID] = [:]
    /// The `/` filter over every pane's metrics (by id, title, family and status).
    public var list = ListState()

    public init(focus: MetricFamily) {
        self.focus = focus
    }

    /// The metrics `family`'s pane shows: those of the catalog the filter keeps.
    public func visibleMetrics(in family: MetricFamily, catalog: MetricCatalog) -> [MetricDefinition] {
        let metrics = catalog.metrics(in: family)
        guard !list.filter.isEmpty else { return metrics }
        let matcher = list.filter.matcher()
        let statuses = Dictionary(
            (snapshot?.summaries ?? []).map { ($0.definition.id, $0.status.label) }, uniquingKeysWith: { first, _ in first })
        return metrics.filter { metric in
            matcher.keeps("\(metric.id) \(metric.title) \(metric.shortTitle) \(family.title) \(statuses[metric.id] ?? "")")
        }
    }

    /// The selected metric of `family`'s pane in `catalog`.
    public func selectedMetric(in family: MetricFamily, catalog: MetricCatalog) -> MetricDefinition? {
        let metrics = visibleMetrics(in: family, catalog: catalog)
        return metrics.first { $0.id == selection[family] } ?? metrics.first
    }

    /// The row of the selected metric in `family`'s pane.
    public func selectedRow(in family: MetricFamily, catalog: MetricCatalog) -> Int {
        let metrics = visibleMetrics(in: family, catalog: catalog)
        return metrics.firstIndex { $0.id == selection[family] } ?? 0
    }

    /// Moves the focused pane's selection `step` rows, stopping at the ends.
    mutating func moveSelection(by step: Int, catalog: MetricCatalog) {
        let metrics = visibleMetrics(in: focus, catalog: catalog)
        guard !metrics.isEmpty else { return }
        let row = min(max(0, selectedRow(in: focus, catalog: catalog) + step), metrics.count - 1)
        selection[focus] = metrics[row].id
    }

    /// Selects row `row` of the focused pane's list; a row past its end changes nothing.
    mutating func selectRow(_ row: Int, catalog: MetricCatalog) {
        let metrics = visibleMetrics(in: focus, catalog: catalog)
        guard metrics.indices.contains(row) else { return }
        selection[focus] = metrics[row].id
    }

    /// Focuses the pane `step` places after the focused one, wrapping around.
    mutating func moveFocus(by step: Int, catalog: MetricCatalog) {
        let families = catalog.families
        guard !families.isEmpty else { return }
        let index = families.firstIndex(of: focus) ?? 0
        focus = families[(index + step % families.count + families.count) % families.count]
    }

    mutating func receive(_ snapshot: EcosystemSnapshot, integrationHealth: IntegrationHealth?) {
        self.snapshot = snapshot
        if let integrationHealth { self.integrationHealth = integrationHealth }
        error = nil
    }
}
