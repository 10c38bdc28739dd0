import EcotopCore
import EcotopEngine

/// The errors drill-down: a stack of levels from every integration down to one event, each
/// with its own list state, over one report read per refresh (so moving between levels never
/// waits for a read). Selections follow ids (integration, fingerprint, event), not row
/// numbers, across reloads and range changes.
public struct ErrorsModel: Sendable {
    public var report: IntegrationErrorsReport?
    public var error: LoadFailure?
    /// The levels opened, the first always `.integrations`; Esc leaves the last.
    public private(set) var levels: [ErrorsLevel] = [ErrorsLevel(.integrations)]

    public init() {}

    /// The drill-down opened at one integration's level (from the map), with that
    /// integration selected on the level above.
    public init(integration id: String) {
        levels[0].list.selected = id
        levels.append(ErrorsLevel(.integration(id)))
    }

    /// The level on view.
    public var top: ErrorsLevel { levels[levels.count - 1] }

    mutating func receive(_ report: IntegrationErrorsReport) {
        self.report = report
        error = nil
    }

    /// Opens the level below the selected row: an integration's groups, a group, its events,
    /// one event. False when there is nothing to open.
    mutating func drillDown() -> Bool {
        guard let report, let next = top.below(in: report) else { return false }
        levels.append(next)
        return true
    }

    /// Leaves the level on view for the one above; false on the first level.
    mutating func goUp() -> Bool {
        guard levels.count > 1 else { return false }
        levels.removeLast()
        return true
    }

    /// Changes the list state of the level on view.
    mutating func updateTop(_ change: (inout ErrorsLevel) -> Void) {
        change(&levels[levels.count - 1])
    }
}

/// One level of the errors drill-down.
public struct ErrorsLevel: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Every integration, ranked by health.
        case integrations
        /// One integration (`from->to`): its failures, codes and groups.
        case integration(String)
        /// One error group, by fingerprint id.
        case group(String)
        /// A group's events, newest first.
        case events(String)
        /// One event of a group, by `ErrorsLists.eventID`, and its time for the breadcrumb.
        case event(group: String, event: String, time: Double)
    }

    public var kind: Kind
    /// The level's list (integrations, groups or events), when it has one.
    public var list = ListState()
    /// How far the text of a single event is scrolled.
    public var scroll = 0

    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// The level below this one's selected row, nil when there is none.
    func below(in report: IntegrationErrorsReport) -> ErrorsLevel? {
        switch kind {
        case .integrations:
            return list.selectedItem(in: integrations(in: report), as: ErrorsLists.integrations).map { .init(.integration($0.id)) }
        case .integration:
            return list.selectedItem(in: groups(in: report), as: ErrorsLists.groups).map { .init(.group($0.id)) }
        case .group(let id):
            return report.fingerprints.contains { $0.id == id } ? .init(.events(id)) : nil
        case .events(let group):
            return list.selectedItem(in: events(in: report), as: ErrorsLists.events).map {
                .init(.event(group: group, event: ErrorsLists.eventID($0), time: $0.timestamp))
            }
        case .event:
            return nil
        }
    }

    /// The integrations on view at the first level.
    public func integrations(in report: IntegrationErrorsReport) -> [IntegrationErrorSummary] {
        list.visible(report.integrations, as: ErrorsLists.integrations)
    }

    /// The groups on view at an integration's level.
    public func groups(in report: IntegrationErrorsReport) -> [ErrorFingerprint] {
        guard case .integration(let id) = kind else { return [] }
        return list.visible(report.fingerprints.filter { $0.integration == id }, as: ErrorsLists.groups)
    }

    /// The events on view at a group's events level.
    public func events(in report: IntegrationErrorsReport) -> [IntegrationEvent] {
        guard case .events(let id) = kind, let detail = report.detail(ofGroup: id) else { return [] }
        return events(of: detail)
    }

    /// The events on view of a group whose detail the caller already has.
    public func events(of detail: ErrorGroupDetail) -> [IntegrationEvent] {
        list.visible(detail.events, as: ErrorsLists.events)
    }

    /// Moves the selection of the level's list.
    mutating func moveSelection(by step: Int, in report: IntegrationErrorsReport) {
        switch kind {
        case .integrations: list.moveSelection(by: step, in: integrations(in: report), as: ErrorsLists.integrations)
        case .integration: list.moveSelection(by: step, in: groups(in: report), as: ErrorsLists.groups)
        case .events: list.moveSelection(by: step, in: events(in: report), as: ErrorsLists.events)
        case .event: scroll = max(0, scroll + step)
        case .group: break
        }
    }

    /// Selects the row at position `row` of the level's list on view.
    mutating func selectRow(_ row: Int, in report: IntegrationErrorsReport) {
        switch kind {
        case .integrations: list.selectRow(row, in: integrations(in: report), as: ErrorsLists.integrations)
        case .integration: list.selectRow(row, in: groups(in: report), as: ErrorsLists.groups)
        case .events: list.selectRow(row, in: events(in: report), as: ErrorsLists.events)
        case .group, .event: break
        }
    }

    /// Cycles the sort order of the level's list.
    mutating func cycleSort() {
        switch kind {
        case .integrations: list.cycleSort(of: ErrorsLists.integrations)
        case .integration: list.cycleSort(of: ErrorsLists.groups)
        case .events: list.cycleSort(of: ErrorsLists.events)
        case .group, .event: break
        }
    }

    /// Whether the level shows a list that `/` and `s` apply to.
    public var hasList: Bool {
        switch kind {
        case .integrations, .integration, .events: true
        case .group, .event: false
        }
    }
}
