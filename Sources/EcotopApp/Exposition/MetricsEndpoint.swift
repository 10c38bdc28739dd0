import EcotopCollectors
import EcotopCore
import EcotopExporter
import EcotopStore
import Synchronization

/// `--listen`: serves the latest value of every collected series and Ecotop's own health on
/// `/metrics` while collectors write to the store.
///
/// The latest values live in memory (`latest`, fed by the `StoreSink` on every append the
/// store accepts), seeded at start from the raw points of the last hour, so a scrape never
/// reads the store; the store's size is one `stat` per file. The exposition's layout (names,
/// types, clashes) is computed again only when a series appears or the catalog changes.
public final class MetricsEndpoint: Sendable {
    /// The table the sink feeds; pass it to `StoreSink(writer:latest:)`.
    public let latest = LatestSamples()
    private let layout: StoreLayout
    private let ladder: RetentionLadder
    private let running = Mutex<(scheduler: CollectorScheduler?, catalog: MetricCatalog)>((nil, .standard))
    private let server = Mutex<MetricsServer?>(nil)
    /// The layout of the last scrape and what it was computed from.
    private let cachedLayout = Mutex<(generation: Int, catalog: [MetricDefinition], claimed: Set<String>, layout: ExpositionLayout)?>(nil)

    /// How far back the values a restarted collector last wrote are still served: older
    /// points would fall outside Prometheus's head block and be refused as out of bounds.
    public static let seedWindow = 3_600.0

    /// Seeds the latest values from the store the collectors write to.
    public init(writer: StoreWriter, now: Double) throws {
        layout = writer.layout
        ladder = writer.manifest.ladder
        let reader = try StoreReader(layout: layout)
        latest.record(try reader.latestSamples(from: now - Self.seedWindow, to: now))
    }

    /// Makes `/metrics` report the health of `scheduler` and read HELP and TYPE from `catalog`,
    /// at start and after each configuration reload.
    public func track(_ scheduler: CollectorScheduler, catalog: MetricCatalog) {
        running.withLock { $0 = (scheduler, catalog) }
    }

    /// Starts serving on `address`; returns the address served (the chosen port for port 0).
    public func start(on address: ListenAddress) async throws(MetricsServerError) -> ListenAddress {
        let server = try MetricsServer(address: address) { [self] format in exposition(format) }
        let served = try await server.start()
        self.server.withLock { $0 = server }
        return served
    }

    /// Stops serving, if it started.
    public func stop() async {
        let server = server.withLock { $0 }
        await server?.stop()
    }

    /// The text of one scrape.
    public func exposition(_ format: ExpositionFormat) -> String {
        let (scheduler, catalog) = running.withLock { $0 }
        let own = HealthFamilies.families(collectors: scheduler?.health ?? [], storeBytes: layout.bytesOnDisk(ladder))
        let table = latest.table
        let families = CollectedFamilies(layout: layout(of: table, catalog: catalog, own: own), points: table.points, own: own).families
        return ExpositionText.render(families, as: format)
    }

    /// The layout for `table`: the last one while no series was added and the catalog is the
    /// same, else computed again (sorting and mapping every series) and kept.
    private func layout(of table: LatestSamples.Table, catalog: MetricCatalog, own: [ExposedFamily]) -> ExpositionLayout {
        let claimed = Set(own.flatMap(\.claimedNames))
        if let cached = cachedLayout.withLock({ $0 }), cached.generation == table.generation, cached.catalog == catalog.metrics,
            cached.claimed == claimed
        {
            return cached.layout
        }
        let layout = ExpositionLayout(keys: table.keys, catalog: catalog, claimed: claimed)
        cachedLayout.withLock { $0 = (table.generation, catalog.metrics, claimed, layout) }
        return layout
    }
}
