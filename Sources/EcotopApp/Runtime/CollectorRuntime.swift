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
public final class CollectorRuntime {
    /// The store the collectors write to and the dashboard reads.
    public let layout: StoreLayout
    private let writer: StoreWriter
    private let sink: StoreSink
    private let watcher: ConfigWatcher<ConfiguredCollectors>
    private var scheduler: CollectorScheduler
    /// Problems of the last rejected reload, cleared by the next successful one.
    public private(set) var problems: [String] = []

    /// Opens the store for writing and starts the collectors.
    public init(configured: ConfiguredCollectors, path: String, layout: StoreLayout) throws {
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
    public var configured: ConfiguredCollectors { watcher.current }

    /// Each collector's health now.
    public var health: [CollectorHealth] { scheduler.health }

    /// Looks for a changed configuration (or a SIGHUP) and swaps the collectors when one loads;
    /// returns the new configuration when it did.
    public func reloadIfChanged() -> ConfiguredCollectors? {
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
    public func stop() throws {
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
