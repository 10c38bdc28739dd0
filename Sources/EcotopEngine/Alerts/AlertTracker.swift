import EcotopCore

/// Turns the conditions firing at each evaluation into alert changes, with the clock passed in:
/// a condition opens an alert, stays that one alert while it goes on (its worst value kept, its
/// severity rising from warning to critical), and resolves once it has been gone for
/// `resolveAfter` seconds. That hold-down is what keeps a metric that flaps around its
/// threshold one alert instead of a new one every refresh; it comes back within the hold-down
/// and the same alert goes on.
///
/// A worse value is recorded at most every `recordInterval` seconds per alert (an escalation and
/// the resolution at once): the alert in memory is always current, and a metric that worsens at
/// every evaluation for hours does not grow the alerts file by a line every 15 seconds.
///
/// The tracker starts from the alerts already recorded (`AlertHistory`), so an alert open
/// before a restart continues with the same id and start.
public struct AlertTracker: Sendable {
    /// How long a condition must be gone before its alert resolves: 60 seconds by default, four
    /// of `collect`'s 15-second evaluations.
    public var resolveAfter: Double
    /// The shortest time between two records of a worse value of one alert: 60 seconds by default.
    public var recordInterval: Double
    public private(set) var history: AlertHistory
    /// When each open alert's last record was made, by id.
    private var lastRecord: [Int: Double] = [:]

    public init(history: AlertHistory = AlertHistory(), resolveAfter: Double = 60, recordInterval: Double = 60) {
        self.history = history
        self.resolveAfter = max(0, resolveAfter)
        self.recordInterval = max(0, recordInterval)
    }

    /// The changes `firing` makes at `time`, already applied to `history`: new alerts, open ones
    /// that got worse (`updated`, or `escalated` when they became critical), and open ones whose
    /// condition has been gone for `resolveAfter`. An alert that goes on unchanged makes no record.
    public mutating func evaluate(_ firing: [AlertCondition], at time: Double) -> [AlertRecord] {
        var records: [AlertRecord] = []
        var openByKey: [String: Alert] = [:]
        for alert in history.alerts where alert.isOpen { openByKey[alert.key] = alert }
        var seen: Set<String> = []
        var nextID = history.nextID
        for condition in firing where seen.insert(condition.key).inserted {
            guard var alert = openByKey[condition.key] else {
                records.append(AlertRecord(.opened, at: time, alert: Alert(id: nextID, condition: condition, at: time)))
                nextID += 1
                continue
            }
            let worst = condition.worse(alert.worstValue, condition.value)
            let escalated = condition.severity > alert.severity
            let worse = worst != alert.worstValue
            alert.lastSeenAt = time
            alert.lastValue = condition.value
            alert.summary = condition.summary
            alert.worstValue = worst
            if escalated {
                alert.severity = condition.severity
                // Acknowledged as a warning is not acknowledged as critical.
                alert.acknowledgedAt = nil
            }
            if escalated || worse && time - (lastRecord[alert.id] ?? -.infinity) >= recordInterval {
                records.append(AlertRecord(escalated ? .escalated : .updated, at: time, alert: alert))
            } else {
                history.apply(AlertRecord(.updated, at: time, alert: alert))  // kept in memory only
            }
        }
        for var alert in openByKey.values.sorted(by: { $0.id < $1.id }) where !seen.contains(alert.key) {
            guard time - alert.lastSeenAt >= resolveAfter else { continue }
            alert.endedAt = time
            records.append(AlertRecord(.resolved, at: time, alert: alert))
        }
        for record in records {
            history.apply(record)
            lastRecord[record.alert.id] = record.alert.isOpen ? time : nil
        }
        return records
    }

    /// Acknowledges the open alert `id` at `time`; nil when there is no such open alert.
    public mutating func acknowledge(_ id: Int, at time: Double) -> AlertRecord? {
        guard var alert = history[id], alert.isOpen else { return nil }
        alert.acknowledgedAt = time
        let record = AlertRecord(.acknowledged, at: time, alert: alert)
        history.apply(record)
        return record
    }

    /// Silences the open alert `id` from `time` until `until` (`until <= time` ends a silence);
    /// nil when there is no such open alert.
    public mutating func silence(_ id: Int, until: Double, at time: Double) -> AlertRecord? {
        guard var alert = history[id], alert.isOpen else { return nil }
        alert.silencedUntil = until > time ? until : nil
        let record = AlertRecord(.silenced, at: time, alert: alert)
        history.apply(record)
        return record
    }
}
