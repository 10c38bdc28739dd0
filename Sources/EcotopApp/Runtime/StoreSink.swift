import EcotopCore
import EcotopStore
import Synchronization

/// The store writer as the collectors' sink: appends from concurrent collections go through
/// one lock, which is what the writer needs from its callers.
public final class StoreSink: RecordSink, @unchecked Sendable {
    /// Guards `writer`: every use of it holds this lock, which makes the class Sendable.
    private let lock = Mutex(())
    private let writer: StoreWriter

    public init(writer: StoreWriter) {
        self.writer = writer
    }

    public func append(samples: [Sample], events: [IntegrationEvent]) throws {
        try lock.withLock { _ in try writer.append(samples: samples, events: events) }
    }
}
