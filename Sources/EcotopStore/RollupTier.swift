/// One rung of the retention ladder: buckets of `step` seconds kept for `retention` seconds,
/// in segment files that each cover `segmentSeconds`.
public struct RollupTier: Sendable, Hashable, Codable {
    /// The tier's name and directory, e.g. `1m`.
    public var name: String
    /// The bucket width in seconds.
    public var step: Int64
    /// How much time one segment file covers, in seconds.
    public var segmentSeconds: Int64
    /// How long buckets are kept, in seconds.
    public var retention: Int64

    public init(name: String, step: Int64, segmentSeconds: Int64, retention: Int64) {
        self.name = name
        self.step = step
        self.segmentSeconds = segmentSeconds
        self.retention = retention
    }

    enum CodingKeys: String, CodingKey {
        case name, step = "step_seconds", segmentSeconds = "segment_seconds", retention = "retention_seconds"
    }

    /// The start, in milliseconds, of the bucket holding `time` (milliseconds).
    @inline(__always) func bucketStart(of time: Int64) -> Int64 {
        let width = step * 1000
        return time >= 0 ? time / width * width : (time - width + 1) / width * width
    }
}

/// How raw points, rollups and events are laid out in time: the Whisper-style ladder.
public struct RetentionLadder: Sendable, Hashable, Codable {
    /// How much time one raw segment covers, in seconds.
    public var rawSegmentSeconds: Int64
    /// How long raw points are kept, in seconds.
    public var rawRetention: Int64
    /// The rollup tiers, finest first.
    public var tiers: [RollupTier]
    /// How much time one events segment covers, in seconds.
    public var eventSegmentSeconds: Int64
    /// How long events are kept, in seconds.
    public var eventRetention: Int64

    public init(
        rawSegmentSeconds: Int64, rawRetention: Int64, tiers: [RollupTier],
        eventSegmentSeconds: Int64, eventRetention: Int64
    ) {
        self.rawSegmentSeconds = rawSegmentSeconds
        self.rawRetention = rawRetention
        self.tiers = tiers
        self.eventSegmentSeconds = eventSegmentSeconds
        self.eventRetention = eventRetention
    }

    /// Raw for 48 hours in hourly segments; 1-minute buckets for 8 days and 5-minute buckets for
    /// 35 days, in daily segments; 1-hour buckets for 2 years in weekly segments; events for 35
    /// days. Segments are short enough that a range query reads little beyond its range.
    public static let standard = RetentionLadder(
        rawSegmentSeconds: 3_600, rawRetention: 48 * 3_600,
        tiers: [
            RollupTier(name: "1m", step: 60, segmentSeconds: 86_400, retention: 8 * 86_400),
            RollupTier(name: "5m", step: 300, segmentSeconds: 86_400, retention: 35 * 86_400),
            RollupTier(name: "1h", step: 3_600, segmentSeconds: 7 * 86_400, retention: 730 * 86_400),
        ],
        eventSegmentSeconds: 86_400, eventRetention: 35 * 86_400)

    enum CodingKeys: String, CodingKey {
        case rawSegmentSeconds = "raw_segment_seconds", rawRetention = "raw_retention_seconds", tiers
        case eventSegmentSeconds = "event_segment_seconds", eventRetention = "event_retention_seconds"
    }

    /// The longest segment or retention the store accepts, in seconds (about 1000 years): times
    /// are kept in milliseconds, and this keeps every sum of them far from `Int64` overflow.
    static let longestDuration: Int64 = 1_000 * 366 * 86_400

    /// Checks the rules the store relies on: segment lengths and retentions are positive (and
    /// at most `longestDuration`); every tier's step divides the raw segment (so a raw segment's
    /// rollups can be rebuilt from it alone) and its own segment; steps grow; names differ.
    public func validate() throws {
        func invalid(_ message: String) -> StoreError { StoreError(.invalidRequest, "retention ladder: \(message)") }
        let accepted = 1...Self.longestDuration
        guard accepted.contains(rawSegmentSeconds), accepted.contains(rawRetention),
            accepted.contains(eventSegmentSeconds), accepted.contains(eventRetention)
        else {
            throw invalid("segment lengths and retentions must be between 1 and \(Self.longestDuration) seconds")
        }
        var previousStep: Int64 = 0
        var names: Set<String> = []
        for tier in tiers {
            guard accepted.contains(tier.segmentSeconds), accepted.contains(tier.retention) else {
                throw invalid("tier \(tier.name): segment_seconds and retention_seconds must be between 1 and \(Self.longestDuration)")
            }
            guard names.insert(tier.name).inserted else { throw invalid("tier name \"\(tier.name)\" is used twice") }
            guard tier.step > previousStep else { throw invalid("tier \(tier.name): steps must grow from tier to tier") }
            guard rawSegmentSeconds % tier.step == 0, tier.segmentSeconds % tier.step == 0 else {
                throw invalid("tier \(tier.name): its step (\(tier.step) s) must divide the raw segment and its own segment")
            }
            guard tier.name.allSatisfy({ $0.isLetter || $0.isNumber }), !tier.name.isEmpty else {
                throw invalid("tier name \"\(tier.name)\" must be letters and digits")
            }
            previousStep = tier.step
        }
    }
}
