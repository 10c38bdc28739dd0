/// One collector's health as the collectors view shows it: plain values, filled in by the
/// program from its scheduler.
public struct CollectorStatus: Sendable, Hashable, Identifiable {
    /// How the collector is doing.
    public enum State: String, Sendable, Hashable {
        /// Not run yet.
        case pending
        /// Running now.
        case running
        /// The last run succeeded.
        case ok
        /// The last run failed (timeout, non-zero exit, unreachable, unparseable).
        case failing
    }

    public var name: String
    /// The collector type: exec, daemon, http-json, prometheus, log-tail, import, demo.
    public var kind: String
    public var state: State
    /// Seconds since the Unix epoch of the last run's start.
    public var lastRun: Double?
    /// How long the last run took, in seconds.
    public var lastDuration: Double?
    /// Records accepted and rejected by the last run.
    public var recordsAccepted: Int
    public var recordsRejected: Int
    /// The last error, as reported (sanitized before display).
    public var lastError: String?
    /// Seconds since the Unix epoch of the next scheduled run.
    public var nextRun: Double?

    public var id: String { name }

    public init(
        name: String, kind: String, state: State, lastRun: Double? = nil, lastDuration: Double? = nil,
        recordsAccepted: Int = 0, recordsRejected: Int = 0, lastError: String? = nil, nextRun: Double? = nil
    ) {
        self.name = name
        self.kind = kind
        self.state = state
        self.lastRun = lastRun
        self.lastDuration = lastDuration
        self.recordsAccepted = recordsAccepted
        self.recordsRejected = recordsRejected
        self.lastError = lastError
        self.nextRun = nextRun
    }
}
