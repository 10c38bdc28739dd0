import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopExporter
import EcotopStore
import EcotopTerminal

/// `ecotop collect`: runs the configured collectors headless into the store.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Run the configured collectors into the store, without the dashboard.",
        discussion: """
            Runs every collector on its interval until interrupted (SIGINT or SIGTERM). The \
            configuration is reloaded when its file changes or on SIGHUP; a new file with errors \
            is reported and the running configuration kept. With --once, runs each collector once, \
            prints their health and exits with status 1 if any failed. With --listen, serves the \
            latest value of every collected series and the collectors' health on /metrics for \
            Prometheus while it runs (docs/scale-out.md).
            """)

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var listenOptions: ListenOptions

    @Flag(help: "Run each collector once, print their health and exit (status 1 if any failed).")
    var once = false

    func run() async throws {
        let configured = try configOptions.load()
        let settings = configured.configuration.store
        let layout = storeOptions.layout(configured: settings)
        let writer = try reportingStoreErrors {
            try StoreWriter(layout: layout, clock: SystemWallClock(), durability: settings.fsyncInterval.map { .interval(seconds: $0) })
        }
        if let note = writer.recovery.summary { printError("ecotop: \(note)") }
        let endpoint: MetricsEndpoint?
        do {
            endpoint = try await startServing(writer: writer)
        } catch {
            try? writer.close()
            throw error
        }
        let sink = StoreSink(writer: writer, latest: endpoint?.latest)
        let alerts = try reportingStoreErrors { try HeadlessAlerts(writer: writer, configuration: configured.configuration) }
        for line in alerts.damagedLines { printError("ecotop: \(line)") }
        if once {
            let scheduler = configured.makeScheduler(sink: sink, clock: SystemWallClock())
            endpoint?.track(scheduler, catalog: configured.configuration.metricCatalog())
            let health = await scheduler.runOnce()
            await scheduler.stop()
            await endpoint?.stop()
            for line in alerts.evaluate(at: SystemWallClock().now(), force: true) { printError(line) }
            await alerts.waitForHook(timeout: (configured.configuration.alerts.hook?.timeout ?? 0) + 5)
            for line in alerts.hookFailureLines() { printError(line) }
            print(CollectorHealthTable.render(health))
            try reportingStoreErrors { try writer.close() }
            if health.contains(where: { $0.status == .failing }) { throw ExitCode.failure }
            return
        }
        try await runUntilStopped(configured, sink: sink, endpoint: endpoint, alerts: alerts, store: layout.root)
        await endpoint?.stop()
        try reportingStoreErrors { try writer.close() }
    }

    /// With `--listen`, serves `/metrics` from the latest values of the store `writer` writes,
    /// before any collector starts; an address that cannot be served ends the command.
    private func startServing(writer: StoreWriter) async throws -> MetricsEndpoint? {
        guard let address = listenOptions.address else { return nil }
        listenOptions.warnIfPublic()
        let endpoint = try reportingStoreErrors { try MetricsEndpoint(writer: writer, now: SystemWallClock().now()) }
        do {
            let served = try await endpoint.start(on: address)
            printError("ecotop: serving /metrics on http://\(served)/metrics")
        } catch {
            printError("ecotop: \(error)")
            throw ExitCode.failure
        }
        return endpoint
    }

    /// Collects until SIGINT or SIGTERM, reloading the configuration when it changes, and
    /// evaluates alerts every `AlertMonitor.interval` seconds.
    private func runUntilStopped(
        _ configured: ConfiguredCollectors, sink: StoreSink, endpoint: MetricsEndpoint?, alerts: HeadlessAlerts, store: String
    ) async throws {
        TerminationSignal.install()
        ReloadSignal.install()
        let watcher = ConfigWatcher(path: configOptions.path, current: configured) { path throws(ConfigErrors) in
            try ConfigOptions.read(path)
        }
        var scheduler = configured.makeScheduler(sink: sink, clock: SystemWallClock())
        endpoint?.track(scheduler, catalog: configured.configuration.metricCatalog())
        scheduler.start()
        printError("ecotop: collecting with \(counted(configured.collectors.count, "collector")) into \(store); interrupt to stop")
        var failures = CollectorFailureLog()
        while TerminationSignal.received == nil {
            try? await Task.sleep(for: .milliseconds(250))
            for line in failures.lines(for: scheduler.health, at: SystemWallClock().now()) { printError(line) }
            for line in await alerts.evaluateAside(at: SystemWallClock().now()) + alerts.hookFailureLines() { printError(line) }
            switch ReloadSignal.takePending() ? watcher.reload() : watcher.poll() {
            case .unchanged:
                break
            case .reloaded(let reloaded):
                await scheduler.stop()
                scheduler = reloaded.makeScheduler(sink: sink, clock: SystemWallClock())
                endpoint?.track(scheduler, catalog: reloaded.configuration.metricCatalog())
                scheduler.start()
                alerts.reconfigure(reloaded.configuration)
                printError("ecotop: reloaded \(watcher.path): \(counted(reloaded.collectors.count, "collector"))")
            case .rejected(let errors):
                printConfigErrors(errors)
                printError("ecotop: kept the running configuration")
            }
        }
        await scheduler.stop()
    }
}
