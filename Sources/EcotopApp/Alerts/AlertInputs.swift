import EcotopConfig
import EcotopCore
import EcotopEngine
import EcotopStore

/// What alerts are evaluated from: the same reads the dashboard makes (its snapshot with
/// anomalies, its integration health over the last quarter hour, the freshness of its sources,
/// its agreements), so an alert says what the screen says.
public struct AlertInputs {
    var builder: SnapshotBuilder
    var events: any EventSource
    var ecosystem: Ecosystem
    var governance: GovernanceReads

    init(builder: SnapshotBuilder, events: any EventSource, ecosystem: Ecosystem, governance: GovernanceReads) {
        self.builder = builder
        self.events = events
        self.ecosystem = ecosystem
        self.governance = governance
    }

    /// The inputs of a configured ecosystem whose data is in `reader`'s store.
    public init(configuration: EcotopConfiguration, reader: StoreReader) {
        self.init(
            builder: SnapshotBuilder(source: reader, configuration: configuration), events: reader,
            ecosystem: configuration.ecosystem,
            governance: GovernanceReads(governance: configuration.governance, agreementSource: reader))
    }

    /// Every condition firing at `time`.
    public func conditions(at time: Double) throws -> [AlertCondition] {
        var snapshot = try builder.snapshot(at: time, range: .oneHour, buckets: 1)
        snapshot.agreements = try governance.agreements(at: time)
        let integrations = IntegrationHealth(
            ecosystem: ecosystem, events: try events.events(from: time - IntegrationHealth.window, to: time), end: time)
        let keys = try builder.catalog.metrics.flatMap { try builder.source.seriesKeys(named: $0.id.rawValue) }
        let freshness = try governance.freshness(of: keys, at: time, policy: builder.staleness)
        return AlertConditions.of(snapshot: snapshot, integrations: integrations, freshness: freshness)
    }
}
