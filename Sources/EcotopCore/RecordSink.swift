/// Where collected samples and events go: the store in production, memory in tests.
public protocol RecordSink: Sendable {
    /// Appends records durably; returns once they are acknowledged.
    func append(samples: [Sample], events: [IntegrationEvent]) throws
}
