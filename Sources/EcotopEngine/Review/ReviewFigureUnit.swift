import EcotopCore

extension ReviewFigure {
    /// The unit of a figure: a metric's own, or one of the few a scorecard adds. Stored by name
    /// (`currency`, `percent`, `currency_per_month`, ...); sessions saved before units had
    /// names stored the suffix (`%`, `/min`, `s`), and still read.
    public enum Unit: Sendable, Hashable, Codable {
        /// A metric's unit: a count, a rate, a percent, money.
        case metric(MetricUnit)
        /// Money a month (a component's cost).
        case currencyPerMonth
        /// A duration in seconds (a source's age).
        case seconds
        /// A latency in milliseconds.
        case milliseconds
        /// One amount against another (value per cost).
        case ratio

        /// The unit's name in a session file and the JSON report.
        public var name: String {
            switch self {
            case .metric(let unit): unit.rawValue
            case .currencyPerMonth: "currency_per_month"
            case .seconds: "seconds"
            case .milliseconds: "milliseconds"
            case .ratio: "ratio"
            }
        }

        /// The metric unit whose way of writing a change the figure's change follows.
        public var changeUnit: MetricUnit {
            if case .metric(let unit) = self { unit } else { .count }
        }

        /// The unit named `name`, or stored as a suffix by an earlier version; nil for neither.
        public init?(name: String) {
            let units: [Unit] = MetricUnit.allCases.map(Unit.metric) + [.currencyPerMonth, .seconds, .milliseconds, .ratio]
            let legacy: [String: Unit] = ["": .metric(.count), "s": .seconds, "ms": .milliseconds]
            guard let unit = units.first(where: { $0.name == name })
                ?? legacy[name] ?? MetricUnit.allCases.first(where: { !$0.suffix.isEmpty && $0.suffix == name }).map(Unit.metric)
            else { return nil }
            self = unit
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let name = try container.decode(String.self)
            guard let unit = Unit(name: name) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown figure unit '\(name)'")
            }
            self = unit
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }
}
