/// The four families of ecosystem metrics, after the reference text's "Key metrics" section.
public enum MetricFamily: String, CaseIterable, Sendable, Codable {
    /// Who takes part: partners, integrated services, connected sources, onboarding, diversity.
    case participation
    /// How much the ecosystem is used: transactions, users, data exchange, uptime, errors.
    case usage
    /// What the ecosystem earns or saves: attributed revenue, cross-sell, lifetime value, savings.
    case value
    /// How people feel about it: satisfaction, community activity, tickets, docs, sentiment.
    case qualitative

    /// The family's name as shown in pane titles.
    public var title: String {
        switch self {
        case .participation: "Participation"
        case .usage: "Usage"
        case .value: "Value"
        case .qualitative: "Qualitative"
        }
    }

    /// The position of the family in panes and key bindings (`1`...`4`).
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}
