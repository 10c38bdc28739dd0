import EcotopCore

/// A validated configuration file: the ecosystem, its collectors, metric overrides, health
/// weights, the store and data governance. See docs/config.md for every field.
public struct EcotopConfiguration: Sendable {
    /// The file it was read from.
    public var file: String
    public var ecosystem: Ecosystem
    public var collectors: [CollectorConfig]
    /// The metrics the dashboard shows: the standard ones (unless `catalog.standard` is false)
    /// with their overrides, and the configuration's own families and metrics.
    public var catalog: MetricCatalog
    /// Per-metric overrides, in file order.
    public var metricOverrides: [MetricOverride]
    public var health: HealthWeights
    public var store: StoreSettings
    /// How failure codes are classed, and the runbooks of error groups (`errors:`, `runbooks:`).
    public var errorPolicy: ErrorPolicy
    /// Where series are read from instead of the store (`source:`); nil reads the store.
    public var source: SourceSettings?
    /// Sources of truth that must agree, and who owns which data and components.
    public var governance: Governance
    /// The bell and the hook of alerts (`alerts:`).
    public var alerts = AlertSettings()
    /// Actions bound to other keys (`keys:`), checked and applied by the dashboard's key map.
    public var keys: [KeyRemap] = []

    public init(
        file: String, ecosystem: Ecosystem, collectors: [CollectorConfig], catalog: MetricCatalog? = nil,
        metricOverrides: [MetricOverride] = [], health: HealthWeights = HealthWeights(), store: StoreSettings = StoreSettings(),
        errorPolicy: ErrorPolicy = ErrorPolicy(), source: SourceSettings? = nil, governance: Governance = Governance()
    ) {
        self.file = file
        self.ecosystem = ecosystem
        self.collectors = collectors
        self.catalog = catalog ?? Self.catalog(
            base: .standard, families: MetricFamily.standard, overrides: metricOverrides, added: [])
        self.metricOverrides = metricOverrides
        self.health = health
        self.store = store
        self.errorPolicy = errorPolicy
        self.source = source
        self.governance = governance
    }

    /// The catalog in force; the same as `catalog`, for callers that build a dashboard from it.
    public func metricCatalog() -> MetricCatalog { catalog }

    /// `base` with `overrides` applied (thresholds, units, counters) and `added` metrics placed
    /// after the other metrics of their family, families in the order of `families`.
    static func catalog(
        base: MetricCatalog, families: [MetricFamily], overrides: [MetricOverride], added: [MetricDefinition]
    ) -> MetricCatalog {
        var metrics = base.metrics + added
        for override in overrides {
            guard let index = metrics.firstIndex(where: { $0.id == override.id }) else { continue }
            if let thresholds = override.thresholds { metrics[index].thresholds = thresholds }
            if let unit = override.unit { metrics[index].unit = unit }
            if let isCounter = override.isCounter { metrics[index].isCounter = isCounter }
        }
        let order = Dictionary(uniqueKeysWithValues: families.enumerated().map { ($1, $0) })
        let ordered = metrics.enumerated().sorted { first, second in
            (order[first.element.family] ?? families.count, first.offset) < (order[second.element.family] ?? families.count, second.offset)
        }
        return MetricCatalog(metrics: ordered.map(\.element))
    }

    /// The configured `promql:` expressions by metric id, for a Prometheus source.
    public var promqlExpressions: [String: String] {
        var expressions: [String: String] = [:]
        for override in metricOverrides {
            if let promql = override.promql { expressions[override.id.rawValue] = promql }
        }
        return expressions
    }

    /// Expected collection intervals by metric, for staleness (`StalenessPolicy.metricIntervals`).
    public var expectedIntervals: [MetricID: Double] {
        var intervals: [MetricID: Double] = [:]
        for override in metricOverrides {
            if let interval = override.expectedInterval { intervals[override.id] = interval }
        }
        return intervals
    }
}

/// What the configuration changes about one catalog metric.
public struct MetricOverride: Sendable, Hashable {
    public var id: MetricID
    public var thresholds: Thresholds?
    public var unit: MetricUnit?
    /// How often a value is expected, in seconds; several missed intervals make it stale.
    public var expectedInterval: Double?
    /// Whether the collected series are running totals to be read as rates (`counter: true`).
    public var isCounter: Bool?
    /// The PromQL expression a Prometheus source reads the metric with, instead of its series
    /// by name (`promql:`).
    public var promql: String?

    public init(
        id: MetricID, thresholds: Thresholds? = nil, unit: MetricUnit? = nil, expectedInterval: Double? = nil,
        isCounter: Bool? = nil, promql: String? = nil
    ) {
        self.id = id
        self.thresholds = thresholds
        self.unit = unit
        self.expectedInterval = expectedInterval
        self.isCounter = isCounter
        self.promql = promql
    }
}

/// Weights of the health score: families in the overall score, metrics in their family's.
/// A missing weight is 1 (`SnapshotBuilder`'s `weights` and `metricWeights`).
public struct HealthWeights: Sendable, Hashable {
    public var families: [MetricFamily: Double]
    public var metrics: [MetricID: Double]

    public init(families: [MetricFamily: Double] = [:], metrics: [MetricID: Double] = [:]) {
        self.families = families
        self.metrics = metrics
    }
}

/// The `store` section: where collected data goes and how often it is synced.
public struct StoreSettings: Sendable, Hashable {
    /// The store directory (with `~` expanded); nil is the default location.
    public var path: String?
    /// fsync at most this often (seconds); nil syncs every batch.
    public var fsyncInterval: Double?

    public init(path: String? = nil, fsyncInterval: Double? = nil) {
        self.path = path
        self.fsyncInterval = fsyncInterval
    }
}
