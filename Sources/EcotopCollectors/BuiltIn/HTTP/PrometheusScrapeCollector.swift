import EcotopCore
import Foundation

/// The `prometheus` collector: scrapes an endpoint that serves Prometheus text 0.0.4 or
/// OpenMetrics 1.0 and maps the series to Ecotop metrics by `SeriesMapping` rules.
///
/// The request asks for OpenMetrics first and says its timeout, as Prometheus does; the
/// answer's `Content-Type` picks the parser (`text/plain`, or anything unknown, reads as
/// Prometheus text). Parsing is all or nothing: an exposition with an error imports nothing
/// and fails the collection with `line:column`. A well-formed sample the store cannot keep
/// (NaN, an infinity, a time outside 1970–2100) is skipped and counted as rejected, and the
/// rest is stored.
public struct PrometheusScrapeCollector: Collector {
    /// The `Accept` header of a scrape, as Prometheus itself sends it.
    public static let acceptHeader =
        "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"

    /// What to scrape and how to map it; see docs/collectors.md.
    public struct Configuration: Hashable, Sendable {
        /// The collector's name.
        public var name: String
        /// The URL, headers, timeout and body limit.
        public var endpoint: HTTPEndpoint
        /// Which scraped series become which metrics; a mapping without rules keeps every
        /// series as scraped.
        public var mapping: SeriesMapping
        /// Forces a parser whatever the `Content-Type` says; nil chooses by `Content-Type`.
        public var format: MetricTextFormat?

        /// A configuration scraping `endpoint` through `mapping`.
        public init(name: String, endpoint: HTTPEndpoint, mapping: SeriesMapping, format: MetricTextFormat? = nil) {
            self.name = name
            self.endpoint = endpoint
            self.mapping = mapping
            self.format = format
        }
    }

    public let configuration: Configuration
    private let environment: [String: String]

    /// A collector; `environment` resolves the `${NAME}` secrets of the URL and headers at
    /// each collection (the process environment by default).
    public init(configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.environment = environment
    }

    public var name: String { configuration.name }

    /// The most skipped samples of one collection reported word for word; the rest are counted.
    static let problemsKept = 20

    public func collect(at time: Double) async throws -> CollectionResult {
        let endpoint = configuration.endpoint
        let headers = ["Accept": Self.acceptHeader, "X-Prometheus-Scrape-Timeout-Seconds": String(endpoint.timeout)]
        let answer = try await endpoint.get(defaultHeaders: headers, environment: environment)
        let format = configuration.format ?? answer.response.contentType.flatMap(MetricTextFormat.init(contentType:)) ?? .prometheus
        let parsed: ParsedMetrics
        do {
            parsed = try format.parser.parse(answer.response.body, defaultTimestamp: time)
        } catch {
            throw CollectionFailure(answer.redactor.redact("GET \(endpoint.url): \(format.rawValue) \(error)"))
        }
        let storable = StorableSamples(parsed, input: answer.response.body, admission: .anyStore)
        let samples = configuration.mapping.rules.isEmpty ? storable.kept : configuration.mapping.map(storable.kept)
        let problems = storable.skipped.prefix(Self.problemsKept).map { "\(name):\($0)" }
        return CollectionResult(samples: samples, problems: problems, rejected: storable.skipped.count)
    }
}
