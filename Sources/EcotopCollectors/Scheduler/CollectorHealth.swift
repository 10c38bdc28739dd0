/// How one collector is doing, as plain values for the dashboard's collectors view, its
/// status line and `ecotop collectors`.
public struct CollectorHealth: Sendable, Hashable {
    /// What the collector's last collection came to.
    public enum Status: String, Sendable, Hashable {
        /// Not run yet.
        case pending
        /// The last collection succeeded (some records may still have been rejected).
        case ok
        /// The last collection failed; `lastError` says why.
        case failing
    }

    public var name: String
    /// The collector type as configured (`exec`, `daemon`, ...).
    public var type: String
    /// Seconds between collections.
    public var interval: Double
    /// When the last collection started (wall-clock seconds).
    public var lastRun: Double?
    /// When the last successful collection started (wall-clock seconds); nil before one.
    public var lastSuccess: Double?
    /// How long the last collection took, in seconds.
    public var lastDuration: Double?
    /// Records the last collection delivered to the store.
    public var recordsOK = 0
    /// Records the last collection rejected.
    public var recordsBad = 0
    /// Totals since the scheduler started.
    public var totalRecordsOK = 0
    public var totalRecordsBad = 0
    public var runs = 0
    public var failures = 0
    /// Why the last collection failed; nil when it succeeded.
    public var lastError: String?
    /// The rejected records of the last collection, each with where and why.
    public var problems: [String] = []
    /// When the next collection is due.
    public var nextRun: Double?
    /// Whether a collection is in progress.
    public var isRunning = false

    public init(name: String, type: String, interval: Double, nextRun: Double? = nil) {
        self.name = name
        self.type = type
        self.interval = interval
        self.nextRun = nextRun
    }

    public var status: Status {
        if runs == 0 { return .pending }
        return lastError == nil ? .ok : .failing
    }
}

/// A collector with how the scheduler runs it.
public struct ScheduledCollector: Sendable {
    public var collector: any Collector
    /// The collector type as configured, for display.
    public var type: String
    /// Seconds between collections.
    public var interval: Double
    /// Seconds after which the scheduler gives up on a collection that has not returned; the
    /// collector's own timeout should come first.
    public var deadline: Double

    public init(_ collector: any Collector, type: String, interval: Double, deadline: Double) {
        self.collector = collector
        self.type = type
        self.interval = interval
        self.deadline = deadline
    }

    public var name: String { collector.name }
}
