import EcotopCore

/// One integration over a range, the second level of the errors drill-down: its failures
/// against its volume, its codes and its error groups.
public struct IntegrationErrorDetail: Sendable, Hashable {
    public var summary: IntegrationErrorSummary
    /// Error events per bucket, oldest first.
    public var failuresPerBucket: [Int]
    /// Error and delivery events per bucket: the volume the failures are part of.
    public var attemptsPerBucket: [Int]
    /// Its failure codes, most frequent first.
    public var codes: [CodeCount]
    /// Its error groups, most frequent first.
    public var groups: [ErrorFingerprint]

    /// How often one code occurred and what class of failure it is.
    public struct CodeCount: Sendable, Hashable {
        public var code: String
        public var count: Int
        public var failureClass: FailureClass
    }

    /// The detail of `summary`'s integration from the range's `events` and `groups`.
    public init(
        summary: IntegrationErrorSummary, events: [IntegrationEvent], groups: [ErrorFingerprint], from: Double, to: Double,
        buckets: Int, classifier: FailureClassifier = .standard
    ) {
        let own = events.filter { $0.integration == summary.id }
        let errors = own.filter { $0.kind == .error }
        self.summary = summary
        failuresPerBucket = EventHistogram.counts(of: errors.map(\.timestamp), from: from, to: to, buckets: buckets)
        attemptsPerBucket = EventHistogram.counts(of: own.map(\.timestamp), from: from, to: to, buckets: buckets)
        var counts: [String: Int] = [:]
        for event in errors { counts[event.code, default: 0] += 1 }
        codes = counts.map { CodeCount(code: $0.key, count: $0.value, failureClass: classifier.classify($0.key)) }
            .sorted { ($1.count, $0.code) < ($0.count, $1.code) }
        self.groups = groups.filter { $0.integration == summary.id }
    }
}

/// One error group over a range, the third level of the errors drill-down, with its events
/// (the fourth and fifth levels).
public struct ErrorGroupDetail: Sendable, Hashable {
    public var group: ErrorFingerprint
    /// The group's share of every error in the range, 0-1.
    public var share: Double
    /// The group's events per bucket, oldest first.
    public var histogram: [Int]
    /// First seen inside the range: absent from the window of the same length before it.
    public var isNew: Bool
    public var failureClass: FailureClass
    /// The group's events, newest first.
    public var events: [IntegrationEvent]

    /// The detail of `group` from the range's `events`; `isNew` is the caller's, who knows
    /// what came before the range.
    public init(
        group: ErrorFingerprint, events: [IntegrationEvent], from: Double, to: Double, buckets: Int, isNew: Bool,
        classifier: FailureClassifier = .standard
    ) {
        let errors = events.filter { $0.kind == .error && $0.timestamp >= from && $0.timestamp < to }
        let own = errors.filter(group.contains)
        self.group = group
        share = errors.isEmpty ? 0 : Double(own.count) / Double(errors.count)
        histogram = EventHistogram.counts(of: own.map(\.timestamp), from: from, to: to, buckets: buckets)
        self.isNew = isNew
        failureClass = classifier.classify(group.code)
        self.events = own.sorted { $0.timestamp > $1.timestamp }
    }
}
