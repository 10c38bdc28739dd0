import Dispatch
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopEngine
import EcotopStore

/// The configured collectors running inside the dashboard: the store writer they append to,
/// their scheduler, and the watcher that reloads the configuration when its file changes.
/// A configuration that fails to load is reported and the running one kept.
///
/// SIGHUP is not a reload signal here, unlike for `ecotop collect`: to a program on a terminal
/// it means the terminal went away, and the dashboard must end rather than keep its collectors
/// and the store's write lock in a process nobody can see.
final class CollectorRuntime {
    /// The store the collectors write to and the dashboard reads.
    let layout: StoreLayout
    private let writer: StoreWriter
    private let sink: StoreSink
    private let watcher: ConfigWatcher<ConfiguredCollectors>
    private var scheduler: CollectorScheduler
    /// Problems of the last rejected reload, cleared by the next successful one.
    private(set) var problems: [String] = []

    /// Opens the store for writing and starts the collectors.
    init(configured: ConfiguredCollectors, path: String, layout: StoreLayout) throws {
        let settings = configured.configuration.store
        self.layout = layout
        writer = try StoreWriter(
            layout: layout, clock: SystemWallClock(), durability: settings.fsyncInterval.map { .interval(seconds: $0) })
        sink = StoreSink(writer: writer)
        let home = ProcessEnvironment.current["HOME"]
        watcher = ConfigWatcher(path: path, current: configured) { path throws(ConfigErrors) in
            try ConfiguredCollectors.load(path, home: home)
        }
        scheduler = configured.makeScheduler(sink: sink, clock: SystemWallClock())
        scheduler.start()
    }

    /// The configuration in force.
    var configured: ConfiguredCollectors { watcher.current }

    /// Each collector's health now.
    var health: [CollectorHealth] { scheduler.health }

    /// Looks for a changed configuration (or a SIGHUP) and swaps the collectors when one loads;
    /// returns the new configuration when it did.
    func reloadIfChanged() -> ConfiguredCollectors? {
        switch watcher.poll() {
        case .unchanged:
            return nil
        case .rejected(let errors):
            problems = errors.diagnostics.map(\.description)
            return nil
        case .reloaded(let reloaded):
            problems = []
            Self.wait { [scheduler] in await scheduler.stop() }
            scheduler = reloaded.makeScheduler(sink: sink, clock: SystemWallClock())
            scheduler.start()
            return reloaded
        }
    }

    /// Stops the collectors (ending plugins in progress) and closes the store.
    func stop() throws {
        Self.wait { [scheduler] in await scheduler.stop() }
        try writer.close()
    }

    /// Runs async work to its end from the synchronous dashboard loop.
    private static func wait(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await work()
            done.signal()
        }
        done.wait()
    }
}

extension SnapshotBuilder {
    /// A builder that reads `source` with the configuration's catalog, health weights and
    /// expected intervals. A metric is stale after five of its expected intervals; without one
    /// configured, five of the slowest collector's.
    init(source: any SeriesSource, configuration: EcotopConfiguration) {
        let slowest = configuration.collectors.map(\.interval).max() ?? 60
        self.init(
            source: source, catalog: configuration.metricCatalog(), weights: configuration.health.families,
            metricWeights: configuration.health.metrics,
            staleness: StalenessPolicy(defaultInterval: max(60, slowest), metricIntervals: configuration.expectedIntervals))
    }
}
