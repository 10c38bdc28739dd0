import EcotopCore

/// A read that a screen needs, at one moment: the typed effect every loader answers.
public struct LoadRequest: Hashable, Sendable {
    /// What to read.
    public enum Kind: Hashable, Sendable {
        /// Every catalog metric over the range (the panes and the header), with the header's
        /// integration health. Without anomaly detection it skips a week of baseline history:
        /// the first frame asks for that.
        case dashboard(TimeRange, detectingAnomalies: Bool)
        /// One metric at the resolution of the detail chart.
        case metric(MetricID, TimeRange, buckets: Int)
        /// One metric divided by a label (`component`, `partner`).
        case breakdown(MetricID, label: String, TimeRange, buckets: Int)
        /// Integration health and error groups over the range (at most a day).
        case errors(TimeRange)
        /// How current each source's data is.
        case freshness
        /// The ecosystem map: its components and their integrations over the range.
        case map(TimeRange)
        /// The governance screen: freshness, sources of truth, owners and the range's annotations.
        case governance(TimeRange)
        /// Every recorded alert.
        case alerts
        /// Acknowledge or silence an alert, then read them all.
        case changeAlert(AlertChange)
        /// Only the collectors' health and the configuration's state (while paused).
        case status
        /// A review session: a new one built from its period's data, or one resumed.
        case review(ReviewModel.Start)
        /// Saves a review session (atomically, under the review archive).
        case saveReview(ReviewSession)
        /// Records an annotation in the store's events log.
        case annotate(Annotation)
        /// Saves a screen as drawn (the palette's export).
        case saveScreen(SavedScreen)
    }

    public var kind: Kind
    /// Seconds since the Unix epoch at which the data is read.
    public var time: Double

    public init(_ kind: Kind, at time: Double) {
        self.kind = kind
        self.time = time
    }

    /// Requests in the same slot replace each other while they wait: only the newest dashboard
    /// read, metric read, and so on, is worth doing. A change the user asked for (an alert
    /// acknowledged or silenced, an annotation) has none: each one must reach the loader.
    public var slot: Int? {
        switch kind {
        case .dashboard: 0
        case .metric: 1
        case .errors: 2
        case .freshness: 3
        case .status: 4
        case .breakdown: 5
        case .map: 6
        case .governance: 7
        case .review: 8
        case .saveReview: 9
        case .alerts: 10
        case .changeAlert, .annotate, .saveScreen: nil
        }
    }
}
