import EcotopConfig
import EcotopCore

/// How a collector's output series become Ecotop series: its `mapping:` rules (none keeps
/// every series as named) and the `labels:` added to every sample.
public struct OutputMapping: Sendable, Hashable {
    /// The rules; with any, a series no rule matches is dropped.
    public var rules: SeriesMapping?
    /// Labels set on every sample, after the rules.
    public var labels: [String: String]

    public init(rules: SeriesMapping? = nil, labels: [String: String] = [:]) {
        self.rules = rules
        self.labels = labels
    }

    /// The samples mapped by the rules, with the fixed labels added.
    public func apply(_ samples: [Sample]) -> [Sample] {
        let mapped = rules?.map(samples) ?? samples
        guard !labels.isEmpty else { return mapped }
        return mapped.map { sample in
            var labelSet = sample.key.labelDictionary
            labelSet.merge(labels) { _, fixed in fixed }
            return Sample(key: SeriesKey(name: sample.key.name, labels: labelSet), timestamp: sample.timestamp, value: sample.value)
        }
    }

    /// The mapping of a collector's configuration; a bad selector is reported at its own line
    /// and column.
    public init(_ config: CollectorConfig, issues: ConfigIssues) {
        var rules: [SeriesMappingRule] = []
        for rule in config.mapping {
            do {
                rules.append(SeriesMappingRule(
                    selector: try SeriesSelector(parsing: rule.match), metricID: rule.metric,
                    keepLabels: rule.keepLabels.map(Set.init), renameLabels: rule.renameLabels, setLabels: rule.setLabels,
                    scale: rule.scale))
            } catch {
                let mark = rule.matchMark
                issues.report(
                    ConfigMark(file: mark.file, line: mark.line, column: mark.column + error.column - 1),
                    field: "\(rule.fieldPath).match", "bad series selector: \(error.reason)")
            }
        }
        self.init(rules: config.mapping.isEmpty ? nil : SeriesMapping(rules: rules), labels: config.labels)
    }
}
