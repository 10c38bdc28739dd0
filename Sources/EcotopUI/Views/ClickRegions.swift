import EcotopApp
import EcotopCore

/// Where the clickable parts of a frame are drawn, as plain values: the family panes with
/// their list rows, and the footer's key hints. `ClickRegions(model:size:appearance:)` computes
/// them with the same layout `DashboardView` draws with, so the model's mouse handling
/// (`MouseInput`) needs no view.
public struct ClickRegions: Sendable, Equatable {
    /// A family pane as it is on screen.
    public struct PaneRegion: Sendable, Equatable {
        /// The pane's place in the catalog (`Command.focusFamily`).
        public var position: Int
        /// The pane on screen, clipped to the body.
        public var rect: Rect
        /// The rows of its list on screen, clipped to the body.
        public var rows: Rect
        /// The list row drawn on the first row of `rows` (the list scrolls to its selection).
        public var firstRow: Int
        /// How many list rows the pane has.
        public var rowCount: Int
    }

    /// A footer hint: where it is drawn and the key it stands for.
    public struct HintRegion: Sendable, Equatable {
        public var columns: Range<Int>
        public var row: Int
        public var key: Key
    }

    public var panes: [PaneRegion] = []
    public var hints: [HintRegion] = []

    public init(panes: [PaneRegion] = [], hints: [HintRegion] = []) {
        self.panes = panes
        self.hints = hints
    }

    /// The regions of the frame `DashboardView.render` draws for `model` on a terminal of `size`.
    public init(model: AppModel, size: Size, appearance: Appearance) {
        let layout = DashboardLayout(size: size, panes: model.catalog.families.map { ($0, model.catalog.metrics(in: $0).count) })
        guard !layout.isTooSmall else { return }
        let context = ViewContext(model: model, appearance: appearance)
        let footer = FooterView.of(model, context: context)
        hints = footer.hintPlacements(in: layout.footer).compactMap { placement in
            FooterView.key(forHint: placement.label).map { HintRegion(columns: placement.columns, row: layout.footer.y, key: $0) }
        }
        guard model.topScreen == nil, model.help == nil else { return }
        panes = Self.panes(of: model, in: layout)
    }

    /// The panes where `PanesView` draws them: scrolled in a stack, with each list scrolled
    /// as `Table` scrolls it (to the selection, in the focused pane only).
    private static func panes(of model: AppModel, in layout: DashboardLayout) -> [PaneRegion] {
        let offset = layout.scrollOffset(focus: model.dashboard.focus)
        let dashboard = model.dashboard
        return layout.paneRects().compactMap { family, rect in
            let shown = Rect(x: rect.x, y: rect.y - offset, width: rect.width, height: rect.height)
            let clipped = shown.intersection(layout.body)
            guard !clipped.isEmpty, let position = model.catalog.families.firstIndex(of: family) else { return nil }
            let rowCount = dashboard.visibleMetrics(in: family, catalog: model.catalog).count
            let table = Pane.inner(shown).inset(horizontal: 1).top(rowCount + 1).dropTop(1)
            let selected = family == dashboard.focus ? min(dashboard.selectedRow(in: family, catalog: model.catalog), rowCount - 1) : 0
            return PaneRegion(
                position: position, rect: clipped, rows: table.intersection(layout.body),
                firstRow: max(0, selected - table.height + 1) + max(0, layout.body.y - table.y), rowCount: rowCount)
        }
    }
}
