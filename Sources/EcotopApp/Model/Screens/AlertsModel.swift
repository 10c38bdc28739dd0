import EcotopCore

/// The alerts screen: open alerts first (most severe, then oldest), then the most recently
/// resolved ones, as one list that ↑↓ select, `/` filters and `s` sorts.
public struct AlertsModel: Sendable {
    public var read: AlertsRead?
    public var error: LoadFailure?
    public var list = ListState()
    /// How many resolved alerts are listed below the open ones.
    public static let recentResolved = 50
    /// The silences `S` steps through, in seconds, after which it ends the silence.
    public static let silences: [Double] = [3_600, 4 * 3_600, 24 * 3_600]

    public init() {}

    /// The open alerts, then the most recent resolved ones.
    public var alerts: [Alert] {
        guard let history = read?.history else { return [] }
        return history.open + history.resolved.prefix(Self.recentResolved)
    }

    /// The alerts on view: those the filter keeps, in the chosen order.
    public var visibleAlerts: [Alert] { list.visible(alerts, as: Self.alertList) }

    /// The selected alert, the first on view when the selection is not.
    public var selectedAlert: Alert? { list.selectedItem(in: visibleAlerts, as: Self.alertList) }

    mutating func receive(_ read: AlertsRead) {
        self.read = read
        error = nil
    }

    mutating func moveSelection(by step: Int) {
        list.moveSelection(by: step, in: visibleAlerts, as: Self.alertList)
    }

    /// Selects the alert at position `row` on view.
    mutating func selectRow(_ row: Int) {
        list.selectRow(row, in: visibleAlerts, as: Self.alertList)
    }

    /// The silence `S` sets next on `alert` at `time`, in seconds: 1 h when none is running,
    /// then 4 h, then 24 h, then 0 (no silence).
    public static func nextSilence(of alert: Alert, at time: Double) -> Double {
        let left = alert.silencedUntil.map { $0 - time } ?? 0
        guard left > 0 else { return silences[0] }
        return silences.first { $0 > left + 60 } ?? 0
    }

    /// The alerts list: open first, or by duration, severity or subject. The filter searches
    /// the state, severity, kind, subject and summary.
    public static let alertList = ListDescription<Alert>(
        id: { String($0.id) },
        text: { [$0.isOpen ? "open" : "resolved", $0.severity.label, $0.kind.rawValue, $0.subject, $0.summary].joined(separator: " ") },
        sorts: [
            ListSort("open first"),
            .descending("longest") { $0.duration(at: $0.endedAt ?? $0.lastSeenAt) },
            .descending("severity") { $0.severity },
            .ascending("subject") { $0.subject },
        ])
}
