import EcotopApp

extension KeyMap.Binding {
    /// The binding's stable name for `keys:` in the configuration: one per command, so that the
    /// bindings of one command on different screens (`select_next` on the lists and on the map)
    /// are remapped together; the arrows' bindings are `move_left` and `move_right`, the
    /// review's keys `review_...`.
    public var action: String {
        actionName ?? Self.name(of: command)
    }

    private static func name(of command: Command) -> String {
        switch command {
        case .quit: "quit"
        case .toggleHelp: "help"
        case .back: "back"
        case .focusNext: "focus_next"
        case .focusPrevious: "focus_previous"
        case .focusFamily(let index): "focus_pane_\(index + 1)"
        case .selectPrevious: "select_previous"
        case .selectNext: "select_next"
        case .selectRow(let row): "select_row_\(row + 1)"
        case .selectComponent(let id): "select_component_" + id
        case .openDetail: "open"
        case .showErrors: "show_errors"
        case .showCollectors: "show_collectors"
        case .showMap: "show_map"
        case .showGovernance: "show_governance"
        case .togglePause: "pause"
        case .refreshNow: "refresh"
        case .longerRange: "longer_range"
        case .shorterRange: "shorter_range"
        case .nextTheme: "next_theme"
        case .startFilter: "filter"
        case .cycleSort: "sort"
        case .showAlerts: "show_alerts"
        case .acknowledgeAlert: "acknowledge_alert"
        case .silenceAlert: "silence_alert"
        case .splitMetric: "split_metric"
        case .showReview: "show_review"
        case .toggleTimings: "timings"
        case .review(let review): "review_" + Self.name(of: review)
        }
    }

    private static func name(of command: ReviewCommand) -> String {
        switch command {
        case .next: "next"
        case .previous: "previous"
        case .decide(let decision): decision.rawValue
        case .comment: "comment"
        case .owner: "owner"
        case .finish: "finish"
        case .scorecards: "scorecards"
        }
    }
}
