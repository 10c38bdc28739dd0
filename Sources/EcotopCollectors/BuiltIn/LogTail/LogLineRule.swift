import EcotopCore

/// One rule of a `log-tail` collector: which lines it takes, how their fields are read, and
/// the sample or integration event each line becomes. See docs/collectors.md.
public struct LogLineRule: Hashable, Sendable {
    /// How a line's fields are read.
    public enum Format: Hashable, Sendable {
        /// A regular expression (ICU syntax, as NSRegularExpression) searched in the line;
        /// its named groups, `(?<status>\d{3})`, are the fields (a group that took no part
        /// in the match is ""). A line it does not match is not this rule's.
        case regex(String)
        /// The line is a JSON object; fields are member names, nested ones joined by `.`
        /// (`upstream.name`). Strings are taken as they are, numbers and booleans as their
        /// JSON text. A line without a field the rule uses is not this rule's.
        case json
    }

    /// What a line that passes the rule becomes.
    public enum Output: Hashable, Sendable {
        /// Lines are aggregated per series over one collection into one sample each.
        case sample(SampleOutput)
        /// Each line becomes an integration event.
        case event(EventOutput)
    }

    /// How the lines of one series in one collection make its sample.
    public enum Aggregation: Hashable, Sendable {
        /// How many lines matched (0 for a series seen before when none did).
        case count
        /// The sum of a numeric field (0 when no line matched, for a series seen before).
        case sum(field: String)
        /// The numeric field of the last line (no sample when no line matched).
        case last(field: String)
        /// The largest numeric field (no sample when no line matched).
        case max(field: String)
    }

    /// A sample per series and collection.
    public struct SampleOutput: Hashable, Sendable {
        /// The Ecotop metric id, e.g. `usage.integration_error_rate`.
        public var metricID: String
        /// Label templates: `{field}` is replaced by the field's value (`upstream: "{upstream}"`).
        public var labels: [String: String]
        public var aggregation: Aggregation

        public init(metricID: String, labels: [String: String] = [:], aggregation: Aggregation = .count) {
            self.metricID = metricID
            self.labels = labels
            self.aggregation = aggregation
        }
    }

    /// An event per line; the text fields are `{field}` templates.
    public struct EventOutput: Hashable, Sendable {
        public var kind: IntegrationEvent.Kind
        /// `from->to`, e.g. `storefront->{upstream}`.
        public var integration: String
        /// E.g. `{status}`.
        public var code: String
        /// E.g. `{method} {path} answered {status}`.
        public var message: String
        /// A numeric field holding the call's duration, if any.
        public var latencyField: String?
        /// Multiplies the latency field into milliseconds (1000 for nginx's seconds).
        public var latencyScale: Double
        /// Attribute templates, e.g. `request_id: "{request_id}"`.
        public var attributes: [String: String]
        /// A field holding when the line was written: a Unix time (seconds, milliseconds,
        /// microseconds or nanoseconds, told by its size), RFC 3339, or the common log
        /// format's `27/Nov/2026:04:12:01 +0000` (nginx `$time_local`).
        /// Without it, or when it cannot be read, the event gets the collection time.
        public var timeField: String?

        public init(
            kind: IntegrationEvent.Kind = .error, integration: String, code: String, message: String,
            latencyField: String? = nil, latencyScale: Double = 1, attributes: [String: String] = [:],
            timeField: String? = nil
        ) {
            self.kind = kind
            self.integration = integration
            self.code = code
            self.message = message
            self.latencyField = latencyField
            self.latencyScale = latencyScale
            self.attributes = attributes
            self.timeField = timeField
        }
    }

    public var format: Format
    /// Field name to a regular expression the whole field must match, e.g. `status: "5\\d\\d"`;
    /// all must hold.
    public var conditions: [String: String]
    public var output: Output

    /// A rule; by default every line its format reads passes.
    public init(format: Format, conditions: [String: String] = [:], output: Output) {
        self.format = format
        self.conditions = conditions
        self.output = output
    }
}
