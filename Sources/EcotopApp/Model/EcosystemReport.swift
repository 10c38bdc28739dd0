import EcotopCore
import EcotopEngine

/// What `ecotop report` and `ecotop check` state about the ecosystem over a range: the
/// dashboard's snapshot (statuses, values, health, agreements), its errors report and the
/// sources' freshness, read through the same `DataLoader` requests the dashboard's screens
/// make. Every figure is the dashboard's; this type only picks what a report lists.
public struct EcosystemReport: Sendable {
    /// The name of the ecosystem read.
    public var ecosystemName: String
    /// Where the data came from, when the header would say so (`series from Prometheus ...`).
    public var dataNote: String?
    /// The catalog in force, whose families (`catalog.families`) order the report.
    public var catalog: MetricCatalog
    /// Every catalog metric over the range, with the health score the header shows.
    public var snapshot: EcosystemSnapshot
    /// Integration health and error groups over the range (at most a day), as the errors screen.
    public var errors: IntegrationErrorsReport
    /// How current each source is, as the collectors screen shows it.
    public var freshness: DataFreshness
    /// The alerts open at the report's moment, most severe first, as the alerts screen lists
    /// them: the store's alerts file, or the demo's own when it has no store.
    public var openAlerts: [Alert] = []

    /// How many failing integrations a report lists, and how many error groups under each.
    public static let failingIntegrationLimit = 5
    public static let groupsPerIntegration = 3

    /// Reads the report of `range` at `time` from `loader`: the dashboard's full read (with
    /// anomaly detection and the integrations' health), the errors read and the freshness read.
    public init(loader: DataLoader, range: TimeRange, at time: Double) throws {
        guard case .dashboard(let snapshot, _) = try Self.load(.dashboard(range, detectingAnomalies: true), at: time, from: loader),
            case .errors(let errors) = try Self.load(.errors(range), at: time, from: loader),
            case .freshness(let freshness) = try Self.load(.freshness, at: time, from: loader)
        else { throw LoadFailure(UnexpectedData()) }
        let status = loader.status
        ecosystemName = status.ecosystemName
        dataNote = status.dataNote
        catalog = status.catalog
        self.snapshot = snapshot
        self.errors = errors
        self.freshness = freshness
        if case .alerts(let read) = try Self.load(.alerts, at: time, from: loader) { openAlerts = read.history.open }
    }

    /// A loader answered a request with the data of another kind.
    struct UnexpectedData: Error, CustomStringConvertible {
        var description: String { "the loader answered a report's read with data of another kind" }
    }

    private static func load(_ kind: LoadRequest.Kind, at time: Double, from loader: DataLoader) throws -> LoadedData {
        try loader.load(LoadRequest(kind, at: time)).outcome.get()
    }

    /// The integrations in trouble, at most `failingIntegrationLimit`: those unhealthy now (the
    /// header's health, over its recent window) first, then those unhealthy over the range or
    /// with failures in it, each part in the errors screen's order.
    public var failingIntegrations: [IntegrationErrorSummary] {
        let failing = errors.integrations.filter { isUnhealthyNow($0) || $0.health.state == .unhealthy || $0.failures > 0 }
        return Array((failing.filter(isUnhealthyNow) + failing.filter { !isUnhealthyNow($0) }).prefix(Self.failingIntegrationLimit))
    }

    /// The integration's health now, over the header's recent window.
    public func healthNow(of integration: IntegrationErrorSummary) -> IntegrationHealth.State? {
        errors.health.entries.first { $0.id == integration.id }?.state
    }

    private func isUnhealthyNow(_ integration: IntegrationErrorSummary) -> Bool {
        healthNow(of: integration) == .unhealthy
    }

    /// An integration's most frequent error groups of the range, at most `groupsPerIntegration`.
    public func groups(of integration: IntegrationErrorSummary) -> [ErrorFingerprint] {
        Array(errors.fingerprints.filter { $0.integration == integration.id }.prefix(Self.groupsPerIntegration))
    }

    /// The sources that are not fresh, stalest first.
    public var staleSources: [DataFreshness.Entry] { freshness.staleEntries }

    /// The sources of truth that disagree past their tolerance.
    public var divergences: [AgreementCheck] { snapshot.agreements.filter(\.isBreached) }
}
