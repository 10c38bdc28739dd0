import EcotopCore

/// Everything the user can ask of the dashboard; keys map to these through the key map.
public enum Command: Hashable, Sendable {
    case quit
    case toggleHelp
    /// Esc: close the help overlay, or leave the screen on top for the one below it.
    case back
    case focusNext, focusPrevious
    /// Focus the family pane at this position of the catalog (keys `1`...`9`).
    case focusFamily(Int)
    case selectPrevious, selectNext
    /// Select this row of the list on view, in its order on view: the focused pane's, or the
    /// list of the screen on top (a click on it).
    case selectRow(Int)
    /// Select this component of the ecosystem map, by id (a click on its box).
    case selectComponent(String)
    case openDetail
    /// Open the errors screen: integration health and grouped error events.
    case showErrors
    /// Open the collectors screen: each collector's last run, records and errors.
    case showCollectors
    /// Open the ecosystem map: components, the integrations between them and their health.
    case showMap
    /// Open the governance screen: freshness, sources of truth, owners and annotations.
    case showGovernance
    case togglePause
    case refreshNow
    case longerRange, shorterRange
    case nextTheme
    /// `/`: type a filter for the list on view (the last one typed comes back).
    case startFilter
    /// `s`: the next sort order of the list on view.
    case cycleSort
    /// Open the alerts screen: open alerts, then recently resolved ones.
    case showAlerts
    /// `A`: acknowledge the selected alert.
    case acknowledgeAlert
    /// `S`: silence the selected alert for 1 h, 4 h, 24 h, then not.
    case silenceAlert
    /// `b`: divide the detail's metric by component, then by partner, then not.
    case splitMetric
    /// `r`: open a review session of the last 30 days.
    case showReview
    /// A key of the review screen (`ReviewCommand`).
    case review(ReviewCommand)
    /// F12: show or hide the overlay of frame timings and memory (`--debug`).
    case toggleTimings
    /// `:` or Ctrl-P: open the command palette.
    case openPalette
    /// Close every screen and show the family panes.
    case showDashboard
    /// Use the theme of this name.
    case useTheme(String)
    /// Show this time range.
    case useRange(TimeRange)
    /// Filter the list on view by this text, as if typed after `/`; empty clears the filter.
    case applyFilter(String)
    /// Start a new review of the last 30 days, even while one is unfinished.
    case startNewReview
    /// Type the text of an annotation of this kind and subject, recorded at the time on view.
    case annotate(Annotation)
    /// Save the screen as it is drawn to a file in this form.
    case exportScreen(ScreenExportFormat)
}

extension Command {
    /// The screen the command opens (the panes for `showDashboard`); nil for the rest.
    public var openedScreen: ScreenKind? {
        switch self {
        case .showErrors: .errors
        case .showCollectors: .collectors
        case .showMap: .map
        case .showGovernance: .governance
        case .showAlerts: .alerts
        case .showReview: .review
        case .showDashboard: .dashboard
        default: nil
        }
    }
}

/// The forms a screen can be saved in: an SVG picture or plain text.
public enum ScreenExportFormat: String, Hashable, Sendable, CaseIterable {
    case svg, text
}

/// What changes the model: a command from the user, the refresh timer, a new terminal size,
/// or data that a load brought back.
public enum AppAction: Sendable {
    case command(Command)
    /// The refresh interval passed.
    case tick
    /// The terminal now has this many columns and rows.
    case resized(columns: Int, rows: Int)
    /// A load finished (or failed).
    case loaded(LoadResult)
    /// A key while a line of text is being typed (`AppModel.isEditingText`).
    case edit(TextEdit)
    /// Open the command palette offering the actions of the key map in force on the screen in
    /// view, besides the palette's own (the key map is the terminal side's).
    case openPalette(keyed: [PaletteEntry])
}

/// What the loop must do after an update, which the pure model cannot do itself.
public enum AppEffect: Hashable, Sendable {
    /// Leave the dashboard and restore the terminal.
    case quit
    /// Read data off the input thread; the result comes back as `AppAction.loaded`.
    case load(LoadRequest)
    /// Ring the terminal bell: an alert opened (`alerts.bell`).
    case bell
    /// Save the frame on view in this form: the loop draws it and asks the loader to save it
    /// (`LoadRequest.Kind.saveScreen`), off the input thread.
    case exportScreen(ScreenExportFormat)
}
