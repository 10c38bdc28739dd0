/// One line of the alerts file (`alerts.jsonl` in the store directory): what happened to an
/// alert at `time`, with the whole alert as it stands after it. Replaying the lines in order and
/// keeping the last state of each id gives every alert; a line that cannot be read loses only
/// the change it recorded.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// What happened.
    public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
        case opened
        /// Still open, with a worse value or a higher severity.
        case updated
        /// Still open and now critical: a warning that got worse.
        case escalated
        case resolved
        case acknowledged
        case silenced
    }

    public var change: Change
    /// Seconds since the Unix epoch.
    public var time: Double
    public var alert: Alert

    public init(_ change: Change, at time: Double, alert: Alert) {
        self.change = change
        self.time = time
        self.alert = alert
    }
}

/// Every alert of a store, rebuilt from its records.
public struct AlertHistory: Sendable, Hashable {
    /// Every alert by id, newest last.
    public private(set) var alerts: [Alert] = []
    private var indexes: [Int: Int] = [:]

    public init(records: [AlertRecord] = []) {
        for record in records { apply(record) }
    }

    /// Takes up one record: the alert's state after it replaces the one before.
    public mutating func apply(_ record: AlertRecord) {
        if let index = indexes[record.alert.id] {
            alerts[index] = record.alert
        } else {
            indexes[record.alert.id] = alerts.count
            alerts.append(record.alert)
        }
    }

    /// The alert with `id`.
    public subscript(id: Int) -> Alert? { indexes[id].map { alerts[$0] } }

    /// The open alerts, most severe first, then oldest first (then in the order they opened).
    public var open: [Alert] {
        alerts.filter(\.isOpen).sorted { ($1.severity, $0.startedAt, $0.id) < ($0.severity, $1.startedAt, $1.id) }
    }

    /// The resolved alerts, most recently ended first.
    public var resolved: [Alert] {
        alerts.filter { !$0.isOpen }.sorted { ($0.endedAt ?? 0, $0.id) > ($1.endedAt ?? 0, $1.id) }
    }

    /// The id the next alert gets.
    public var nextID: Int { (alerts.map(\.id).max() ?? 0) + 1 }
}
