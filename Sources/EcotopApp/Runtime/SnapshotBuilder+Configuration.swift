import EcotopConfig
import EcotopCore
import EcotopEngine

extension SnapshotBuilder {
    /// A builder that reads `source` with the configuration's catalog, health weights and
    /// expected intervals. A metric is stale after five of its expected intervals; without one
    /// configured, five of the slowest collector's.
    public init(source: any SeriesSource, configuration: EcotopConfiguration) {
        let slowest = configuration.collectors.map(\.interval).max() ?? 60
        self.init(
            source: source, catalog: configuration.metricCatalog(), weights: configuration.health.families,
            metricWeights: configuration.health.metrics,
            staleness: StalenessPolicy(defaultInterval: max(60, slowest), metricIntervals: configuration.expectedIntervals))
    }
}
