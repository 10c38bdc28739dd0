import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopStore

/// Where the commands that read as the dashboard does without running it (`screenshot`,
/// `report`, `check`) read from: the demo (from the store when there is one, else the simulator
/// alone), or with a configuration its ecosystem read from its store (collectors are not run);
/// over Prometheus (`--source prometheus` or the configuration's `source:`), the series from
/// there and the events from `--store`, if given.
enum DashboardOrigin {
    /// - Parameter defaultLocation: whether the demo reads a store at the default location when
    ///   there is no `--store`; `screenshot` does not, so its frames stay a function of seed and time.
    static func loader(
        configuration: EcotopConfiguration?, storeOptions: StoreOptions, sourceOptions: SourceOptions, seed: UInt64, defaultLocation: Bool
    ) throws -> DataLoader {
        if let reading = try sourceOptions.prometheus(configuration: configuration) {
            let events = try reportingStoreErrors { try storeOptions.store.map { _ in try StoreReader(layout: storeOptions.layout) } }
            return reading.loader(configuration: configuration, events: events)
        }
        guard let configuration else {
            let simulator = DemoSimulator(seed: seed)
            guard let history = try storeOptions.history(defaultLocation: defaultLocation) else { return DataLoader.demo(simulator: simulator) }
            return try DemoRecorder.isDemoStore(history, simulator: simulator)
                ? DataLoader.demo(simulator: simulator, history: history) : DataLoader.store(history)
        }
        let reader = try reportingStoreErrors { try StoreReader(layout: storeOptions.layout(configured: configuration.store)) }
        return DataLoader.reading(configuration, from: reader)
    }
}
