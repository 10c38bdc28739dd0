import EcotopCore
import EcotopEngine

/// The ecosystem map: which component is selected (by id, across reloads), and whether the
/// keys move between components on the map or along the selected one's integrations, a
/// list with its own `/` filter and `s` sort.
public struct MapModel: Sendable {
    public var map: EcosystemMap?
    public var error: LoadFailure?
    /// The selected component's id; the first hub (else the first component) when absent.
    public var selected: String?
    /// Whether the keys move along the selected component's integrations rather than the map.
    public private(set) var isListFocused = false
    /// The selected component's integrations, as a list.
    public var list = ListState()

    public init() {}

    mutating func receive(_ map: EcosystemMap) {
        self.map = map
        error = nil
        if let selected, map.ecosystem.component(selected) == nil { self.selected = nil }
        if isListFocused, integrations.isEmpty { isListFocused = false }
    }

    /// The component selected, once the map has arrived.
    public var selectedComponent: Component? {
        guard let map else { return nil }
        let components = map.ecosystem.components
        return selected.flatMap(map.ecosystem.component) ?? components.first { $0.role == .hub } ?? components.first
    }

    /// The selected component's integrations that the list shows: filtered and sorted.
    public var integrations: [IntegrationErrorSummary] {
        guard let map, let component = selectedComponent else { return [] }
        return list.visible(map.integrations(of: component.id), as: ErrorsLists.integrations)
    }

    /// The integration selected in the list.
    public var selectedIntegration: IntegrationErrorSummary? {
        list.selectedItem(in: integrations, as: ErrorsLists.integrations)
    }

    /// Moves the selection: to the nearest component that way on the map, or up and down
    /// the list of integrations.
    mutating func move(_ direction: MapDirection) {
        if isListFocused {
            guard !direction.isHorizontal else { return }
            list.moveSelection(by: direction == .down ? 1 : -1, in: integrations, as: ErrorsLists.integrations)
            return
        }
        guard let map, let from = selectedComponent?.id, let next = map.layout.neighbour(of: from, toward: direction) else { return }
        selected = next
        list.selected = nil
    }

    /// Selects the integration at position `row` of the list, which takes the keys.
    mutating func selectIntegration(at row: Int) {
        let integrations = integrations
        guard integrations.indices.contains(row) else { return }
        list.selectRow(row, in: integrations, as: ErrorsLists.integrations)
        isListFocused = true
    }

    /// Selects the component `id` on the map, which takes the keys.
    mutating func selectComponent(_ id: String) {
        guard map?.ecosystem.component(id) != nil else { return }
        if id != selectedComponent?.id { list.selected = nil }
        selected = id
        isListFocused = false
    }

    /// Enter: on the map, focuses the selected component's integrations (when it has any);
    /// on the list, the integration to open in the errors drill-down.
    mutating func enter() -> String? {
        if isListFocused { return selectedIntegration?.id }
        isListFocused = !integrations.isEmpty
        return nil
    }

    /// Esc: from the list back to the map; false when the map has the keys already.
    mutating func goUp() -> Bool {
        guard isListFocused else { return false }
        isListFocused = false
        return true
    }
}
