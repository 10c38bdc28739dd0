import EcotopCore
import Foundation

/// Where a `log-tail` collector starts reading a file it sees for the first time.
public enum LogTailStart: String, Hashable, Sendable, CaseIterable {
    /// Only lines written from now on (as `tail -f`); the default.
    case end
    /// Every line already in the file.
    case beginning
}

/// The `log-tail` collector: follows a log file across rotation and truncation and turns its
/// new lines into samples and integration events by `LogLineRule`s.
///
/// Every line goes through every rule. Sample rules aggregate the lines of one collection per
/// series; event rules make one event per line. Samples carry the collection time, events
/// the time their line gives (`EventOutput.timeField`) or else the collection time.
/// Memory is bounded: at most `maxBytesPerCollection` bytes are read per collection (the rest
/// waits for the next one) and lines longer than `maxLineBytes` are skipped.
public actor LogTailCollector: Collector {
    /// What to follow and how to read it; see docs/collectors.md.
    public struct Configuration: Hashable, Sendable {
        /// The collector's name.
        public var name: String
        /// The log file's path.
        public var path: String
        /// Where to start in the file found at the first collection.
        public var start: LogTailStart
        /// The most bytes read in one collection (default 1 MiB).
        public var maxBytesPerCollection: Int
        /// Lines longer than this are skipped and counted as problems (default 64 KiB).
        public var maxLineBytes: Int
        /// The rules every line goes through.
        public var rules: [LogLineRule]

        public init(
            name: String, path: String, start: LogTailStart = .end, maxBytesPerCollection: Int = 1 << 20,
            maxLineBytes: Int = 64 << 10, rules: [LogLineRule]
        ) {
            self.name = name
            self.path = path
            self.start = start
            self.maxBytesPerCollection = maxBytesPerCollection
            self.maxLineBytes = maxLineBytes
            self.rules = rules
        }
    }

    /// The most series a sample rule remembers to report as 0 when no line matched.
    static let rememberedSeriesPerRule = 1_000

    public nonisolated let name: String
    private let rules: [CompiledLogRule]
    private let readsJSON: Bool
    private var follower: FileFollower
    private var seenSeries: [Set<SeriesKey>]

    /// A collector; throws when a rule's expression is invalid or names a field its pattern
    /// does not have. Nothing is read until the first collection.
    public init(configuration: Configuration) throws(LogTailConfigurationError) {
        name = configuration.name
        var rules: [CompiledLogRule] = []
        for (index, rule) in configuration.rules.enumerated() { rules.append(try CompiledLogRule(rule, number: index + 1)) }
        self.rules = rules
        readsJSON = configuration.rules.contains { $0.format == .json }
        follower = FileFollower(
            path: configuration.path, start: configuration.start,
            maxBytesPerRead: configuration.maxBytesPerCollection, maxLineBytes: configuration.maxLineBytes)
        seenSeries = Array(repeating: [], count: rules.count)
    }

    deinit { follower.closeFile() }

    public func collect(at time: Double) async throws -> CollectionResult {
        let chunk = try follower.read()
        var result = CollectionResult()
        var aggregates = Array(repeating: [SeriesKey: Double](), count: rules.count)
        var notJSON = 0
        for line in chunk.lines {
            let json = readsJSON ? try? JSONValue(parsing: Data(line.utf8)) : nil
            if readsJSON, json == nil { notJSON += 1 }
            for (index, rule) in rules.enumerated() {
                guard let fields = rule.fields(of: line, json: json) else { continue }
                switch rule.rule.output {
                case .sample(let output):
                    aggregate(rule, output.aggregation, fields, into: &aggregates[index])
                case .event(let output):
                    if let event = event(rule, output, fields, at: time) { result.events.append(event) }
                }
            }
        }
        for index in rules.indices {
            guard case .sample(let output) = rules[index].rule.output else { continue }
            var values = aggregates[index]
            if output.aggregation.reportsZero {
                for key in seenSeries[index] where values[key] == nil { values[key] = 0 }
                for key in values.keys where seenSeries[index].count < Self.rememberedSeriesPerRule { seenSeries[index].insert(key) }
            }
            result.samples += values.sorted { $0.key < $1.key }.map { Sample(key: $0.key, timestamp: time, value: $0.value) }
        }
        if chunk.skippedLongLines > 0 {
            result.problems.append("\(follower.path): skipped \(chunk.skippedLongLines) line(s) longer than \(follower.maxLineBytes) bytes")
        }
        if notJSON > 0 {
            result.problems.append("\(follower.path): \(notJSON) line(s) were not JSON")
        }
        return result
    }

    private func aggregate(_ rule: CompiledLogRule, _ aggregation: LogLineRule.Aggregation, _ fields: LogFields,
                           into values: inout [SeriesKey: Double]) {
        var labels: [String: String] = [:]
        for (name, template) in rule.labels {
            guard let value = template.render(fields) else { return }
            labels[name] = value
        }
        guard case .sample(let output) = rule.rule.output else { return }
        let key = SeriesKey(name: output.metricID, labels: labels)
        switch aggregation {
        case .count: values[key, default: 0] += 1
        case .sum(let field): if let number = fields.number(field) { values[key, default: 0] += number }
        case .last(let field): if let number = fields.number(field) { values[key] = number }
        case .max(let field): if let number = fields.number(field) { values[key] = max(values[key] ?? number, number) }
        }
    }

    private func event(_ rule: CompiledLogRule, _ output: LogLineRule.EventOutput, _ fields: LogFields, at time: Double) -> IntegrationEvent? {
        guard let templates = rule.event, let integration = templates.integration.render(fields), !integration.isEmpty,
              let code = templates.code.render(fields), let message = templates.message.render(fields) else { return nil }
        var attributes: [String: String] = [:]
        for (name, template) in templates.attributes {
            guard let value = template.render(fields) else { return nil }
            attributes[name] = value
        }
        let latency = output.latencyField.flatMap(fields.number).map { $0 * output.latencyScale }
        let written = output.timeField.flatMap { fields[$0] }.flatMap(SampleTime.seconds)
        return IntegrationEvent(timestamp: written ?? time, kind: output.kind, integration: integration, code: code, message: message,
                                latencyMilliseconds: latency, attributes: attributes)
    }
}

extension LogLineRule.Aggregation {
    /// Whether a series seen before reports 0 in a collection without a matching line.
    var reportsZero: Bool {
        switch self {
        case .count, .sum: true
        case .last, .max: false
        }
    }
}
