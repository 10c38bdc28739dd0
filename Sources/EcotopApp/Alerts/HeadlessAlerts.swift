import Dispatch
import EcotopConfig
import EcotopCore
import EcotopStore

/// Alerts for `ecotop collect`: evaluated from the store the collectors write, every
/// `AlertMonitor.interval` seconds, each change said as a line on stderr (sanitized: subjects
/// come from labels and configuration). Used by one task at a time.
public final class HeadlessAlerts: @unchecked Sendable {
    private let monitor: AlertMonitor
    private let reader: StoreReader
    private var inputs: AlertInputs
    /// The hook's failed runs already said on stderr.
    private var reportedHookFailures = 0

    /// Alerts of `configuration` over the store `writer` holds.
    public init(writer: StoreWriter, configuration: EcotopConfiguration) throws {
        monitor = try AlertMonitor(writer: writer, settings: configuration.alerts)
        reader = try StoreReader(layout: writer.layout)
        inputs = AlertInputs(configuration: configuration, reader: reader)
    }

    /// The lines of the alerts file that could not be read, as `FILE:LINE: why`.
    public var damagedLines: [String] { monitor.damaged.map(\.description) }

    /// Takes up a reloaded configuration.
    public func reconfigure(_ configuration: EcotopConfiguration) {
        inputs = AlertInputs(configuration: configuration, reader: reader)
        monitor.configure(configuration.alerts)
    }

    /// Evaluates when due (`force` evaluates now) and returns the lines to print.
    public func evaluate(at time: Double, force: Bool = false) -> [String] {
        do {
            let records = force
                ? try monitor.evaluate(try inputs.conditions(at: time), at: time)
                : try monitor.evaluateIfDue(at: time) { try inputs.conditions(at: $0) }
            return records.filter { $0.change != .updated }.map(Self.line)
        } catch {
            return ["ecotop: cannot evaluate alerts: \(error)"]
        }
    }

    /// `evaluate(at:)` on a thread outside Swift's concurrency pool: an evaluation reads a week
    /// of history for anomalies, and the collectors' tasks share that pool (two threads on a
    /// two-core machine) and must not wait for it.
    public func evaluateAside(at time: Double) async -> [String] {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: self.evaluate(at: time)) }
        }
    }

    /// Waits until the hook's queued runs are done (for `--once`, before the process exits).
    public func waitForHook(timeout: Double) async {
        guard let hook = monitor.hook else { return }
        let deadline = SystemWallClock().now() + timeout
        while !hook.isIdle, SystemWallClock().now() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// A line for the hook's last failure when it failed again since the last call.
    public func hookFailureLines() -> [String] {
        guard let status = monitor.hook?.status, status.recordsRejected > reportedHookFailures else { return [] }
        reportedHookFailures = status.recordsRejected
        return ["ecotop: on_alert hook failed: \(TerminalText.sanitize(status.lastError ?? "failed"))"]
    }

    static func line(_ record: AlertRecord) -> String {
        let alert = record.alert
        return "ecotop: alert \(alert.id) \(record.change.rawValue): \(alert.severity.label) \(TerminalText.sanitize(alert.summary))"
    }
}
