import EcotopApp
import EcotopCore

/// Where the clickable parts of a frame are drawn, as plain values: the family panes with
/// their list rows, the list of the screen on top, the map's components, and the footer's key
/// hints. `ClickRegions(model:size:appearance:)` computes them with the same layout the views
/// draw with, so the model's mouse handling (`MouseInput`) needs no view.
public struct ClickRegions: Sendable, Equatable {
    /// The rows of a list as they are on screen.
    public struct ListRegion: Sendable, Equatable {
        /// Where the list's rows are drawn, one list row per row of the rectangle.
        public var rows: Rect
        /// The list row drawn on the first row of `rows` (a list scrolls to its selection).
        public var firstRow: Int
        /// How many rows the list has.
        public var rowCount: Int

        /// A list of `rowCount` rows drawn in `rows` from row `firstRow` on.
        public init(rows: Rect, firstRow: Int, rowCount: Int) {
            self.rows = rows
            self.firstRow = firstRow
            self.rowCount = rowCount
        }

        /// The rows of a `Table` with a header drawn in `area`, with `count` rows and the row
        /// `selected` (which it scrolls to).
        init(table area: Rect, count: Int, selected: Int?) {
            let body = area.dropTop(1)
            let first = Table.firstRow(selected: selected.map { min($0, count - 1) }, height: body.height)
            self.init(rows: body.top(max(0, count - first)), firstRow: first, rowCount: count)
        }

        /// The rows of a `Table` drawn in `area` that lists `visible`, selected as `state`
        /// says; nil when the list is empty (and the view draws a note instead).
        init?<Row>(table area: Rect, listing visible: [Row], state: ListState, as list: ListDescription<Row>) {
            guard !visible.isEmpty else { return nil }
            self.init(table: area, count: visible.count, selected: state.selectedRow(in: visible, as: list))
        }

        /// The list row drawn at the cell, in the list's order on view; nil when none is.
        public func row(atX x: Int, y: Int) -> Int? {
            guard rows.contains(x: x, y: y) else { return nil }
            let row = firstRow + y - rows.y
            return row < rowCount ? row : nil
        }

        /// The rows that show within `area` (a pane scrolled partly out of the body).
        func clipped(to area: Rect) -> ListRegion {
            ListRegion(rows: rows.intersection(area), firstRow: firstRow + max(0, area.y - rows.y), rowCount: rowCount)
        }
    }

    /// A family pane as it is on screen.
    public struct PaneRegion: Sendable, Equatable {
        /// The pane's place in the catalog (`Command.focusFamily`).
        public var position: Int
        /// The pane on screen, clipped to the body.
        public var rect: Rect
        /// Its list's rows, clipped to the body.
        public var list: ListRegion
    }

    /// A component's box on the ecosystem map, clipped to the part of the map on view.
    public struct ComponentRegion: Sendable, Equatable {
        /// The component's id (`Command.selectComponent`).
        public var id: String
        /// Its box on screen.
        public var rect: Rect
    }

    /// A footer hint: where it is drawn and the key it stands for.
    public struct HintRegion: Sendable, Equatable {
        /// The columns of the hint's key and action.
        public var columns: Range<Int>
        /// The footer's row.
        public var row: Int
        /// The key a click on it stands for.
        public var key: Key
    }

    /// The command palette over the frame: its box, and its matches as a list.
    public struct PaletteRegion: Sendable, Equatable {
        /// The palette's box, border included: a click outside it closes the palette.
        public var box: Rect
        /// Its matches, one per row.
        public var matches: ListRegion
    }

    /// The family panes of the dashboard (none while a screen is on top).
    public var panes: [PaneRegion] = []
    /// The list of the screen on top, when it shows one that a click selects in.
    public var list: ListRegion?
    /// The components of the ecosystem map, when it is on top.
    public var components: [ComponentRegion] = []
    /// The footer's hints that a click runs.
    public var hints: [HintRegion] = []
    /// The command palette, when it is open: nothing under it is clicked then.
    public var palette: PaletteRegion?

    public init(panes: [PaneRegion] = [], list: ListRegion? = nil, components: [ComponentRegion] = [], hints: [HintRegion] = []) {
        self.panes = panes
        self.list = list
        self.components = components
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
        if let palette = model.palette {
            self.palette = PaletteOverlay.layout(of: palette, in: layout.body).map { box, list, first in
                PaletteRegion(box: box, matches: ListRegion(rows: list.top(palette.matches.count - first), firstRow: first, rowCount: palette.matches.count))
            }
            return
        }
        guard model.help == nil else { return }
        if let screen = model.topScreen {
            let regions = ScreenView(screen: screen, model: model, context: context).clickRegions(in: layout.body)
            list = regions.list
            components = regions.components
        } else {
            panes = Self.panes(of: model, in: layout)
        }
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
            let selected = family == dashboard.focus ? dashboard.selectedRow(in: family, catalog: model.catalog) : nil
            let list = ListRegion(table: FamilyPaneView.tableArea(in: shown, rows: rowCount), count: rowCount, selected: selected)
            return PaneRegion(position: position, rect: clipped, list: list.clipped(to: layout.body))
        }
    }
}

/// A view with parts that a click selects: a list's rows, the map's components.
protocol ClickableView: Widget {
    /// Where those parts are when the view is drawn in `area`.
    func clickRegions(in area: Rect) -> ClickRegions
}

extension ClickRegions {
    /// The regions of `view` drawn in `area`; none when it has nothing to click.
    init(of view: any Widget, in area: Rect) {
        self = (view as? any ClickableView)?.clickRegions(in: area) ?? ClickRegions()
    }
}
