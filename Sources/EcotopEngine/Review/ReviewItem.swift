/// One point on a review's agenda, with the context it was shown with: its figures against
/// the period before, a chart and the recent error groups. Kept whole in a review session, so
/// a report says what was on screen when the decision was taken.
public struct ReviewItem: Sendable, Hashable, Codable, Identifiable {
    /// Why the item is on the agenda.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An integration that was unhealthy over the period.
        case degradedIntegration = "degraded_integration"
        /// A metric in WARN, CRIT or ANOM on the dashboard.
        case metricStatus = "metric_status"
        /// Two sources of one truth that disagree past their tolerance.
        case divergence
        /// A source whose data stopped arriving.
        case staleSource = "stale_source"
        /// A component with low value per cost, or without integrations.
        case retirementCandidate = "retirement_candidate"
        /// An integration first seen within the period, with its effect on outcomes.
        case newIntegration = "new_integration"
        /// An open action (watch or fix) of the last review that this one's data did not raise again.
        case carriedOver = "carried_over"

        /// How the item's kind reads in a list.
        public var title: String {
            switch self {
            case .degradedIntegration: "degraded integration"
            case .metricStatus: "metric status"
            case .divergence: "divergence"
            case .staleSource: "stale source"
            case .retirementCandidate: "retirement candidate"
            case .newIntegration: "new integration"
            case .carriedOver: "carried over"
            }
        }
    }

    public var kind: Kind
    /// What the item is about: a component, integration, metric, series or agreement.
    public var subject: String
    /// One line that says what is wrong.
    public var reason: String
    /// Higher is more urgent; the agenda is ordered by it.
    public var severity: Int
    public var figures: [ReviewFigure]
    /// The period's values, oldest first, for a chart.
    public var chart: [Double]
    /// The recent error groups concerned, most frequent first (`code  template  ×count`).
    public var errorGroups: [String]

    public init(
        kind: Kind, subject: String, reason: String, severity: Int, figures: [ReviewFigure] = [], chart: [Double] = [],
        errorGroups: [String] = []
    ) {
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.severity = severity
        self.figures = figures
        self.chart = chart
        self.errorGroups = errorGroups
    }

    /// The same item in two reviews has the same id: its kind and subject.
    public var id: String { "\(kind.rawValue):\(subject)" }
}
