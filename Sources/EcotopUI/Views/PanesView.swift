import EcotopApp
import EcotopCore
import EcotopEngine

/// The family panes of the catalog: a grid when there is room, else a stack scrolled to the
/// focused pane.
struct PanesView {
    let model: AppModel
    let layout: DashboardLayout
    let context: ViewContext

    /// Draws the panes and returns how many stacked panes lie below the view.
    func render(buffer: inout FrameBuffer) -> Int {
        let panes = layout.paneRects()
        if layout.isGrid {
            for (family, rect) in panes { pane(family).render(in: rect, buffer: &buffer) }
            return 0
        }
        let stackHeight = panes.map(\.rect.maxY).max().map { $0 - layout.body.y } ?? 0
        var stack = FrameBuffer(size: Size(width: layout.body.width, height: stackHeight))
        stack.fill(stack.area, style: context.theme.style(.text))
        for (family, rect) in panes {
            let local = Rect(x: rect.x - layout.body.x, y: rect.y - layout.body.y, width: rect.width, height: rect.height)
            pane(family).render(in: local, buffer: &stack)
        }
        let offset = layout.scrollOffset(focus: model.dashboard.focus)
        buffer.paste(stack, from: (0, offset), into: layout.body)
        return panes.filter { $0.rect.y - offset >= layout.body.maxY }.count
    }

    /// The pane's summaries the `/` filter keeps.
    private func visibleSummaries(of family: MetricFamily) -> [MetricSummary] {
        let dashboard = model.dashboard
        let summaries = dashboard.snapshot?.summaries(in: family) ?? []
        guard !dashboard.list.filter.isEmpty else { return summaries }
        let visible = Set(dashboard.visibleMetrics(in: family, catalog: model.catalog).map(\.id))
        return summaries.filter { visible.contains($0.definition.id) }
    }

    private func pane(_ family: MetricFamily) -> FamilyPaneView {
        let dashboard = model.dashboard
        return FamilyPaneView(
            family: family, position: model.catalog.families.firstIndex(of: family) ?? 0,
            summaries: visibleSummaries(of: family),
            score: dashboard.snapshot?.health.families[family],
            selectedRow: dashboard.selectedRow(in: family, catalog: model.catalog),
            isFocused: family == dashboard.focus, error: dashboard.error, annotations: dashboard.snapshot?.annotations ?? [],
            filter: dashboard.list.filter.isEmpty || dashboard.snapshot == nil ? nil : dashboard.list.filter, context: context)
    }
}
