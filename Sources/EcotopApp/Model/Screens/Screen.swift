import EcotopCore

/// A screen drawn over the family panes. Adding one means: its model (a case here), its view
/// (a case in the UI's screen switch), its loader (a `LoadRequest.Kind` and its branch in
/// `DataLoader`), and its key in the key map.
public enum Screen: Sendable {
    case detail(DetailModel)
    case errors(ErrorsModel)
    case collectors(CollectorsModel)
    case map(MapModel)
    case governance(GovernanceModel)
    case review(ReviewModel)
    case alerts(AlertsModel)

    /// What the screen reads at each refresh, beside the dashboard's own read.
    func loads(range: TimeRange, columns: Int) -> [LoadRequest.Kind] {
        switch self {
        case .detail(let model): model.load(range: range, columns: columns)
        case .errors: [.errors(range)]
        case .collectors: [.freshness]
        case .map: [.map(range)]
        case .governance: [.governance(range)]
        case .review(let model): model.loads
        case .alerts: [.alerts]
        }
    }

    /// Which kind of screen this is, for the key bindings that apply to it.
    public var kind: ScreenKind {
        switch self {
        case .detail: .detail
        case .errors: .errors
        case .collectors: .collectors
        case .map: .map
        case .governance: .governance
        case .review: .review
        case .alerts: .alerts
        }
    }

    /// Whether two screens are the same kind of screen (opening one that is on top does nothing).
    func isSameKind(as other: Screen) -> Bool { kind == other.kind }
}

/// The screens a key binding can apply to: the panes, or a screen over them.
public enum ScreenKind: Hashable, Sendable, CaseIterable {
    case dashboard, detail, errors, collectors, map, governance, review, alerts
}
