import EcotopCore

/// The incidents of a span, ordered by start, so the ones acting at a moment are found by a
/// binary search rather than a scan of the whole span: a month of events asks this for every
/// ten seconds of every integration, and a scan made that quadratic in the span's length.
struct DemoIncidentTimeline: Sendable {
    private let incidents: [DemoIncident]

    init(_ incidents: [DemoIncident]) {
        self.incidents = incidents.sorted { $0.start < $1.start }
    }

    /// The incidents that may act at `time`: those started at most `longestDuration` before it.
    func candidates(at time: Double) -> ArraySlice<DemoIncident> {
        let earliest = time - DemoIncidentSchedule.longestDuration
        var low = incidents.startIndex
        var high = incidents.endIndex
        while low < high {
            let middle = (low + high) / 2
            if incidents[middle].start < earliest { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < incidents.endIndex, incidents[end].start <= time { end += 1 }
        return incidents[low..<end]
    }

    /// The strongest severity at `time` of the incidents `matching` says count.
    func severity(at time: Double, matching: (DemoIncident) -> Bool = { _ in true }) -> Double {
        candidates(at: time).lazy.filter(matching).map { $0.severity(at: time) }.max() ?? 0
    }

    /// The first incident acting at `time` on `integration`.
    func incident(on integration: Integration, at time: Double) -> DemoIncident? {
        candidates(at: time).first { $0.integration == integration && $0.severity(at: time) > 0 }
    }
}
