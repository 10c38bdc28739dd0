import EcotopCore

/// A source of samples and events that Ecotop polls: a plugin, an HTTP endpoint, a scrape
/// target, a log file, the demo simulator.
public protocol Collector: Sendable {
    /// The collector's name as configured; shown in the collectors view and in errors.
    var name: String { get }

    /// Collects once. Records that could be read are returned even when others could not;
    /// a thrown error means the collection as a whole failed (unreachable, timed out).
    func collect(at time: Double) async throws -> CollectionResult
}

/// What one collection produced.
public struct CollectionResult: Sendable {
    public var samples: [Sample]
    public var events: [IntegrationEvent]
    /// Records that were rejected, each with where and why (`stdout:12:7: ...`).
    public var problems: [String]

    public init(samples: [Sample] = [], events: [IntegrationEvent] = [], problems: [String] = []) {
        self.samples = samples
        self.events = events
        self.problems = problems
    }
}
