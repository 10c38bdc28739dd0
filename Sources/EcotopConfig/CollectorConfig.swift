/// The kinds of collector a configuration can name (`type:`).
public enum CollectorType: String, Sendable, Hashable, CaseIterable {
    /// The built-in simulator.
    case demo
    /// A one-shot plugin run every interval (docs/plugins.md).
    case exec
    /// A long-running plugin asked for a collection on stdin (docs/plugins.md).
    case daemon
    /// Polls a URL and extracts values from its JSON.
    case httpJSON = "http-json"
    /// Scrapes a Prometheus text or OpenMetrics endpoint.
    case prometheus
    /// Follows a log file and turns lines into samples and events.
    case logTail = "log-tail"
    /// Reads CSV or JSON files once (a backfill).
    case `import`
}

/// One entry of `collectors:` with its common fields read and checked; what only one type
/// uses lives in `options`, which that type's collector reads (and validates) itself with
/// `ConfigFields(options, path: field("options"), issues:)`.
public struct CollectorConfig: Sendable, Hashable {
    /// Unique among the collectors; shown in the collectors view and in every problem it reports.
    public var name: String
    public var type: CollectorType
    /// Seconds between collections.
    public var interval: Double
    /// Seconds a collection may take before it is abandoned (a plugin is then killed).
    public var timeout: Double
    /// The program and its arguments, run directly (never through a shell); `exec`, `daemon`.
    public var argv: [String]
    /// Variables added to (or replacing in) the inherited environment; `exec`, `daemon`.
    public var env: [String: String]
    /// The working directory; `exec`, `daemon`.
    public var cwd: String?
    /// `http-json`, `prometheus`.
    public var url: String?
    /// HTTP headers; a value `${NAME}` is read from the environment variable NAME.
    public var headers: [String: String]
    /// A file or directory: `log-tail`, `import`.
    public var path: String?
    /// The output format when it is not auto-detected (`jsonl`, `influx`, `prometheus`, ...).
    public var format: String?
    /// How output series become Ecotop metrics; empty keeps the series as named.
    public var mapping: [MappingRuleConfig]
    /// Labels added to every sample the collector produces.
    public var labels: [String: String]
    /// Type-specific options, a mapping (null when absent).
    public var options: ConfigNode
    /// Where the collector's entry starts in the file.
    public var mark: ConfigMark
    /// Where each field's value is written, by key, for problems found after reading.
    public var valueMarks: [String: ConfigMark]
    /// The entry's path in the file, e.g. `collectors[2]`.
    public var fieldPath: String

    public init(
        name: String, type: CollectorType, interval: Double = 60, timeout: Double = 5, argv: [String] = [],
        env: [String: String] = [:], cwd: String? = nil, url: String? = nil, headers: [String: String] = [:],
        path: String? = nil, format: String? = nil, mapping: [MappingRuleConfig] = [], labels: [String: String] = [:],
        options: ConfigNode? = nil, mark: ConfigMark = ConfigMark(file: "", line: 1, column: 1),
        valueMarks: [String: ConfigMark] = [:], fieldPath: String = ""
    ) {
        self.name = name
        self.type = type
        self.interval = interval
        self.timeout = timeout
        self.argv = argv
        self.env = env
        self.cwd = cwd
        self.url = url
        self.headers = headers
        self.path = path
        self.format = format
        self.mapping = mapping
        self.labels = labels
        self.options = options ?? ConfigNode(.null, mark: mark)
        self.mark = mark
        self.valueMarks = valueMarks
        self.fieldPath = fieldPath
    }

    /// Where the value of `key` is written; the entry's start when it is not.
    public func mark(of key: String) -> ConfigMark {
        valueMarks[key] ?? mark
    }

    /// The value of a common field as a node at its position, for reading it as a choice
    /// (`format`) with the position a problem should name.
    public func node(_ key: String, _ text: String) -> ConfigNode {
        ConfigNode(.scalar(text), mark: mark(of: key))
    }

    /// The path of one of this collector's fields, e.g. `collectors[2].options`.
    public func field(_ key: String) -> String {
        fieldPath.isEmpty ? key : "\(fieldPath).\(key)"
    }
}

/// One rule of a collector's `mapping:`: which output series it takes and the Ecotop metric
/// they become. Rules are tried in order; the first that matches wins, and with any rules at
/// all a series no rule matches is dropped.
public struct MappingRuleConfig: Sendable, Hashable {
    /// A series selector (`name{label="value"}`, docs/parsers.md).
    public var match: String
    /// The Ecotop metric id the series become.
    public var metric: String
    /// The labels to keep; nil keeps all.
    public var keepLabels: [String]?
    public var renameLabels: [String: String]
    public var setLabels: [String: String]
    /// Values are multiplied by this (100 turns a ratio into a percent).
    public var scale: Double
    /// Where `match` is written: a bad selector is reported at its own column.
    public var matchMark: ConfigMark
    /// The rule's path in the file, e.g. `collectors[2].mapping[0]`.
    public var fieldPath: String

    public init(
        match: String, metric: String, keepLabels: [String]? = nil, renameLabels: [String: String] = [:],
        setLabels: [String: String] = [:], scale: Double = 1,
        matchMark: ConfigMark = ConfigMark(file: "", line: 1, column: 1), fieldPath: String = ""
    ) {
        self.match = match
        self.metric = metric
        self.keepLabels = keepLabels
        self.renameLabels = renameLabels
        self.setLabels = setLabels
        self.scale = scale
        self.matchMark = matchMark
        self.fieldPath = fieldPath
    }
}
