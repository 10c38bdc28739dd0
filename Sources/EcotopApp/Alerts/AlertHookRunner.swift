import EcotopCollectors
import EcotopConfig
import EcotopCore
import Foundation

/// Runs the `on_alert` hook for alert changes, one run at a time on a thread of its own, and
/// keeps how its last run went as a row of the collectors view (`status`).
///
/// The hook gets the alert in its environment (docs/alerts.md):
/// `ECOTOP_ALERT_ID`, `ECOTOP_ALERT_STATE` (`opened`, `escalated`, `resolved`),
/// `ECOTOP_ALERT_SEVERITY` (`warning`, `critical`), `ECOTOP_ALERT_KIND`, `ECOTOP_ALERT_SUBJECT`,
/// `ECOTOP_ALERT_SUMMARY`, `ECOTOP_ALERT_VALUE`, `ECOTOP_ALERT_WORST_VALUE` (empty when there
/// is no value), `ECOTOP_ALERT_STARTED_AT` and `ECOTOP_ALERT_ENDED_AT` (RFC 3339, the latter
/// empty while open).
public final class AlertHookRunner: @unchecked Sendable {
    public let hook: AlertHook
    /// Guards `state`. An `NSLock` rather than a `Mutex`: polled while the runner's task
    /// updates it, the `Mutex`'s contended path (a priority-inheriting futex) failed here with
    /// "Unknown error occurred while attempting to acquire a Mutex".
    private let lock = NSLock()
    private var state = State()

    private struct State {
        var status: CollectorStatus
        var queue: [AlertRecord] = []
        var isRunning = false
        init() { status = CollectorStatus(name: "on_alert", kind: "alert hook", state: .pending) }
    }

    public init(hook: AlertHook) {
        self.hook = hook
    }

    /// How the hook's last run went, for the collectors view.
    public var status: CollectorStatus { lock.withLock { state.status } }

    /// Whether no run is queued or in progress.
    public var isIdle: Bool { lock.withLock { state.queue.isEmpty && !state.isRunning } }

    /// Queues a run for each of `records`, which start one after the other.
    public func run(for records: [AlertRecord]) {
        guard !records.isEmpty else { return }
        let start = lock.withLock {
            state.queue += records
            defer { state.isRunning = true }
            return !state.isRunning
        }
        guard start else { return }
        Task.detached { [self] in
            while let record = next() {
                let began = SystemWallClock().now()
                let outcome = await HookProcess.run(argv: hook.command, environment: Self.environment(of: record), timeout: hook.timeout)
                let ended = SystemWallClock().now()
                lock.withLock {
                    state.status.state = outcome.isSuccess ? .ok : .failing
                    state.status.lastRun = began
                    state.status.lastDuration = ended - began
                    if outcome.isSuccess { state.status.recordsAccepted += 1 } else { state.status.recordsRejected += 1 }
                    state.status.lastError = outcome.failure.map { "alert \(record.alert.id): \($0)" }
                }
            }
        }
    }

    /// The next queued record, or nil (and not running any more) when there is none.
    private func next() -> AlertRecord? {
        lock.withLock {
            guard !state.queue.isEmpty else {
                state.isRunning = false
                return nil
            }
            state.status.state = .running
            return state.queue.removeFirst()
        }
    }

    /// The environment variables that describe the change `record` made.
    public static func environment(of record: AlertRecord) -> [String: String] {
        let alert = record.alert
        let number: (Double?) -> String = { $0.map { "\($0)" } ?? "" }
        return [
            "ECOTOP_ALERT_ID": String(alert.id),
            "ECOTOP_ALERT_STATE": record.change.rawValue,
            "ECOTOP_ALERT_SEVERITY": alert.severity.rawValue,
            "ECOTOP_ALERT_KIND": alert.kind.rawValue,
            "ECOTOP_ALERT_SUBJECT": alert.subject,
            "ECOTOP_ALERT_SUMMARY": alert.summary,
            "ECOTOP_ALERT_VALUE": number(alert.lastValue),
            "ECOTOP_ALERT_WORST_VALUE": number(alert.worstValue),
            "ECOTOP_ALERT_STARTED_AT": Timestamp(seconds: alert.startedAt).rfc3339,
            "ECOTOP_ALERT_ENDED_AT": alert.endedAt.map { Timestamp(seconds: $0).rfc3339 } ?? "",
        ]
    }
}
