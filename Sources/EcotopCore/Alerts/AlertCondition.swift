/// How bad an alert is: the two levels Alertmanager users page and ticket on.
public enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warning
    case critical

    /// The label shown in severity columns.
    public var label: String {
        switch self {
        case .warning: "WARN"
        case .critical: "CRIT"
        }
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs == .warning && rhs == .critical }
}

/// What an alert is about.
public enum AlertKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A catalog metric in WARN, CRIT or ANOM.
    case metric
    /// An integration that is unhealthy (`IntegrationHealth`).
    case integration
    /// A source whose data stopped arriving (`DataFreshness`).
    case freshness
    /// Two sources of one truth that disagree past their tolerance (`AgreementCheck`).
    case divergence
}

/// One thing that is wrong at one moment and may open an alert: the alert tracker's input.
/// Conditions with the same `key` at different moments are the same problem.
public struct AlertCondition: Sendable, Hashable {
    /// What identifies the problem across evaluations: `KIND:SUBJECT`.
    public var key: String { kind.rawValue + ":" + subject }
    public var kind: AlertKind
    /// The metric id, integration id, series key or agreement name the problem is about.
    public var subject: String
    public var severity: AlertSeverity
    /// The value that is wrong (the metric's value, the failure rate in percent or errors per
    /// minute, the source's age in seconds, the divergence in percent); nil when there is none
    /// or it is not finite.
    public var value: Double?
    /// Whether a higher `value` is worse: decides which value is the worst so far.
    public var higherIsWorse: Bool
    /// One line saying what is wrong, such as `Error rates in integrations: 7.5 > 5`.
    public var summary: String

    public init(kind: AlertKind, subject: String, severity: AlertSeverity, value: Double?, higherIsWorse: Bool, summary: String) {
        self.kind = kind
        self.subject = subject
        self.severity = severity
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.higherIsWorse = higherIsWorse
        self.summary = summary
    }

    /// The worse of two values by this condition's direction; either alone when the other is nil.
    public func worse(_ lhs: Double?, _ rhs: Double?) -> Double? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return higherIsWorse ? max(lhs, rhs) : min(lhs, rhs)
    }
}
