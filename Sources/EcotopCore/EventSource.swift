/// Where integration events are read from: the store's events log, or the demo simulator.
public protocol EventSource: Sendable {
    /// The events with timestamps in `from..<to`, oldest first.
    func events(from: Double, to: Double) throws -> [IntegrationEvent]
}
