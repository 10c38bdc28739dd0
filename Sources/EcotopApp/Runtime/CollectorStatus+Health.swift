import EcotopCollectors

extension CollectorStatus {
    /// The collectors view's row for a collector's health as the scheduler keeps it.
    public init(_ health: CollectorHealth) {
        let state: State = switch (health.isRunning, health.status) {
        case (true, _): .running
        case (false, .pending): .pending
        case (false, .ok): .ok
        case (false, .failing): .failing
        }
        self.init(
            name: health.name, kind: health.type, state: state, lastRun: health.lastRun, lastDuration: health.lastDuration,
            recordsAccepted: health.recordsOK, recordsRejected: health.recordsBad, lastError: health.lastError,
            nextRun: health.nextRun)
    }
}
