import EcotopCore

/// Turns the latest collected samples into exposed families: names mapped by
/// `PrometheusName.of`, HELP and TYPE from the catalog, clashes resolved the same way on
/// every scrape.
///
/// - Types: a catalog metric is a gauge; one the catalog marks as a counter is a counter when
///   its exposed name ends in `_total` (the only name a counter keeps in both text formats),
///   else unknown, so that its name in Prometheus is the rule's whatever format was scraped.
///   A series the catalog does not know is unknown (`untyped` in the Prometheus text format).
/// - Clashes: two series that map to the same name and labels, a series whose label names
///   meet once mapped, and a family whose name another family already claims (OpenMetrics
///   counts `x`, `x_total` and `x_created` as one counter's) keep the first in order: Ecotop's
///   own families, then series by their original key; the rest are left out and counted in
///   `ecotop_exposition_dropped_series{reason="name_clash"}`. A counter's sample that is NaN
///   or negative, which no scraper accepts as a total, is counted under
///   `reason="invalid_counter_value"`.
public struct CollectedFamilies: Sendable {
    /// Families in name order, Ecotop's own first among equals.
    public private(set) var families: [ExposedFamily] = []
    /// Series left out because their names clashed.
    public private(set) var nameClashes = 0
    /// Counter series left out because their value was NaN or negative.
    public private(set) var invalidCounterValues = 0

    /// - Parameters:
    ///   - latest: the latest sample of every series, in any order.
    ///   - own: Ecotop's own families (health), which win every clash.
    public init(latest: [Sample], catalog: MetricCatalog, own: [ExposedFamily]) {
        var claimed = Set<String>()
        var accepted: [ExposedFamily] = []
        for family in own {
            claimed.formUnion(family.claimedNames)
            accepted.append(family)
        }
        for family in groupByName(latest.sorted { $0.key < $1.key }, catalog: catalog) {
            guard claimed.isDisjoint(with: family.claimedNames) else {
                nameClashes += family.samples.count
                continue
            }
            claimed.formUnion(family.claimedNames)
            accepted.append(family)
        }
        accepted.append(droppedFamily)
        families = accepted.sorted { $0.name < $1.name }
    }

    /// The count of what was left out, by reason (always both, so a scraper sees zeros).
    private var droppedFamily: ExposedFamily {
        ExposedFamily(
            name: "ecotop_exposition_dropped_series",
            help: "Collected series left out of this exposition: their Prometheus name and labels clashed with another's, "
                + "or a counter's value was NaN or negative.",
            kind: .gauge,
            samples: [
                ExposedSample(labels: [SeriesKey.Label("reason", "invalid_counter_value")], value: Double(invalidCounterValues)),
                ExposedSample(labels: [SeriesKey.Label("reason", "name_clash")], value: Double(nameClashes)),
            ])
    }

    /// One family per exposed name, in name order; within a family the first series (in
    /// key order) of each label set wins and gives the family its HELP and TYPE.
    private mutating func groupByName(_ sorted: [Sample], catalog: MetricCatalog) -> [ExposedFamily] {
        var families: [String: ExposedFamily] = [:]
        var seenLabels: [String: Set<[SeriesKey.Label]>] = [:]
        var exposedNames: [String: String] = [:]
        for sample in sorted {
            let name = exposedNames[sample.key.name] ?? PrometheusName.of(sample.key.name)
            exposedNames[sample.key.name] = name
            guard let labels = Self.exposedLabels(sample.key), seenLabels[name, default: []].insert(labels).inserted else {
                nameClashes += 1
                continue
            }
            if families[name] == nil { families[name] = Self.family(named: name, for: sample.key.name, catalog: catalog) }
            if families[name]?.kind == .counter, sample.value.isNaN || sample.value < 0 {
                invalidCounterValues += 1
                continue
            }
            families[name]?.samples.append(ExposedSample(labels: labels, value: sample.value, timestamp: sample.timestamp))
        }
        return families.values.sorted { $0.name < $1.name }
    }

    /// The labels with mapped names, sorted; nil when two names meet.
    private static func exposedLabels(_ key: SeriesKey) -> [SeriesKey.Label]? {
        let labels = key.labels.map { SeriesKey.Label(PrometheusName.of($0.name), $0.value) }
        // Names the rule left alone keep the key's order and uniqueness.
        if zip(labels, key.labels).allSatisfy({ $0.name == $1.name }) { return labels }
        let sorted = labels.sorted()
        for index in sorted.indices.dropFirst() where sorted[index].name == sorted[index - 1].name { return nil }
        return sorted
    }

    /// An empty family with the HELP and TYPE the catalog gives `metric`.
    private static func family(named name: String, for metric: String, catalog: MetricCatalog) -> ExposedFamily {
        guard let definition = catalog[MetricID(rawValue: metric)] else {
            return ExposedFamily(name: name, help: "Collected by Ecotop as \(metric); not in its metric catalog.", kind: .unknown, samples: [])
        }
        let kind: ExposedFamily.Kind = definition.isCounter ? (name.hasSuffix("_total") ? .counter : .unknown) : .gauge
        return ExposedFamily(
            name: name, help: "\(definition.title) (\(definition.unit.rawValue), Ecotop metric \(metric)). \(definition.summary)",
            kind: kind, samples: [])
    }
}
