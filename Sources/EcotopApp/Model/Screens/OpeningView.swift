/// A screen `ecotop screenshot --view` opens before it takes the frame, reached through the
/// same commands as its keys, so the picture is the screen a user would see.
public enum OpeningView: String, Hashable, Sendable, CaseIterable {
    case dashboard, detail, errors, map, review, alerts, collectors, governance, help

    /// The commands that open this view from a freshly started dashboard: the detail of the
    /// selected metric, the top level of errors, the help overlay over the dashboard.
    public var commands: [Command] {
        switch self {
        case .dashboard: []
        case .detail: [.openDetail]
        case .errors: [.showErrors]
        case .map: [.showMap]
        case .review: [.showReview]
        case .alerts: [.showAlerts]
        case .collectors: [.showCollectors]
        case .governance: [.showGovernance]
        case .help: [.toggleHelp]
        }
    }
}
