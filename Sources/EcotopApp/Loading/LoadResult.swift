import EcotopConfig
import EcotopCore
import EcotopEngine

/// What a load brought back: its data or why it failed, with the session's status at the time.
public struct LoadResult: Sendable {
    public var request: LoadRequest
    public var outcome: Result<LoadedData, LoadFailure>
    public var status: SessionStatus
    /// How long the loader took, in seconds, as the refresher measured it (the timings overlay).
    public var loadSeconds: Double = 0

    public init(request: LoadRequest, outcome: Result<LoadedData, LoadFailure>, status: SessionStatus) {
        self.request = request
        self.outcome = outcome
        self.status = status
    }
}

/// The data of one `LoadRequest.Kind`.
public enum LoadedData: Sendable {
    case dashboard(EcosystemSnapshot, integrationHealth: IntegrationHealth?)
    case metric(MetricSummary)
    case breakdown(MetricBreakdown)
    case errors(IntegrationErrorsReport)
    case freshness(DataFreshness)
    case map(EcosystemMap)
    case governance(GovernanceReport)
    case review(ReviewSession)
    /// A review session was saved.
    case reviewSaved
    case alerts(AlertsRead)
    /// An annotation was recorded.
    case annotated
    /// A screen was saved at this path.
    case screenSaved(path: String)
    case status
}

/// Why a load failed: the error itself (a `StoreError`, a `LoadError`...), kept whole for
/// whoever wants to tell kinds apart, and described as the screen that asked shows it.
public struct LoadFailure: Error, CustomStringConvertible {
    public let underlying: any Error

    public init(_ error: any Error) {
        underlying = error
    }

    public var description: String { "\(underlying)" }
}

/// The running session's state that every screen shares: which ecosystem and catalog are in
/// force, and how its collectors and configuration are doing.
public struct SessionStatus: Sendable {
    public var ecosystemName: String
    public var catalog: MetricCatalog
    /// The configured collectors' health; empty on the demo.
    public var collectors: [CollectorStatus]
    /// Why the configuration file could not be reloaded, each as `file:line:column: why`;
    /// empty when the configuration in force is the file's.
    public var configProblems: [String]
    /// How many times a changed configuration was taken up; the model says so when it grows.
    public var configurationVersion: Int
    /// The configuration's `keys:` in force (empty without one), which the key map applies to
    /// the catalog's: a reload that changes them changes the keys.
    public var keyRemaps: [KeyRemap] = []
    /// What the user should know about where the data comes from (`not recording: ...`).
    public var dataNote: String?
    /// Who owns which data and components (`governance.owners`), for every screen that names owners.
    public var owners: Ownership
    /// How many alerts are open, neither acknowledged nor silenced; nil when no store is read.
    public var alertsNeedingAttention: Int?
    /// How many times an alert opened with `alerts.bell` on: the dashboard rings when it grows.
    public var alertBells = 0

    public init(
        ecosystemName: String, catalog: MetricCatalog, collectors: [CollectorStatus] = [], configProblems: [String] = [],
        configurationVersion: Int = 0, dataNote: String? = nil, owners: Ownership = Ownership()
    ) {
        self.ecosystemName = ecosystemName
        self.catalog = catalog
        self.collectors = collectors
        self.configProblems = configProblems
        self.configurationVersion = configurationVersion
        self.dataNote = dataNote
        self.owners = owners
    }
}
