/// A family of ecosystem metrics: one pane of the dashboard. The four of the reference text's
/// "Key metrics" section are built in; a configuration may add families of its own.
///
/// Two families are the same when their ids are: the id is what samples, weights and the
/// configuration name; the title is how it is shown.
public struct MetricFamily: Hashable, Sendable, CustomStringConvertible {
    /// A short lower-case identifier such as `usage`, unique in a catalog.
    public var id: String
    /// The family's name as shown in pane titles.
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }

    public var description: String { id }

    public static func == (lhs: MetricFamily, rhs: MetricFamily) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Who takes part: partners, integrated services, connected sources, onboarding, diversity.
    public static let participation = MetricFamily(id: "participation", title: "Participation")
    /// How much the ecosystem is used: transactions, users, data exchange, uptime, errors.
    public static let usage = MetricFamily(id: "usage", title: "Usage")
    /// What the ecosystem earns or saves: attributed revenue, cross-sell, lifetime value, savings.
    public static let value = MetricFamily(id: "value", title: "Value")
    /// How people feel about it: satisfaction, community activity, tickets, docs, sentiment.
    public static let qualitative = MetricFamily(id: "qualitative", title: "Qualitative")

    /// The four standard families, in pane order.
    public static let standard: [MetricFamily] = [.participation, .usage, .value, .qualitative]
}
