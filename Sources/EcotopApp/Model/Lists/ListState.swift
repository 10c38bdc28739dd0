/// How one list on screen is viewed: its selected row (by id, so it survives reloads), its
/// `/` filter and its `s` sort order.
public struct ListState: Sendable, Hashable {
    /// The id of the selected row; the first visible row when absent or filtered out.
    public var selected: String?
    public var filter = ListFilter("")
    /// The position of the sort order in the list's orders; 0 is the list's own order.
    public var sortIndex = 0

    public init() {}

    /// The rows on view: those the filter keeps, in the chosen order.
    public func visible<Row>(_ rows: [Row], as list: ListDescription<Row>) -> [Row] {
        let matcher = filter.matcher()
        let kept = filter.isEmpty ? rows : rows.filter { matcher.keeps(list.text($0)) }
        let order = list.sorts[min(sortIndex, list.sorts.count - 1)]
        return order.areInIncreasingOrder.map { kept.sorted(by: $0) } ?? kept
    }

    /// The position of the selected row among `visible` rows.
    public func selectedRow<Row>(in visible: [Row], as list: ListDescription<Row>) -> Int {
        visible.firstIndex { list.id($0) == selected } ?? 0
    }

    /// Moves the selection `step` rows within `visible`, stopping at either end.
    public mutating func moveSelection<Row>(by step: Int, in visible: [Row], as list: ListDescription<Row>) {
        guard !visible.isEmpty else { return }
        selectRow(min(max(0, selectedRow(in: visible, as: list) + step), visible.count - 1), in: visible, as: list)
    }

    /// Selects the row at position `row` of `visible` (a click on it); a row past the end
    /// changes nothing.
    public mutating func selectRow<Row>(_ row: Int, in visible: [Row], as list: ListDescription<Row>) {
        guard visible.indices.contains(row) else { return }
        selected = list.id(visible[row])
    }

    /// The selected row among `visible`, the first when the selection is not on view.
    public func selectedItem<Row>(in visible: [Row], as list: ListDescription<Row>) -> Row? {
        visible.isEmpty ? nil : visible[selectedRow(in: visible, as: list)]
    }

    /// The next sort order of `list`, wrapping around.
    public mutating func cycleSort<Row>(of list: ListDescription<Row>) {
        sortIndex = (sortIndex + 1) % list.sorts.count
    }
}

/// What a list's rows are to the `/` filter, the `s` sort and the selection.
public struct ListDescription<Row>: Sendable {
    /// A row's stable identity.
    public var id: @Sendable (Row) -> String
    /// The text the filter searches.
    public var text: @Sendable (Row) -> String
    /// The orders `s` cycles through; the first is the list's own.
    public var sorts: [ListSort<Row>]

    public init(id: @escaping @Sendable (Row) -> String, text: @escaping @Sendable (Row) -> String, sorts: [ListSort<Row>]) {
        self.id = id
        self.text = text
        self.sorts = sorts.isEmpty ? [ListSort("default")] : sorts
    }

    /// The name of the order `state` has chosen.
    public func sortName(_ state: ListState) -> String { sorts[min(state.sortIndex, sorts.count - 1)].name }
}

/// One order of a list, named for the footer (`sort: failures`).
public struct ListSort<Row>: Sendable {
    public var name: String
    /// Nil keeps the order the rows came in.
    public var areInIncreasingOrder: (@Sendable (Row, Row) -> Bool)?

    public init(_ name: String, by areInIncreasingOrder: (@Sendable (Row, Row) -> Bool)? = nil) {
        self.name = name
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    /// Descending by a comparable key, ties in the list's own order.
    public static func descending<Key: Comparable>(_ name: String, _ key: @escaping @Sendable (Row) -> Key) -> ListSort {
        ListSort(name) { key($0) > key($1) }
    }

    /// Ascending by a comparable key.
    public static func ascending<Key: Comparable>(_ name: String, _ key: @escaping @Sendable (Row) -> Key) -> ListSort {
        ListSort(name) { key($0) < key($1) }
    }
}
