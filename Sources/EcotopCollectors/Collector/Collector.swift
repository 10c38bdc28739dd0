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
    /// Records that were rejected, each with where and why (`stdout:12:7: ...`). At most a
    /// collector's cap of them is kept; `rejected` counts them all.
    public var problems: [String]
    /// How many records were rejected, including those beyond the problems kept.
    public var rejected: Int
    /// Why the collection failed even though it produced records: a plugin that exited
    /// non-zero or was killed at its timeout keeps the valid lines it printed.
    public var failure: String?

    public init(
        samples: [Sample] = [], events: [IntegrationEvent] = [], problems: [String] = [], rejected: Int? = nil,
        failure: String? = nil
    ) {
        self.samples = samples
        self.events = events
        self.problems = problems
        self.rejected = rejected ?? problems.count
        self.failure = failure
    }
}
