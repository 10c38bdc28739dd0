import EcotopCore

/// Turns scraped series into Ecotop series: the rules of a `prometheus` collector.
///
/// A sample goes through the first rule whose selector matches it and is dropped when
/// none does, so a scrape imports only what the configuration names. See
/// docs/parsers.md for the configuration form.
public struct SeriesMapping: Hashable, Sendable {
    /// The rules, tried in order.
    public var rules: [SeriesMappingRule]

    /// A mapping by these rules.
    public init(rules: [SeriesMappingRule]) {
        self.rules = rules
    }

    /// The mapped samples, in input order.
    public func map(_ samples: [Sample]) -> [Sample] {
        samples.compactMap { sample in
            rules.lazy.compactMap { $0.apply(to: sample) }.first
        }
    }
}

/// One mapping rule: which series it takes, the Ecotop metric they become, how their
/// labels change and how their values scale.
///
/// Labels change in this order: `keepLabels` drops every other label, `renameLabels`
/// renames, `setLabels` adds or overwrites fixed values.
public struct SeriesMappingRule: Hashable, Sendable {
    /// The scraped series the rule takes.
    public var selector: SeriesSelector
    /// The name of the resulting series: an Ecotop metric id such as `usage.error_rate`.
    public var metricID: String
    /// The labels to keep; nil keeps them all.
    public var keepLabels: Set<String>?
    /// Old label name to new label name.
    public var renameLabels: [String: String]
    /// Labels to add, or to overwrite, with fixed values (e.g. `component: storefront`).
    public var setLabels: [String: String]
    /// The factor values are multiplied by (e.g. 100 to turn a ratio into a percent).
    public var scale: Double

    /// A rule; by default it keeps every label and the value as scraped.
    public init(
        selector: SeriesSelector,
        metricID: String,
        keepLabels: Set<String>? = nil,
        renameLabels: [String: String] = [:],
        setLabels: [String: String] = [:],
        scale: Double = 1
    ) {
        self.selector = selector
        self.metricID = metricID
        self.keepLabels = keepLabels
        self.renameLabels = renameLabels
        self.setLabels = setLabels
        self.scale = scale
    }

    /// The sample as the rule maps it, or nil when the selector does not match.
    public func apply(to sample: Sample) -> Sample? {
        guard selector.matches(sample.key) else { return nil }
        var labels: [String: String] = [:]
        for label in sample.key.labels where keepLabels?.contains(label.name) ?? true {
            labels[renameLabels[label.name] ?? label.name] = label.value
        }
        labels.merge(setLabels) { _, fixed in fixed }
        return Sample(key: SeriesKey(name: metricID, labels: labels), timestamp: sample.timestamp, value: sample.value * scale)
    }
}
