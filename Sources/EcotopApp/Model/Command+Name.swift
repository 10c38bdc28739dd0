extension Command {
    /// The command's stable name: what `keys:` remaps it by (`show_errors`), and what the
    /// command palette remembers recent use by. Commands with a value carry it in the name
    /// (`focus_pane_2`, `theme_light`, `range_24h`).
    public var name: String {
        switch self {
        case .quit: "quit"
        case .toggleHelp: "help"
        case .back: "back"
        case .focusNext: "focus_next"
        case .focusPrevious: "focus_previous"
        case .focusFamily(let index): "focus_pane_\(index + 1)"
        case .selectPrevious: "select_previous"
        case .selectNext: "select_next"
        case .selectRow(let row): "select_row_\(row + 1)"
        case .selectComponent(let id): "select_component_\(id)"
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
        case .review(let review): "review_" + review.name
        case .openPalette: "palette"
        case .showDashboard: "show_dashboard"
        case .useTheme(let theme): "theme_\(theme)"
        case .useRange(let range): "range_\(range.label)"
        case .applyFilter(let text): text.isEmpty ? "clear_filter" : "filter_\(text)"
        case .startNewReview: "new_review"
        case .annotate(let annotation): "annotate_\(annotation.kind.rawValue)"
        case .exportScreen(let format): "export_\(format.rawValue)"
        }
    }
}

extension ReviewCommand {
    /// The review key's name after `review_` (`review_keep`).
    var name: String {
        switch self {
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
