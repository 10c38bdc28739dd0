import Dispatch
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopEngine
import EcotopExporter
import EcotopStore
import Synchronization

/// The configured collectors running inside the dashboard: the store writer they append to,
/// their scheduler, and the watcher that reloads the configuration when its file changes.
/// A configuration that fails to load is reported and the running one kept. With a listen
/// address, `/metrics` is served for as long as the collectors run.
///
/// SIGHUP is not a reload signal here, unlike for `ecotop collect`: to a program on a terminal
/// it means the terminal went away, and the dashboard must end rather than keep its collectors
/// and the store's write lock in a process nobody can see.
public final class CollectorRuntime {
    /// The store the collectors write to and the dashboard reads.
    public let layout: StoreLayout
    private let writer: StoreWriter
    private let sink: StoreSink
    private let endpoint: MetricsEndpoint?
    private let watcher: ConfigWatcher<ConfiguredCollectors>
    private var scheduler: CollectorScheduler
    /// Alerts, evaluated and recorded here: this process holds the store's writer lock.
    public let alerts: AlertMonitor
    /// Problems of the last rejected reload, cleared by the next successful one.
    public private(set) var problems: [String] = []

    /// Opens the store for writing, serves `/metrics` on `listen` when given, and starts the
    /// collectors; an address that cannot be served closes the store again and throws. A
    /// changed file is taken up when it loads and passes `checks` (as at start-up: its `keys:`
    /// against the key map, `KeyMap.problems(of:)`); otherwise their problems are reported.
    public init(
        configured: ConfiguredCollectors, path: String, layout: StoreLayout, listen: ListenAddress? = nil,
        checks: @escaping (EcotopConfiguration) -> [ConfigDiagnostic] = { _ in [] }
    ) throws {
        let settings = configured.configuration.store
        self.layout = layout
        writer = try StoreWriter(
            layout: layout, clock: SystemWallClock(), durability: settings.fsyncInterval.map { .interval(seconds: $0) })
        do {
            endpoint = try listen.map { [writer] address in
                let endpoint = try MetricsEndpoint(writer: writer, now: SystemWallClock().now())
                try Self.waitThrowing { _ = try await endpoint.start(on: address) }
                return endpoint
            }
        } catch {
            try? writer.close()
            throw error
        }
        do {
            alerts = try AlertMonitor(writer: writer, settings: configured.configuration.alerts)
        } catch {
            try? writer.close()
            throw error
        }
        sink = StoreSink(writer: writer, latest: endpoint?.latest)
        let home = ProcessEnvironment.current["HOME"]
        watcher = ConfigWatcher(path: path, current: configured) { path throws(ConfigErrors) in
            try ConfiguredCollectors.load(path, home: home, checks: checks)
        }
        scheduler = configured.makeScheduler(sink: sink, clock: SystemWallClock())
        endpoint?.track(scheduler, catalog: configured.configuration.metricCatalog())
        scheduler.start()
    }

    /// The configuration in force.
    public var configured: ConfiguredCollectors { watcher.current }

    /// Appends `events` (an annotation) through the collectors' writer.
    public func record(events: [IntegrationEvent]) throws {
        try sink.append(samples: [], events: events)
    }

    /// Each collector's health now, and the alert hook's last run as a row of its own.
    public var health: [CollectorStatus] { scheduler.health.map(CollectorStatus.init) + (alerts.hook.map { [$0.status] } ?? []) }

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
            endpoint?.track(scheduler, catalog: reloaded.configuration.metricCatalog())
            scheduler.start()
            alerts.configure(reloaded.configuration.alerts)
            return reloaded
        }
    }

    /// Stops the collectors (ending plugins in progress) and `/metrics`, and closes the store.
    public func stop() throws {
        Self.wait { [scheduler, endpoint] in
            await scheduler.stop()
            await endpoint?.stop()
        }
        try writer.close()
    }

    /// Runs async work to its end from the synchronous dashboard loop.
    private static func wait(_ work: @escaping @Sendable () async -> Void) {
        try? waitThrowing(work)  // work that cannot throw cannot fail here
    }

    /// Runs async work that may throw to its end from the synchronous dashboard loop.
    private static func waitThrowing(_ work: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task.detached {
            do { try await work() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
