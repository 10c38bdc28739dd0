/// What the `--debug` (F12) overlay shows: how long the last frames' phases took and the
/// process's memory, kept in fixed-size buffers so that a long run holds no more than the
/// last `capacity` samples of each phase.
public struct FrameTimings: Sendable {
    /// A step of the dashboard loop that is timed.
    public enum Phase: String, CaseIterable, Sendable {
        /// A load on the refresher's worker: the source's reads and the engine's aggregation,
        /// which the snapshot builder does in one pass per metric.
        case load
        /// Folding a load's result into the model (lists, selections, sorting).
        case apply
        /// Drawing the model into a frame buffer.
        case render
        /// Writing the frame to the terminal (the changed rows, then `doupdate`).
        case flush
    }

    /// Minimum, mean, maximum and 95th percentile of a phase's samples, in seconds.
    public struct Statistics: Equatable, Sendable {
        public var count: Int
        public var minimum: Double
        public var mean: Double
        public var maximum: Double
        public var p95: Double

        public init(count: Int, minimum: Double, mean: Double, maximum: Double, p95: Double) {
            (self.count, self.minimum, self.mean, self.maximum, self.p95) = (count, minimum, mean, maximum, p95)
        }
    }

    /// How many samples of each phase are kept.
    public let capacity: Int
    private var samples: [Phase: BoundedSamples] = [:]
    /// Frames drawn since the start.
    public private(set) var frames = 0
    /// The resident set size at the last frame, in bytes; nil where it cannot be read.
    public var residentBytes: Int?

    public init(capacity: Int = 120) {
        self.capacity = max(1, capacity)
    }

    /// Adds how long `phase` took once.
    public mutating func record(_ phase: Phase, seconds: Double) {
        samples[phase, default: BoundedSamples(capacity: capacity)].append(seconds)
        if phase == .flush { frames += 1 }
    }

    /// The statistics of the kept samples of `phase`; nil before the first.
    public func statistics(of phase: Phase) -> Statistics? {
        guard let values = samples[phase]?.values, !values.isEmpty else { return nil }
        let sorted = values.sorted()
        // Nearest rank: the smallest sample at or above 95 % of them.
        let rank = Int((0.95 * Double(sorted.count)).rounded(.up)) - 1
        return Statistics(
            count: sorted.count, minimum: sorted[0], mean: sorted.reduce(0, +) / Double(sorted.count),
            maximum: sorted[sorted.count - 1], p95: sorted[max(0, rank)])
    }
}

/// The last `capacity` values appended, overwriting the oldest once full.
struct BoundedSamples: Sendable {
    let capacity: Int
    private(set) var values: [Double] = []
    private var next = 0

    init(capacity: Int) {
        self.capacity = capacity
        values.reserveCapacity(capacity)
    }

    mutating func append(_ value: Double) {
        if values.count < capacity {
            values.append(value)
        } else {
            values[next] = value
        }
        next = (next + 1) % capacity
    }
}
