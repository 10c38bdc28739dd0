import EcotopCollectors
import EcotopCore

/// What `ecotop collect` says on stderr about its collectors while it runs: each failure as it
/// happens, then at most one line a minute per collector while it keeps failing (with how many
/// failures that line covers), and a line when it recovers. Errors come from plugins and
/// servers, so they are sanitized.
public struct CollectorFailureLog {
    /// The shortest time between two failure lines of one collector, in seconds.
    public static let interval: Double = 60

    private struct Seen {
        var failures = 0
        var reportedFailures = 0
        var lastReport: Double?
        var isFailing = false
    }

    private var seen: [String: Seen] = [:]

    public init() {}

    /// The lines to print for the collectors' health at `time`.
    public mutating func lines(for health: [CollectorHealth], at time: Double) -> [String] {
        var lines: [String] = []
        for collector in health {
            var entry = seen[collector.name] ?? Seen()
            defer { seen[collector.name] = entry }
            entry.failures = collector.failures
            let failing = collector.status == .failing
            if failing {
                let unreported = entry.failures - entry.reportedFailures
                guard unreported > 0, time - (entry.lastReport ?? -.infinity) >= Self.interval else { continue }
                let error = TerminalText.sanitize(collector.lastError ?? "failed")
                let count = unreported > 1 ? " (\(counted(unreported, "failure")) since the last report)" : ""
                lines.append("ecotop: collector \(TerminalText.sanitize(collector.name)) failed: \(error)\(count)")
                entry.reportedFailures = entry.failures
                entry.lastReport = time
                entry.isFailing = true
            } else if entry.isFailing, collector.status == .ok {
                lines.append("ecotop: collector \(TerminalText.sanitize(collector.name)) recovered")
                entry.isFailing = false
                entry.reportedFailures = entry.failures
                entry.lastReport = nil
            }
        }
        return lines
    }
}
