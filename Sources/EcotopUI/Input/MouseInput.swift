import EcotopApp

/// Turns a mouse event into what it means for the model, through the frame's clickable
/// regions: a click on a pane focuses it, on a list row (of a pane or of the screen on top)
/// selects the row, on a map component selects the component, on a footer hint runs the
/// hint's key; a second click on the same cell within `doubleClickSeconds` opens what the
/// click selected (Enter); the wheel selects the next or previous row. Pure: time is passed in.
public struct MouseInput: Sendable {
    /// The longest gap between the two clicks of a double-click.
    public static let doubleClickSeconds = 0.4

    /// The last click: its cell and time, for recognising a double-click.
    private var lastClick: (x: Int, y: Int, time: Double)?

    public init() {}

    /// The actions of `event` at `time` on the frame whose regions are `regions`; none for a
    /// release, a click outside every region, or any event while a line of text is typed. Over
    /// the command palette the wheel chooses among its matches and its hints (`Enter run`,
    /// `Esc close`) run; nothing under it is clicked.
    public mutating func actions(
        for event: MouseEvent, regions: ClickRegions, in model: AppModel, keyMap: KeyMap, at time: Double
    ) -> [AppAction] {
        if model.palette != nil { return paletteActions(for: event, regions: regions, in: model, keyMap: keyMap) }
        guard !model.isEditingText else { return [] }
        switch event.kind {
        case .release:
            return []
        case .wheelUp:
            return [.command(.selectPrevious)]
        case .wheelDown:
            return [.command(.selectNext)]
        case .press:
            let isDouble = lastClick.map { $0.x == event.x && $0.y == event.y && time - $0.time <= Self.doubleClickSeconds } ?? false
            // The second click of a double-click does not start another one.
            lastClick = isDouble ? nil : (event.x, event.y, time)
            if let hint = hintAction(at: event, regions: regions, in: model, keyMap: keyMap) { return hint }
            let actions = click(atX: event.x, y: event.y, on: regions)
            // A double-click opens what it selected (Enter), never what is selected elsewhere.
            return isDouble && !actions.isEmpty ? actions + [.command(.openDetail)] : actions
        }
    }

    /// Over the palette: the wheel chooses, a click on a match runs it, a click on a footer
    /// hint runs the hint and a click anywhere else outside the palette closes it.
    private func paletteActions(for event: MouseEvent, regions: ClickRegions, in model: AppModel, keyMap: KeyMap) -> [AppAction] {
        switch event.kind {
        case .wheelUp: return [.edit(.previousChoice)]
        case .wheelDown: return [.edit(.nextChoice)]
        case .release: return []
        case .press:
            if let hint = hintAction(at: event, regions: regions, in: model, keyMap: keyMap) { return hint }
            guard let palette = regions.palette else { return [] }
            if let row = palette.matches.row(atX: event.x, y: event.y) { return [.edit(.choose(row)), .edit(.submit)] }
            return palette.box.contains(x: event.x, y: event.y) ? [] : [.edit(.cancel)]
        }
    }

    /// What the key of the footer hint under the event does; nil off every hint.
    private func hintAction(at event: MouseEvent, regions: ClickRegions, in model: AppModel, keyMap: KeyMap) -> [AppAction]? {
        guard let hint = regions.hints.first(where: { $0.row == event.y && $0.columns.contains(event.x) }) else { return nil }
        return KeyInput.action(for: hint.key, in: model, keyMap: keyMap).map { [$0] } ?? []
    }

    /// What a click on the cell selects: a pane and the list row under it, a row of the
    /// list of the screen on top, or a component of the map.
    private func click(atX x: Int, y: Int, on regions: ClickRegions) -> [AppAction] {
        if let pane = regions.panes.first(where: { $0.rect.contains(x: x, y: y) }) {
            return [.command(.focusFamily(pane.position))] + (pane.list.row(atX: x, y: y).map { [.command(.selectRow($0))] } ?? [])
        }
        if let row = regions.list?.row(atX: x, y: y) { return [.command(.selectRow(row))] }
        if let component = regions.components.first(where: { $0.rect.contains(x: x, y: y) }) {
            return [.command(.selectComponent(component.id))]
        }
        return []
    }
}

extension Rect {
    /// Whether the cell at column `x`, row `y` lies inside.
    func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < maxX && y >= self.y && y < maxY
    }
}
