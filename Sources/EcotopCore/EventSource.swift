/// Where integration events are read from: the store's events log, or the demo simulator.
public protocol EventSource: Sendable {
    /// The events with timestamps in `from..<to`, oldest first.
    func events(from: Double, to: Double) throws -> [IntegrationEvent]

    /// The annotations with timestamps in `from..<to`, oldest first. Charts mark them over
    /// ranges of up to 30 days, so a source that can skip its error events should.
    func annotations(from: Double, to: Double) throws -> [Annotation]
}

extension EventSource {
    /// The annotations among all the events of `from..<to`.
    public func annotations(from: Double, to: Double) throws -> [Annotation] {
        Annotation.annotations(in: try events(from: from, to: to))
    }
}
