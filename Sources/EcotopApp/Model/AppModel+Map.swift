import EcotopEngine

extension AppModel {
    /// Keys on the map screen: arrows and `hjkl` move the selection (between components, or
    /// along the selected one's integrations), a click selects a component or an integration,
    /// Enter opens the integrations and then the
    /// errors drill-down at the selected one, Esc leaves the integrations for the map. Nil
    /// for the keys every screen shares, and when the map is not on view.
    mutating func performOnMap(_ command: Command) -> [AppEffect]? {
        guard case .map(var model)? = topScreen else { return nil }
        switch command {
        case .selectPrevious: model.move(.up)
        case .selectNext: model.move(.down)
        case .focusPrevious: model.move(.left)
        case .focusNext: model.move(.right)
        case .selectRow(let row): model.selectIntegration(at: row)
        case .selectComponent(let id): model.selectComponent(id)
        case .openDetail:
            if let integration = model.enter() {
                screens[screens.count - 1] = .map(model)
                screens.append(.errors(ErrorsModel(integration: integration)))
                return reload()
            }
        case .startFilter, .cycleSort:
            // `/` and `s` apply to the selected component's integrations, which they focus.
            if !model.isListFocused { _ = model.enter() }
            screens[screens.count - 1] = .map(model)
            return nil
        case .back:
            if clearFilter() { return [] }
            guard model.goUp() else { return nil }
        default:
            return nil
        }
        screens[screens.count - 1] = .map(model)
        return []
    }
}
