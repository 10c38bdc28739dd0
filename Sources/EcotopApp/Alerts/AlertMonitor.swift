import EcotopConfig
import EcotopCore
import EcotopEngine
import EcotopStore

/// Alerts in the process that holds the store's writer lock (`collect`, or a dashboard running
/// collectors): it evaluates the firing conditions every `interval` seconds, records what
/// changed in the store's alerts file, and runs the `on_alert` hook for alerts that opened,
/// escalated or resolved (unless silenced). It starts from the alerts already recorded, so an
/// alert open before a restart goes on with the same id and start.
///
/// Used from one thread at a time.
public final class AlertMonitor {
    /// Seconds between evaluations: 15, as often as the header measures integration health.
    public static let interval: Double = 15

    private var tracker: AlertTracker
    /// The store's alerts file; nil for a monitor that keeps its alerts in memory.
    private let log: AlertLog?
    /// Runs the hook; nil without `on_alert`.
    public private(set) var hook: AlertHookRunner?
    /// Lines of the alerts file that could not be read when it was opened (`FILE:LINE: why`).
    public let damaged: [StoreError]
    private var lastEvaluation: Double?

    /// Reads the alerts recorded in `writer`'s store and opens its alerts file for appending.
    public init(writer: StoreWriter, settings: AlertSettings) throws {
        let contents = try AlertLog.read(writer.layout)
        damaged = contents.damaged
        tracker = AlertTracker(history: contents.history, resolveAfter: settings.resolveAfter)
        log = try AlertLog(writer: writer)
        configure(settings)
    }

    /// A monitor that keeps its alerts in memory only, for the demo on its simulator, which has
    /// no store to record them in: they last as long as the dashboard runs.
    public init(inMemory settings: AlertSettings) {
        damaged = []
        tracker = AlertTracker(history: AlertHistory(), resolveAfter: settings.resolveAfter)
        log = nil
        configure(settings)
    }

    /// Whether the alerts are recorded in a store's alerts file (else only kept in memory).
    public var isRecorded: Bool { log != nil }

    /// Takes up changed settings (a reloaded configuration); a hook that did not change keeps
    /// its status.
    public func configure(_ settings: AlertSettings) {
        tracker.resolveAfter = settings.resolveAfter
        if hook?.hook != settings.hook { hook = settings.hook.map(AlertHookRunner.init) }
    }

    /// Every alert recorded, open or resolved.
    public var history: AlertHistory { tracker.history }

    /// Evaluates the conditions `read` gives when `interval` has passed since the last
    /// evaluation; returns the changes (none when it was not due).
    public func evaluateIfDue(at time: Double, _ read: (Double) throws -> [AlertCondition]) throws -> [AlertRecord] {
        guard time - (lastEvaluation ?? -.infinity) >= Self.interval else { return [] }
        lastEvaluation = time
        return try evaluate(try read(time), at: time)
    }

    /// Records the changes `firing` makes at `time` and runs the hook for them.
    public func evaluate(_ firing: [AlertCondition], at time: Double) throws -> [AlertRecord] {
        let records = tracker.evaluate(firing, at: time)
        try log?.append(records)
        hook?.run(for: records.filter { Self.notifies($0, at: time) })
        return records
    }

    /// Acknowledges the open alert `id`; false when there is none.
    public func acknowledge(_ id: Int, at time: Double) throws -> Bool {
        guard let record = tracker.acknowledge(id, at: time) else { return false }
        try log?.append([record])
        return true
    }

    /// Silences the open alert `id` for `seconds` (0 ends a silence); false when there is none.
    public func silence(_ id: Int, for seconds: Double, at time: Double) throws -> Bool {
        guard let record = tracker.silence(id, until: time + seconds, at: time) else { return false }
        try log?.append([record])
        return true
    }

    /// Whether a change is told to the hook and the bell: an alert opening, escalating or
    /// resolving, while not silenced.
    public static func notifies(_ record: AlertRecord, at time: Double) -> Bool {
        [.opened, .escalated, .resolved].contains(record.change) && !record.alert.isSilenced(at: time)
    }
}
