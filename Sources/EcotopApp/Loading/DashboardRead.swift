import EcotopCore
import EcotopEngine

/// One dashboard read and what it was read at: a later read of the same range may reuse its
/// snapshot while the source's revision is the same.
struct DashboardRead {
    var range: TimeRange
    var detectingAnomalies: Bool
    /// The source's revision at the time; nil never matches.
    var revision: Int?
    /// When the snapshot was built.
    var time: Double
    var snapshot: EcosystemSnapshot?

    /// Whether this read's snapshot can stand for `later`: same range and anomaly detection, a
    /// source that reports no change, and built less than `longestReuse` seconds before.
    func canStand(for later: DashboardRead, longestReuse: Double) -> Bool {
        guard snapshot != nil, let revision, revision == later.revision else { return false }
        return range == later.range && detectingAnomalies == later.detectingAnomalies
            && later.time >= time && later.time - time < longestReuse
    }

    /// This read with the snapshot it produced.
    func with(_ snapshot: EcosystemSnapshot) -> DashboardRead {
        var read = self
        read.snapshot = snapshot
        return read
    }
}
