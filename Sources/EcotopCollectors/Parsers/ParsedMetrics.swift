import EcotopCore

/// What a text parser read from one complete input: every sample, plus what the input
/// said about its metric families.
///
/// Produced only when the whole input is valid; see `ParseError`.
public struct ParsedMetrics: Hashable, Sendable {
    /// The samples in input order.
    public var samples: [Sample]
    /// One entry per metric family in the order it first appeared.
    public var families: [MetricFamilyMetadata]
    /// Where each sample was read, by the same index as `samples`; empty for a result that
    /// was not read from text.
    public var origins: [SampleOrigin]

    /// A result holding these samples and families.
    public init(samples: [Sample] = [], families: [MetricFamilyMetadata] = [], origins: [SampleOrigin] = []) {
        self.samples = samples
        self.families = families
        self.origins = origins
    }

    /// The metadata of the family with the given name.
    public func family(named name: String) -> MetricFamilyMetadata? {
        families.first { $0.name == name }
    }
}

/// The descriptive metadata of one metric family: its type, help text and unit.
public struct MetricFamilyMetadata: Hashable, Sendable {
    /// The family name: for Prometheus and OpenMetrics the name on `# TYPE`, without
    /// sample suffixes such as `_total` or `_bucket`; for Influx, `measurement.field`.
    public var name: String
    /// The declared type; `.unknown` without a `# TYPE` line.
    public var type: ScrapedMetricType
    /// The `# HELP` text, unescaped.
    public var help: String?
    /// The OpenMetrics `# UNIT`.
    public var unit: String?

    /// Metadata of the family `name`.
    public init(name: String, type: ScrapedMetricType = .unknown, help: String? = nil, unit: String? = nil) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
    }
}

/// The type of a scraped metric family, as declared by `# TYPE`.
///
/// Prometheus 0.0.4's `untyped` reads as `.unknown`.
public enum ScrapedMetricType: String, CaseIterable, Hashable, Sendable {
    case counter
    case gauge
    case histogram
    case gaugehistogram
    case summary
    case info
    case stateset
    case unknown
}
