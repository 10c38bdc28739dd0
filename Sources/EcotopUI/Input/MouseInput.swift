import EcotopApp

/// Turns a mouse event into what it means for the model, through the frame's clickable
/// regions: a click on a pane focuses it, on a list row selects the row, on a footer hint
/// runs the hint's key; a second click on the same cell within `doubleClickSeconds` drills
/// down (Enter); the wheel selects the next or previous row. Pure: time is passed in.
public struct MouseInput: Sendable {
    /// The longest gap between the two clicks of a double-click.
    public static let doubleClickSeconds = 0.4

    /// The last click: its cell and time, for recognising a double-click.
    private var lastClick: (x: Int, y: Int, time: Double)?

    public init() {}

    /// The actions of `event` at `time` on the frame whose regions are `regions`; none for a
    /// release, a click outside every region, or any event while a line of text is typed.
    public mutating func actions(
        for event: MouseEvent, regions: ClickRegions, in model: AppModel, keyMap: KeyMap, at time: Double
    ) -> [AppAction] {
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
            if let hint = regions.hints.first(where: { $0.row == event.y && $0.columns.contains(event.x) }) {
                return KeyInput.action(for: hint.key, in: model, keyMap: keyMap).map { [$0] } ?? []
            }
            var actions = click(atX: event.x, y: event.y, on: regions.panes)
            if isDouble { actions.append(.command(.openDetail)) }
            return actions
        }
    }

    /// Focuses the pane under the cell and selects the list row under it, if any.
    private func click(atX x: Int, y: Int, on panes: [ClickRegions.PaneRegion]) -> [AppAction] {
        guard let pane = panes.first(where: { $0.rect.contains(x: x, y: y) }) else { return [] }
        var actions: [AppAction] = [.command(.focusFamily(pane.position))]
        let row = pane.firstRow + y - pane.rows.y
        if pane.rows.contains(x: x, y: y), row < pane.rowCount { actions.append(.command(.selectRow(row))) }
        return actions
    }
}

extension Rect {
    /// Whether the cell at column `x`, row `y` lies inside.
    func contains(x: Int, y: Int) -> Bool {
        (self.x..<maxX).contains(x) && (self.y..<maxY).contains(y)
    }
}
