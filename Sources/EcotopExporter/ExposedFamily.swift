import EcotopCore

/// One metric family as `/metrics` shows it: names already valid Prometheus names, samples in
/// the order they are written.
public struct ExposedFamily: Sendable, Hashable {
    /// What the family declares in its `TYPE` line.
    public enum Kind: Sendable, Hashable {
        /// A value that goes up and down.
        case gauge
        /// A running total; the name ends in `_total`.
        case counter
        /// Neither known: `untyped` in the Prometheus text format, `unknown` in OpenMetrics.
        case unknown
    }

    /// The name every sample of the family carries (a counter's ends in `_total`).
    public var name: String
    public var help: String
    public var kind: Kind
    public var samples: [ExposedSample]

    public init(name: String, help: String, kind: Kind, samples: [ExposedSample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }

    /// The names the family takes in OpenMetrics, where a counter `x_total` is the family `x`
    /// and also owns `x_created`: another family with any of them would clash.
    public var claimedNames: [String] {
        Self.claimedNames(name, kind: kind)
    }

    /// The names a family `name` of `kind` takes in OpenMetrics, its declared name first.
    static func claimedNames(_ name: String, kind: Kind) -> [String] {
        guard kind == .counter, name.hasSuffix("_total") else { return [name] }
        let base = String(name.dropLast(6))
        return [base, name, base + "_created"]
    }
}

/// One sample of an exposed family.
public struct ExposedSample: Sendable, Hashable {
    /// Label pairs with valid Prometheus names, sorted by name, names unique.
    public var labels: [SeriesKey.Label]
    public var value: Double
    /// When the value was collected (seconds since the epoch); nil writes no timestamp, and
    /// the scraper uses the scrape's time.
    public var timestamp: Double?

    public init(labels: [SeriesKey.Label] = [], value: Double, timestamp: Double? = nil) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}
