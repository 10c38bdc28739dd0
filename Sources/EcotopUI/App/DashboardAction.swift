import EcotopApp
/// Everything the user can ask the dashboard to do; keys map to these through `KeyMap`.
public enum DashboardAction: Hashable, Sendable {
    case quit
    case toggleHelp
    /// Esc: close the help overlay or leave the detail view.
    case back
    case focusNext, focusPrevious
    case focusFamily(Int)
    case selectPrevious, selectNext
    case openDetail
    /// Open the errors view: integration health and grouped error events.
    case showErrors
    /// Open the collectors view: each collector's last run, records and errors.
    case showCollectors
    case togglePause
    case refreshNow
    case longerRange, shorterRange
    case nextTheme
}

/// What the dashboard loop must do after a state change that the pure state cannot do itself.
public enum DashboardEffect: Hashable, Sendable {
    /// Leave the dashboard and restore the terminal.
    case quit
    /// Read the data again, now (new range, refresh key, resumed from pause).
    case reload
}
