import EcotopCore

/// What the alerts screen reads: every recorded alert, and whether this dashboard records them.
public struct AlertsRead: Sendable {
    public var history: AlertHistory
    /// Whether this dashboard evaluates and records alerts (it holds the store's writer lock:
    /// it runs the collectors); otherwise it shows what the process holding it recorded, and
    /// acknowledging or silencing is left to that process's dashboard.
    public var isRecording: Bool
    /// Whether there is a store to record alerts in; the demo without one keeps them in memory
    /// (`isRecording`) or, read from elsewhere, has none.
    public var hasStore = true
    /// Lines of the alerts file that could not be read.
    public var damagedLines: Int
    /// What the change asked for did (`alert 3 acknowledged`), or why it did nothing.
    public var message: String?

    public init(history: AlertHistory, isRecording: Bool, damagedLines: Int = 0, message: String? = nil) {
        self.history = history
        self.isRecording = isRecording
        self.damagedLines = damagedLines
        self.message = message
    }
}

/// A change to one alert asked for from the alerts screen.
public enum AlertChange: Hashable, Sendable {
    case acknowledge(id: Int)
    /// Silence for `seconds` from now; 0 ends a silence.
    case silence(id: Int, seconds: Double)
}
