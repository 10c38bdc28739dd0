import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopStore

/// Where `errors` and `events` read integration events: a configuration's store, the store
/// (`--store` or the default location), or, when there is none, the demo simulator.
struct EventOriginOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read the events of this configuration's ecosystem from its store.", valueName: "file"), completion: .configFiles)
    var config: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Seed of the demo simulator, when there is no store.") var seed: UInt64 = 42

    /// The ecosystem whose integrations are assessed, its events, and the configuration's
    /// error classes and runbooks.
    func open() throws -> (Ecosystem, any EventSource, ErrorPolicy) {
        if let config {
            let configuration = try ConfigOptions.load(config).configuration
            let reader = try reportingStoreErrors { try StoreReader(layout: storeOptions.layout(configured: configuration.store)) }
            return (configuration.ecosystem, reader, configuration.errorPolicy)
        }
        let simulator = DemoSimulator(seed: seed)
        guard let history = try reportingStoreErrors({ try storeOptions.history() }) else {
            return (simulator.ecosystem, simulator, ErrorPolicy())
        }
        if try DemoRecorder.isDemoStore(history, simulator: simulator) { return (simulator.ecosystem, history, ErrorPolicy()) }
        return (Ecosystem(name: "store " + history.layout.root, components: [], integrations: [], partners: []), history, ErrorPolicy())
    }
}
