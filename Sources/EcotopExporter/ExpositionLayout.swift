import EcotopCore

/// Which collected series `/metrics` shows under which family and labels: names mapped by
/// `PrometheusName.of`, HELP and TYPE from the catalog, clashes resolved the same way on every
/// scrape. It depends only on the set of series, the catalog and the names Ecotop's own
/// families claim, so it is computed again only when one of those changes, not per scrape.
///
/// - Types: a catalog metric is a gauge; one the catalog marks as a counter is a counter when
///   its exposed name ends in `_total` (the only name a counter keeps in both text formats),
///   else unknown, so that its name in Prometheus is the rule's whatever format was scraped.
///   A series the catalog does not know is unknown (`untyped` in the Prometheus text format).
/// - Clashes: two series that map to the same name and labels, a series whose label names
///   meet once mapped, and a family whose name another family already claims (OpenMetrics
///   counts `x`, `x_total` and `x_created` as one counter's) keep the first in order: Ecotop's
///   own families, then series by their original key; the rest are left out and counted.
public struct ExpositionLayout: Sendable {
    /// A family of collected series with the slot (in the table's keys) and exposed labels of
    /// each member, in key order.
    public struct Family: Sendable {
        public var name: String
        public var help: String
        public var kind: ExposedFamily.Kind
        public var members: [(slot: Int, labels: [SeriesKey.Label])]
    }

    /// Families in name order.
    public private(set) var families: [Family] = []
    /// Series left out because their names clashed.
    public private(set) var nameClashes = 0

    /// - Parameters:
    ///   - keys: the series, in slot order.
    ///   - claimed: names Ecotop's own families take (`ExposedFamily.claimedNames`).
    public init(keys: [SeriesKey], catalog: MetricCatalog, claimed: Set<String>) {
        var claimed = claimed
        for family in groupByName(keys, catalog: catalog) {
            let names = ExposedFamily.claimedNames(family.name, kind: family.kind)
            guard claimed.isDisjoint(with: names) else {
                nameClashes += family.members.count
                continue
            }
            claimed.formUnion(names)
            families.append(family)
        }
    }

    /// One family per exposed name, in name order; within a family the first series (in
    /// key order) of each label set wins and gives the family its HELP and TYPE.
    private mutating func groupByName(_ keys: [SeriesKey], catalog: MetricCatalog) -> [Family] {
        var families: [String: Family] = [:]
        var seenLabels: [String: Set<[SeriesKey.Label]>] = [:]
        var exposedNames: [String: String] = [:]
        for slot in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
            let key = keys[slot]
            let name = exposedNames[key.name] ?? PrometheusName.of(key.name)
            exposedNames[key.name] = name
            guard let labels = Self.exposedLabels(key), seenLabels[name, default: []].insert(labels).inserted else {
                nameClashes += 1
                continue
            }
            if families[name] == nil { families[name] = Self.family(named: name, for: key.name, catalog: catalog) }
            families[name]?.members.append((slot, labels))
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
    private static func family(named name: String, for metric: String, catalog: MetricCatalog) -> Family {
        guard let definition = catalog[MetricID(rawValue: metric)] else {
            return Family(name: name, help: "Collected by Ecotop as \(metric); not in its metric catalog.", kind: .unknown, members: [])
        }
        let kind: ExposedFamily.Kind = definition.isCounter ? (name.hasSuffix("_total") ? .counter : .unknown) : .gauge
        return Family(
            name: name, help: "\(definition.title) (\(definition.unit.rawValue), Ecotop metric \(metric)). \(definition.summary)",
            kind: kind, members: [])
    }
}
