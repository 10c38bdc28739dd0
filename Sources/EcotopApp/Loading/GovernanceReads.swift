import EcotopCore
import EcotopEngine

/// The governance reads of a `DataLoader`: the sources of truth checked at each dashboard read
/// (for the header), the annotations every chart marks, and the governance screen's report.
///
/// Annotations live in the events log among the error events, so the dashboard's read of them
/// is kept for `annotationInterval` seconds per range rather than repeated at every refresh.
struct GovernanceReads {
    var governance: Governance
    /// Where the agreements' series are read (the demo adds its own series to its history).
    var agreementSource: any SeriesSource
    /// How far back the newest point of an agreement's series may be.
    static let agreementLookback: Double = 86_400
    /// Seconds a read of the range's annotations is reused by dashboard reads.
    static let annotationInterval: Double = 15
    private var annotationRead: (range: TimeRange, time: Double, annotations: [Annotation])?

    init(governance: Governance, agreementSource: any SeriesSource) {
        self.governance = governance
        self.agreementSource = agreementSource
    }

    /// The agreements checked at `time`.
    func agreements(at time: Double) throws -> [AgreementCheck] {
        try AgreementCheck.checks(of: governance, source: agreementSource, at: time, lookback: Self.agreementLookback)
    }

    /// How current the agreements' series are, beside the catalog's `keys`: they are sources too.
    func freshness(of keys: [SeriesKey], at time: Double, policy: StalenessPolicy) throws -> DataFreshness {
        let compared = try governance.agreements.flatMap { [$0.reference, $0.compared] }.flatMap {
            try AgreementCheck.keys(of: $0, in: agreementSource)
        }
        var seen = Set<SeriesKey>()
        let all = (keys + compared).filter { seen.insert($0).inserted }
        return try DataFreshness(keys: all, source: agreementSource, at: time, lookback: Self.agreementLookback, policy: policy)
    }

    /// The annotations of `range` ending at `time`, oldest first, read again once the last read
    /// of the same range is `annotationInterval` old.
    mutating func dashboardAnnotations(in range: TimeRange, at time: Double, from events: any EventSource) throws -> [Annotation] {
        if let last = annotationRead, last.range == range, time - last.time < Self.annotationInterval, time >= last.time {
            return last.annotations.filter { $0.timestamp >= time - range.seconds }
        }
        let annotations = try Self.annotations(in: range, at: time, from: events)
        annotationRead = (range, time, annotations)
        return annotations
    }

    /// The annotations of `range` ending at `time`, oldest first.
    static func annotations(in range: TimeRange, at time: Double, from events: any EventSource) throws -> [Annotation] {
        try events.annotations(from: time - range.seconds, to: time)
    }

    /// Forgets the annotations read, after new ones may have been written or a reload.
    mutating func forgetAnnotations() {
        annotationRead = nil
    }

    /// The governance screen's report.
    func report(
        range: TimeRange, at time: Double, freshness: DataFreshness, events: any EventSource, catalog: MetricCatalog, ecosystem: Ecosystem
    ) throws -> GovernanceReport {
        GovernanceReport(
            time: time, freshness: freshness, agreements: try agreements(at: time),
            owners: OwnedSubject.list(governance.owners, catalog: catalog, ecosystem: ecosystem),
            annotations: try Self.annotations(in: range, at: time, from: events).reversed())
    }
}
