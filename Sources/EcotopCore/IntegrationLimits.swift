/// When an integration counts as unhealthy: a share of failed attempts, or, where attempts are
/// not known, a rate of error events. Critical integrations get stricter limits by default;
/// the configuration may set either limit per integration.
public struct IntegrationLimits: Sendable, Hashable {
    /// Failed attempts, in percent of attempts, above which the integration is unhealthy.
    public var maximumFailureRate: Double
    /// Error events per minute above which the integration is unhealthy (used where attempts
    /// are unknown or too few to give a rate).
    public var maximumErrorsPerMinute: Double

    public init(maximumFailureRate: Double, maximumErrorsPerMinute: Double) {
        self.maximumFailureRate = maximumFailureRate
        self.maximumErrorsPerMinute = maximumErrorsPerMinute
    }

    /// 5 % of attempts, or one error a minute.
    public static let standard = IntegrationLimits(maximumFailureRate: 5, maximumErrorsPerMinute: 1)
    /// 1 % of attempts, or three errors in a quarter of an hour (0.2 a minute).
    public static let critical = IntegrationLimits(maximumFailureRate: 1, maximumErrorsPerMinute: 0.2)
}
