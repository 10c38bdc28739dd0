import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopEngine
import EcotopPrometheus

/// What a dashboard, a query or a screenshot needs to read series from Prometheus: the server
/// (`source:` of the configuration or `--source prometheus --url`), the `promql:` expressions
/// of the configuration, and the process environment its `${NAME}` references read.
public struct PrometheusReading: Sendable {
    public var settings: SourceSettings
    public var expressions: [String: String]
    public var environment: [String: String]

    public init(settings: SourceSettings, expressions: [String: String] = [:], environment: [String: String]) {
        self.settings = settings
        self.expressions = expressions
        self.environment = environment
    }

    /// A new source (with empty caches) over the server; the series of `metrics` (the
    /// catalog's ids) are listed in one request.
    public func source(listing metrics: [String] = []) -> PrometheusSource {
        let endpoint = HTTPEndpoint(
            url: SecretTemplate(settings.url), headers: settings.headers.mapValues(SecretTemplate.init), timeout: settings.timeout,
            maxBodyBytes: 64 << 20)
        return PrometheusSource(
            client: PrometheusClient(endpoint: endpoint, environment: environment), expressions: expressions, metrics: metrics)
    }
}

/// The events of a dashboard without an events log: none. Integration errors are not in
/// Prometheus; without a local store the errors view and the integration health are empty.
public struct NoEvents: EventSource {
    public init() {}
    public func events(from: Double, to: Double) throws -> [IntegrationEvent] { [] }
}

extension PrometheusReading {
    /// A loader over a new source listing the catalog of `configuration` (else the standard one).
    public func loader(configuration: EcotopConfiguration?, events: (any EventSource)?) -> DataLoader {
        let catalog = configuration?.catalog ?? .standard
        return DataLoader.prometheus(
            self, source: source(listing: catalog.metrics.map(\.id.rawValue)), configuration: configuration, events: events)
    }
}

extension DataLoader {
    /// Series from Prometheus, integration events from `events` (the local store) or none;
    /// the catalog and ecosystem of `configuration`, else the standard catalog. `source` is
    /// `reading`'s (`PrometheusReading.source(listing:)` of the catalog's ids), passed in so
    /// the caller can count its requests.
    public static func prometheus(
        _ reading: PrometheusReading, source: PrometheusSource, configuration: EcotopConfiguration?, events: (any EventSource)?
    ) -> DataLoader {
        let note = "series from Prometheus at \(reading.settings.url)" + (events == nil ? "; no integration events" : "")
        guard let configuration else {
            return DataLoader(
                builder: SnapshotBuilder(source: source), events: events ?? NoEvents(),
                ecosystem: Ecosystem(name: "prometheus " + reading.settings.url, components: [], integrations: [], partners: []),
                dataNote: note)
        }
        return DataLoader(
            builder: SnapshotBuilder(source: source, configuration: configuration), events: events ?? NoEvents(),
            ecosystem: configuration.ecosystem, dataNote: note, keyRemaps: configuration.keys)
    }
}
