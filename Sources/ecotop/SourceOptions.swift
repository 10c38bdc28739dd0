import ArgumentParser
import EcotopApp
import EcotopConfig
import EcotopStore

/// `--source store|prometheus` and `--url URL`: where a command reads series from. Shared by
/// every command that reads them (`dash`, `query`, `screenshot`, `report`, `check`).
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Where series are read from: store, or prometheus (a Prometheus HTTP API; default: the configuration's source:, else the store).",
        valueName: "kind"))
    var source: SourceChoice?

    @Option(help: ArgumentHelp(
        "The Prometheus server with --source prometheus, e.g. http://127.0.0.1:9090 (default: the configuration's source.url).",
        valueName: "url"))
    var url: String?

    func validate() throws {
        if url != nil, source != .prometheus { throw ValidationError("--url needs --source prometheus") }
        if let url, !url.hasPrefix("http://"), !url.hasPrefix("https://") {
            throw ValidationError("--url: expected an http:// or https:// URL, found '\(url)'")
        }
    }

    /// How to read from Prometheus, or nil to read the store: `--source`, else the
    /// configuration's `source:`. Headers and the timeout come from the configuration.
    func prometheus(configuration: EcotopConfiguration? = nil) throws -> PrometheusReading? {
        let configured = configuration?.source
        switch source {
        case .store: return nil
        case nil where configured == nil: return nil
        case nil, .prometheus:
            guard let address = url ?? configured?.url else {
                throw ValidationError("--source prometheus needs --url URL (or source.url in the configuration)")
            }
            var settings = configured ?? SourceSettings(url: address)
            settings.url = address
            return PrometheusReading(
                settings: settings, expressions: configuration?.promqlExpressions ?? [:], environment: ProcessEnvironment.current)
        }
    }
}

extension SourceOptions {
    /// A loader for a command that reads as the dashboard does without running it
    /// (`screenshot`, `report`, `check`): `DashboardOrigin` chosen from these options,
    /// `configuration` (`--config`), `storeOptions` and `seed`.
    ///
    /// - Parameter readsDefaultStore: whether the demo reads the store at the default location
    ///   when there is no `--store`; `screenshot` does not, so its frames stay a function of
    ///   seed and time.
    func dashboardLoader(
        configuration: EcotopConfiguration?, storeOptions: StoreOptions, seed: UInt64, readsDefaultStore: Bool
    ) throws -> DataLoader {
        let origin = DashboardOrigin(
            configuration: configuration, prometheus: try prometheus(configuration: configuration), store: storeOptions.named,
            defaultStore: storeOptions.defaultLayout, readsDefaultStore: readsDefaultStore, seed: seed)
        return try reportingStoreErrors { try origin.loader() }
    }
}

/// The values of `--source`.
enum SourceChoice: String, ExpressibleByArgument, CaseIterable {
    case store, prometheus
}
