import EcotopCollectors
import EcotopConfig
import EcotopStore

/// Where the commands that read as the dashboard does without running it (`screenshot`,
/// `report`, `check`) read from, as plain values: chosen from what the command line names by
/// `init(configuration:prometheus:store:defaultStore:readsDefaultStore:seed:)`, and opened
/// by `loader()`.
public enum DashboardOrigin {
    /// The demo ecosystem of the simulator seeded `seed`. Its history is read from the store
    /// at `history` when that has series (a store of other series is shown as stored, not
    /// passed off as the demo), else computed by the simulator. With `isRequired` (the user
    /// named the store) a store that is not there is an error; otherwise it means none.
    case demo(seed: UInt64, history: StoreLayout?, isRequired: Bool)
    /// A configuration's ecosystem read from the store at `store`; its collectors are not run.
    case configured(EcotopConfiguration, store: StoreLayout)
    /// Series read from Prometheus, listing the catalog of `configuration` when there is one;
    /// events from the store at `events` when given, else none.
    case prometheus(PrometheusReading, configuration: EcotopConfiguration?, events: StoreLayout?)

    /// The origin the command line names: Prometheus when there is a way to read it, else the
    /// configuration when there is one, else the demo.
    ///
    /// - Parameters:
    ///   - configuration: The configuration read from `--config`; nil without one.
    ///   - prometheus: How to read Prometheus (`--source prometheus` or the configuration's
    ///     `source:`); nil to read a store.
    ///   - store: The store `--store` names; nil when it names none.
    ///   - defaultStore: The store at the default location.
    ///   - readsDefaultStore: Whether the demo reads `defaultStore` when `store` is nil;
    ///     `screenshot` does not, so its frames stay a function of seed and time.
    ///   - seed: The demo simulator's seed.
    public init(
        configuration: EcotopConfiguration?, prometheus: PrometheusReading?, store: StoreLayout?, defaultStore: StoreLayout,
        readsDefaultStore: Bool, seed: UInt64
    ) {
        if let prometheus {
            self = .prometheus(prometheus, configuration: configuration, events: store)
        } else if let configuration {
            self = .configured(configuration, store: configuration.store.layout(named: store, else: defaultStore))
        } else {
            self = .demo(seed: seed, history: store ?? (readsDefaultStore ? defaultStore : nil), isRequired: store != nil)
        }
    }

    /// A loader reading from this origin.
    ///
    /// - Throws: `StoreError` when a store it reads cannot be opened.
    public func loader() throws -> DataLoader {
        switch self {
        case .demo(let seed, let history, let isRequired):
            let simulator = DemoSimulator(seed: seed)
            guard let history, let reader = try Self.history(at: history, isRequired: isRequired) else {
                return DataLoader.demo(simulator: simulator)
            }
            return try DemoRecorder.isDemoStore(reader, simulator: simulator)
                ? DataLoader.demo(simulator: simulator, history: reader) : DataLoader.store(reader)
        case .configured(let configuration, let store):
            return DataLoader.reading(configuration, from: try StoreReader(layout: store))
        case .prometheus(let reading, let configuration, let events):
            return reading.loader(configuration: configuration, events: try events.map { try StoreReader(layout: $0) })
        }
    }

    /// The store at `layout` as the dashboard's history: nil (the simulator then serves
    /// history) when it has no series yet, or when it is not there and not `isRequired`. A
    /// required store (`--store`) that is not a store is an error rather than a silent fallback.
    public static func history(at layout: StoreLayout, isRequired: Bool) throws -> StoreReader? {
        do {
            let reader = try StoreReader(layout: layout, keepsParsedSegments: true)
            return try reader.seriesKeys().isEmpty ? nil : reader
        } catch let error as StoreError where !isRequired && error.kind == .invalidRequest {
            return nil
        }
    }
}

extension StoreSettings {
    /// The store a configuration's ecosystem is kept in: the one the command line names, else
    /// the configuration's `store.path`, else `defaultLayout`.
    public func layout(named: StoreLayout?, else defaultLayout: StoreLayout) -> StoreLayout {
        named ?? path.map { StoreLayout(root: $0) } ?? defaultLayout
    }
}
