import EcotopApp

extension KeyMap.Binding {
    /// The binding's stable name for `keys:` in the configuration: one per command
    /// (`Command.name`), so that the bindings of one command on different screens
    /// (`select_next` on the lists and on the map) are remapped together; the arrows' bindings
    /// are `move_left` and `move_right`, the review's keys `review_...`.
    public var action: String {
        actionName ?? command.name
    }
}
