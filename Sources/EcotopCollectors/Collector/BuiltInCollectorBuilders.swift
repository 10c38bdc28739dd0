import EcotopConfig
import EcotopCore

/// Builders of the http-json, prometheus, log-tail and import collectors from their
/// configuration: the common fields (`url`, `headers`, `timeout`, `path`, `format`, `mapping`)
/// plus each type's `options`, as docs/collectors.md describes them.
extension CollectorFactory {
    /// The four built-in collector types of `BuiltIn/`.
    static let builtInBuilders: [CollectorType: Builder] = [
        .httpJSON: { config, issues in BuiltInOptions(config, issues).httpJSON() },
        .prometheus: { config, issues in BuiltInOptions(config, issues).prometheus() },
        .logTail: { config, issues in BuiltInOptions(config, issues).logTail() },
        .import: { config, issues in BuiltInOptions(config, issues).importer() },
    ]
}

/// Reads one built-in collector's configuration; every builder returns nil when it reported
/// a problem.
private struct BuiltInOptions {
    let config: CollectorConfig
    let issues: ConfigIssues
    let options: ConfigFields
    private let reportedBefore: Int

    init(_ config: CollectorConfig, _ issues: ConfigIssues) {
        self.config = config
        self.issues = issues
        self.options = ConfigFields(config.options, path: config.field("options"), issues: issues)
        self.reportedBefore = issues.diagnostics.count
    }

    private var isClean: Bool { issues.diagnostics.count == reportedBefore }

    func httpJSON() -> (any Collector)? {
        let endpoint = self.endpoint()
        let values = (options.list("values", required: true) ?? []).enumerated().compactMap { index, node in
            valueRule(ConfigFields(node, path: "\(options.field("values"))[\(index)]", issues: issues))
        }
        options.finish()
        guard let endpoint, isClean else { return nil }
        return HTTPJSONCollector(configuration: .init(name: config.name, endpoint: endpoint, values: values))
    }

    func prometheus() -> (any Collector)? {
        let endpoint = self.endpoint()
        let mapping = OutputMapping(config, issues: issues)
        var format: MetricTextFormat?
        if let text = config.format {
            format = config.node("format", text).readChoice(field: config.field("format"), as: ScrapeFormat.self, issues: issues)?.format
        }
        options.finish()
        guard let endpoint, isClean else { return nil }
        return PrometheusScrapeCollector(configuration: .init(
            name: config.name, endpoint: endpoint, mapping: mapping.rules ?? SeriesMapping(rules: []), format: format))
    }

    func logTail() -> (any Collector)? {
        let path = requiredPath()
        let start = options.choice("start", as: LogTailStart.self) ?? .end
        let maxBytes = options.integer("max_bytes_per_collection", in: 1_024...(256 << 20)) ?? 1 << 20
        let maxLine = options.integer("max_line_bytes", in: 256...(16 << 20)) ?? 64 << 10
        let ruleNodes = options.list("rules", required: true) ?? []
        let rules = ruleNodes.enumerated().compactMap { index, node in
            logRule(ConfigFields(node, path: "\(options.field("rules"))[\(index)]", issues: issues))
        }
        options.finish()
        guard let path, isClean else { return nil }
        do {
            return try LogTailCollector(configuration: .init(
                name: config.name, path: path, start: start, maxBytesPerCollection: maxBytes, maxLineBytes: maxLine, rules: rules))
        } catch {
            issues.report(ruleNodes[error.rule - 1].mark, field: "\(options.field("rules"))[\(error.rule - 1)]", error.reason)
            return nil
        }
    }

    func importer() -> (any Collector)? {
        let path = requiredPath()
        let format = config.format.flatMap { config.node("format", $0).readChoice(field: config.field("format"), as: ImportFormat.self, issues: issues) }
        options.finish()
        guard let path, isClean else { return nil }
        return ImportCollector(configuration: .init(name: config.name, path: path, format: format))
    }

    // MARK: - Parts

    /// `url`, `headers` and `timeout`, plus `options.max_body_bytes`.
    private func endpoint() -> HTTPEndpoint? {
        let maxBody = options.integer("max_body_bytes", in: 1_024...(1 << 30)) ?? 16 << 20
        guard let url = config.url else {
            issues.report(config.mark, field: config.field("url"), "missing; a \(config.type.rawValue) collector needs the URL to poll")
            return nil
        }
        return HTTPEndpoint(
            url: SecretTemplate(url), headers: config.headers.mapValues(SecretTemplate.init), timeout: config.timeout,
            maxBodyBytes: maxBody)
    }

    private func requiredPath() -> String? {
        if config.path == nil {
            issues.report(config.mark, field: config.field("path"), "missing; a \(config.type.rawValue) collector needs the file to read")
        }
        return config.path
    }

    private func valueRule(_ fields: ConfigFields) -> HTTPJSONCollector.ValueRule? {
        defer { fields.finish() }
        let path = jsonPath(fields, "path", required: true)
        let metric = metricID(fields)
        var labelPaths: [String: JSONPath] = [:]
        if let paths = fields.mapping("label_paths") {
            for entry in paths.entries {
                if entry.key.isEmpty { fields.issues.report(entry.keyMark, field: paths.path, "empty label name") }
                labelPaths[entry.key] = jsonPath(paths, entry.key, required: true)
            }
            paths.finish()
        }
        let labels = fields.labelMap("labels") ?? [:]
        let scale = fields.number("scale") ?? 1
        guard let path, let metric else { return nil }
        return HTTPJSONCollector.ValueRule(path: path, metricID: metric, labels: labels, labelPaths: labelPaths, scale: scale)
    }

    private func logRule(_ fields: ConfigFields) -> LogLineRule? {
        defer { fields.finish() }
        let regex = fields.string("regex")
        let json = fields.bool("json") ?? false
        if (regex != nil) == json {
            issues.report(fields.node.mark, field: fields.path, "expected exactly one of `regex: PATTERN` or `json: true`")
        }
        let conditions = fields.stringMap("where") ?? [:]
        let sample = fields.mapping("sample").map(sampleOutput)
        let event = fields.mapping("event").map(eventOutput)
        let output: LogLineRule.Output?
        switch (sample, event) {
        case (let sample??, nil): output = .sample(sample)
        case (nil, let event??): output = .event(event)
        case (nil, nil), (.some, .some):
            issues.report(fields.node.mark, field: fields.path, "expected exactly one of `sample:` or `event:`")
            output = nil
        default: output = nil
        }
        guard let output else { return nil }
        return LogLineRule(format: regex.map { .regex($0) } ?? .json, conditions: conditions, output: output)
    }

    private func sampleOutput(_ fields: ConfigFields) -> LogLineRule.SampleOutput? {
        defer { fields.finish() }
        let metric = metricID(fields)
        var aggregation = LogLineRule.Aggregation.count
        if let node = fields.value("aggregate") {
            aggregation = self.aggregation(node, field: fields.field("aggregate")) ?? .count
        }
        let labels = fields.labelMap("labels") ?? [:]
        guard let metric else { return nil }
        return LogLineRule.SampleOutput(metricID: metric, labels: labels, aggregation: aggregation)
    }

    /// `count`, or a mapping of one of `sum`, `last`, `max` to the field.
    private func aggregation(_ node: ConfigNode, field: String) -> LogLineRule.Aggregation? {
        if node.scalar == "count" { return .count }
        let expected = "expected `count` or one of {sum: FIELD}, {last: FIELD}, {max: FIELD}"
        guard case .mapping(let entries) = node.content, entries.count == 1, let operand = entries[0].value.scalar else {
            issues.report(node.mark, field: field, expected)
            return nil
        }
        switch entries[0].key {
        case "sum": return .sum(field: operand)
        case "last": return .last(field: operand)
        case "max": return .max(field: operand)
        default:
            issues.report(entries[0].keyMark, field: field, "\(expected), found '\(entries[0].key)'")
            return nil
        }
    }

    private func eventOutput(_ fields: ConfigFields) -> LogLineRule.EventOutput? {
        defer { fields.finish() }
        let kind = fields.choice("kind", as: IntegrationEvent.Kind.self) ?? .error
        let integration = fields.string("integration", required: true)
        let output = LogLineRule.EventOutput(
            kind: kind, integration: integration ?? "", code: fields.string("code") ?? "", message: fields.string("message") ?? "",
            latencyField: fields.string("latency_field"), latencyScale: fields.number("latency_scale") ?? 1,
            attributes: fields.stringMap("attributes") ?? [:], timeField: fields.string("time_field"))
        return integration == nil ? nil : output
    }

    private func metricID(_ fields: ConfigFields) -> String? {
        guard let metric = fields.string("metric", required: true) else { return nil }
        ConfigValidator().checkSeriesName(metric, at: fields.value("metric")!.mark, field: fields.field("metric"), issues: issues)
        return metric
    }

    private func jsonPath(_ fields: ConfigFields, _ key: String, required: Bool) -> JSONPath? {
        guard let text = fields.string(key, required: required), let node = fields.value(key) else { return nil }
        do {
            return try JSONPath(parsing: text)
        } catch {
            let mark = ConfigMark(file: node.mark.file, line: node.mark.line, column: node.mark.column + error.column - 1)
            issues.report(mark, field: fields.field(key), "bad JSON path: \(error.reason)")
            return nil
        }
    }
}

/// The formats a scrape may be forced to read.
private enum ScrapeFormat: String, CaseIterable {
    case prometheus, openmetrics

    var format: MetricTextFormat { self == .prometheus ? .prometheus : .openMetrics }
}
