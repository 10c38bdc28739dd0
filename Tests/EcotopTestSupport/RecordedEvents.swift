import EcotopCore

/// An `EventSource` over events held in memory, answered oldest first as the protocol says.
public struct RecordedEvents: EventSource {
    public var events: [IntegrationEvent]

    public init(events: [IntegrationEvent] = []) {
        self.events = events.sorted { $0.timestamp < $1.timestamp }
    }

    public func events(from: Double, to: Double) throws -> [IntegrationEvent] {
        events.filter { $0.timestamp >= from && $0.timestamp < to }
    }
}
