/// A parser of one text format of metric samples: `PrometheusTextParser`,
/// `OpenMetricsParser` or `InfluxLineParser`.
///
/// Parsing is all or nothing: the result holds every sample of a valid input, and an
/// invalid input throws its first error (`line:column: reason`) and yields nothing, so
/// that `ecotop ingest` and the collectors never import half an input.
public protocol MetricTextParser: Sendable {
    /// Parses a whole input, or throws its first error and keeps nothing.
    /// - Parameters:
    ///   - input: the UTF-8 bytes of the input (`[UInt8]`, `String.UTF8View`, ...).
    ///   - defaultTimestamp: the time, in Unix seconds, of samples whose line has no
    ///     timestamp; usually when the scrape or collection ran.
    func parse(_ input: some Collection<UInt8>, defaultTimestamp: Double) throws(ParseError) -> ParsedMetrics
}

/// The text formats the parsers read, by the names `ecotop ingest --format` and the
/// collector configuration use.
public enum MetricTextFormat: String, CaseIterable, Sendable {
    /// InfluxDB line protocol v2, as Telegraf `exec` plugins print it (nanoseconds).
    case influx
    /// Prometheus text exposition format 0.0.4.
    case prometheus
    /// OpenMetrics 1.0 text.
    case openMetrics = "openmetrics"

    /// The parser of this format, with its default options.
    public var parser: any MetricTextParser {
        switch self {
        case .influx: InfluxLineParser()
        case .prometheus: PrometheusTextParser()
        case .openMetrics: OpenMetricsParser()
        }
    }

    /// The format an HTTP `Content-Type` names, if it is one of these: OpenMetrics for
    /// `application/openmetrics-text`, Prometheus text for `text/plain`.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";").first.map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() }
        switch mediaType {
        case "application/openmetrics-text": self = .openMetrics
        case "text/plain": self = .prometheus
        default: return nil
        }
    }
}
