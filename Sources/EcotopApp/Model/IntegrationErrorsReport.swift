import EcotopCore
import EcotopEngine

/// What the errors drill-down and `ecotop errors` show, read once per refresh so that moving
/// between levels never waits: each integration's health now (the same `IntegrationHealth` as
/// the header, over its recent window), every integration over the range, the range's error
/// groups, which of them are new, and the range's events for the deeper levels.
public struct IntegrationErrorsReport: Sendable, Hashable {
    /// Seconds since the Unix epoch at the end of the window.
    public var end: Double
    /// The window's length in seconds.
    public var length: Double
    public var health: IntegrationHealth
    /// Every integration of the ecosystem over the window, ranked by health.
    public var integrations: [IntegrationErrorSummary]
    /// The window's error groups, most frequent first.
    public var fingerprints: [ErrorFingerprint]
    /// The ids of the groups that did not occur in the window of the same length before.
    public var newGroups: Set<String>
    /// The window's events, oldest first.
    public var events: [IntegrationEvent]
    /// How many buckets the sparklines and histograms have.
    public var buckets: Int
    /// How codes are classed, and the runbooks.
    public var policy: ErrorPolicy

    /// The longest window the errors view reads: error events are many, and a day of them
    /// says what is failing now.
    public static let longestWindow: Double = 86_400
    /// The buckets of the window's sparklines and histograms.
    public static let standardBuckets = 60

    /// The start of the window.
    public var start: Double { end - length }

    /// Reads the events of the window ending at `end` (at most `longestWindow` long, and at
    /// least the health window) and of the window as long before it, and assesses the
    /// ecosystem's integrations and error groups with them.
    public init(
        ecosystem: Ecosystem, events source: any EventSource, end: Double, range: TimeRange,
        policy: ErrorPolicy = ErrorPolicy(), buckets: Int = IntegrationErrorsReport.standardBuckets
    ) throws {
        let length = max(IntegrationHealth.window, min(range.seconds, Self.longestWindow))
        let start = end - length
        let read = try source.events(from: start - length, to: end)
        let split = read.partitioningIndex { $0.timestamp >= start }
        let before = ErrorFingerprint.group(Array(read[..<split]))
        let events = Array(read[split...])
        let fingerprints = ErrorFingerprint.group(events)
        let known = Set(before.map(\.id))
        self.end = end
        self.length = length
        health = IntegrationHealth(ecosystem: ecosystem, events: events, end: end)
        integrations = IntegrationErrorSummary.rank(
            ecosystem: ecosystem, events: events, from: start, to: end, buckets: buckets, classifier: policy.classifier)
        self.fingerprints = fingerprints
        newGroups = Set(fingerprints.map(\.id).filter { !known.contains($0) })
        self.events = events
        self.buckets = buckets
        self.policy = policy
    }

    /// The second level for one integration; nil when the ecosystem has no such integration.
    public func detail(ofIntegration id: String) -> IntegrationErrorDetail? {
        guard let summary = integrations.first(where: { $0.id == id }) else { return nil }
        return IntegrationErrorDetail(
            summary: summary, events: events, groups: fingerprints, from: start, to: end, buckets: buckets, classifier: policy.classifier)
    }

    /// The third level for one group (by its fingerprint id); nil when the window has no such group.
    public func detail(ofGroup id: String) -> ErrorGroupDetail? {
        guard let group = fingerprints.first(where: { $0.id == id }) else { return nil }
        return ErrorGroupDetail(
            group: group, events: events, from: start, to: end, buckets: buckets, isNew: newGroups.contains(id),
            classifier: policy.classifier)
    }

    /// The configured runbook of a group, if one applies.
    public func runbook(for group: ErrorFingerprint) -> Runbook? {
        Runbook.first(in: policy.runbooks, integration: group.integration, code: group.code)
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, in an array where every element
    /// that does comes after every element that does not (a binary search).
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
