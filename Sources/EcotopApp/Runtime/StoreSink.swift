import EcotopCore
import EcotopExporter
import EcotopStore
import Synchronization

/// The store writer as the collectors' sink: appends from concurrent collections go through
/// one lock, which is what the writer needs from its callers. With `latest`, the samples of
/// every append the store accepted are also kept there for `/metrics`.
public final class StoreSink: RecordSink, @unchecked Sendable {
    /// Guards `writer`: every use of it holds this lock, which makes the class Sendable.
    private let lock = Mutex(())
    private let writer: StoreWriter
    private let latest: LatestSamples?

    public init(writer: StoreWriter, latest: LatestSamples? = nil) {
        self.writer = writer
        self.latest = latest
    }

    public func append(samples: [Sample], events: [IntegrationEvent]) throws {
        try lock.withLock { _ in try writer.append(samples: samples, events: events) }
        latest?.record(samples)
    }
}
