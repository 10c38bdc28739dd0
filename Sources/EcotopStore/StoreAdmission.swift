import EcotopCore

/// Which records a store keeps: samples with a finite value and a time between 1970 and 2100
/// that some level of the retention ladder still holds, and events that the events' retention
/// still holds. An older record would be written and then dropped by the next retention pass.
///
/// A record the store does not keep is not an error in its input: `ingest`, `import` and the
/// collectors skip it, count it and say why, and keep the rest (docs/parsers.md).
public struct StoreAdmission: Sendable, Hashable {
    /// The earliest sample time, in Unix seconds, that a level of the ladder keeps; nil when no
    /// retention is known.
    public let earliestKeptTime: Double?
    /// The earliest event time the events' retention keeps; nil when no retention is known.
    public let earliestKeptEventTime: Double?

    /// What any store can hold, whatever its retention: for callers that hand samples to a
    /// sink without knowing its ladder (the collectors).
    public static let anyStore = StoreAdmission(earliestKeptTime: nil, earliestKeptEventTime: nil)

    private init(earliestKeptTime: Double?, earliestKeptEventTime: Double?) {
        self.earliestKeptTime = earliestKeptTime
        self.earliestKeptEventTime = earliestKeptEventTime
    }

    /// What a store with `ladder` keeps at `now`.
    public init(ladder: RetentionLadder, now: Double) {
        earliestKeptTime = ladder.earliestKeptTime(now: now)
        earliestKeptEventTime = RetentionLadder.earliestKeptTime(
            levels: [(ladder.eventSegmentSeconds, ladder.eventRetention)], now: now)
    }

    /// What the store at `layout` keeps at `now`: by its own ladder, or by the standard ladder
    /// a writer gives a new store there. Reads the manifest only; takes no lock.
    public static func ofStore(at layout: StoreLayout, now: Double) throws -> StoreAdmission {
        let ladder = try StoreManifest.load(from: layout.manifest)?.ladder ?? StoreManifest().ladder
        return StoreAdmission(ladder: ladder, now: now)
    }

    /// Why the store would not keep `sample`, or nil when it would.
    public func refusal(of sample: Sample) -> StoreRefusal? {
        do throws(RecordError) {
            try AppendBatch.checkValue(sample.value)
        } catch {
            return .valueNotFinite(sample.value)
        }
        do throws(RecordError) {
            _ = try AppendBatch.milliseconds(sample.timestamp)
        } catch {
            return .timeOutsideStore(sample.timestamp)
        }
        if let earliestKeptTime, sample.timestamp < earliestKeptTime {
            return .timeBeforeRetention(sample.timestamp, earliestKept: earliestKeptTime)
        }
        return nil
    }

    /// Why the store would not keep an event at `time` (already checked to be in 1970–2100),
    /// or nil when it would.
    public func refusal(ofEventAt time: Double) -> StoreRefusal? {
        guard let earliestKeptEventTime, time < earliestKeptEventTime else { return nil }
        return .timeBeforeRetention(time, earliestKept: earliestKeptEventTime)
    }
}

/// Why a store would not keep a record.
public enum StoreRefusal: Hashable, Sendable, CustomStringConvertible {
    /// NaN or an infinity: the store holds finite numbers.
    case valueNotFinite(Double)
    /// A time before 1970 or from 2100 on.
    case timeOutsideStore(Double)
    /// A time older than every level of the retention ladder keeps.
    case timeBeforeRetention(Double, earliestKept: Double)

    /// Whether the time is the problem (rather than the value).
    public var concernsTime: Bool {
        if case .valueNotFinite = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .valueNotFinite(let value):
            "the value \(value.isNaN ? "NaN" : value > 0 ? "+Inf" : "-Inf") is not a finite number, and the store keeps only those"
        case .timeOutsideStore(let seconds):
            "timestamp \(seconds) is outside 1970-01-01 to 2100-01-01, the times the store keeps"
        case .timeBeforeRetention(let seconds, let earliestKept):
            "timestamp \(Timestamp(seconds: seconds).rfc3339) is older than the store's retention keeps"
                + " (from \(Timestamp(seconds: earliestKept).rfc3339))"
        }
    }
}
