import EcotopCore

/// The `catalog:` section and the new metrics of `metrics:`: which metrics the dashboard shows.
/// The standard four families and their twenty metrics are in unless `standard: false`; a
/// configuration adds families of its own (`families:`) and metrics of its own (a `metrics:`
/// entry with a `family`), which take their place in the panes, the pane keys and the health
/// score like the standard ones.
struct CatalogSection {
    /// Whether the standard families and metrics are part of the catalog.
    var includesStandard = true
    /// Families the configuration adds, in pane order after the standard ones.
    var families: [MetricFamily] = []

    /// The families of the catalog, in pane order.
    var allFamilies: [MetricFamily] {
        (includesStandard ? MetricFamily.standard : []) + families
    }

    /// The catalog new metrics are added to and overrides apply to.
    var base: MetricCatalog {
        includesStandard ? .standard : MetricCatalog(metrics: [])
    }

    /// Reads `catalog: {standard: BOOL, families: [{id, name}]}`.
    static func read(_ fields: ConfigFields) -> CatalogSection {
        defer { fields.finish() }
        var section = CatalogSection()
        section.includesStandard = fields.bool("standard") ?? true
        for (index, item) in (fields.list("families") ?? []).enumerated() {
            let family = ConfigFields(item, path: fields.field("families") + "[\(index)]", issues: fields.issues)
            defer { family.finish() }
            guard let id = family.string("id", required: true) else { continue }
            let mark = family.value("id")!.mark
            if !isIdentifier(id) {
                fields.issues.report(mark, field: family.field("id"), "expected a lower-case id of letters, digits and _, such as logistics, found '\(id)'")
            } else if section.allFamilies.contains(where: { $0.id == id }) {
                let standard = MetricFamily.standard.contains { $0.id == id } && section.includesStandard
                fields.issues.report(mark, field: family.field("id"), standard
                    ? "'\(id)' is a standard family already; add metrics to it with `family: \(id)` in metrics:"
                    : "duplicate family id '\(id)'")
            } else {
                section.families.append(MetricFamily(id: id, title: family.string("name") ?? id.capitalized))
            }
        }
        return section
    }

    /// A new metric of the configuration: `metrics: {ID: {family, name, unit, thresholds, ...}}`
    /// for an id the base catalog does not have.
    func readMetric(_ id: MetricID, _ fields: ConfigFields) -> MetricDefinition? {
        let family = fields.string("family", required: true).flatMap { familyID -> MetricFamily? in
            guard let family = allFamilies.first(where: { $0.id == familyID }) else {
                let hint = Suggestion.hint(for: familyID, among: allFamilies.map(\.id))
                fields.issues.report(fields.value("family")!.mark, field: fields.field("family"),
                    "unknown family '\(familyID)'\(hint.isEmpty ? "; the families are \(allFamilies.map(\.id).joined(separator: ", "))" : hint)")
                return nil
            }
            return family
        }
        let name = fields.string("name", required: true)
        let unit = fields.choice("unit", as: MetricUnit.self, required: true)
        let direction = fields.choice("direction", as: MetricDirection.self) ?? .higherIsBetter
        let thresholds = fields.mapping("thresholds").flatMap { Self.readThresholds($0, of: id.rawValue, direction: direction) }
        if fields.value("thresholds") == nil {
            fields.issues.report(fields.node.mark, field: fields.field("thresholds"), "missing; a metric of your own needs {warn: N, critical: N}")
        }
        guard let family, let name, let unit, let thresholds else { return nil }
        let shortName = fields.string("short_name") ?? name
        return MetricDefinition(
            id: id, family: family, title: name, shortTitle: shortName, unit: unit, direction: direction,
            aggregation: fields.choice("aggregation", as: Aggregation.self) ?? .avg, thresholds: thresholds,
            summary: fields.string("description") ?? "", isCounter: fields.bool("counter") ?? false)
    }

    /// `{warn: N, critical: N}`, ordered as `direction` needs: for a higher-is-better metric warn
    /// is at least critical, for a lower-is-better one at most.
    static func readThresholds(_ levels: ConfigFields, of id: String, direction: MetricDirection) -> Thresholds? {
        defer { levels.finish() }
        guard let warn = levels.number("warn", required: true), let critical = levels.number("critical", required: true) else {
            return nil
        }
        let ordered = direction == .higherIsBetter ? warn >= critical : warn <= critical
        if !ordered {
            let relation = direction == .higherIsBetter ? "at least" : "at most"
            levels.issues.report(levels.node.mark, field: levels.path,
                "\(id) is \(direction == .higherIsBetter ? "higher" : "lower") is better, so warn must be \(relation) critical (warn \(warn), critical \(critical))")
        }
        return Thresholds(warn: warn, critical: critical)
    }

    private static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}
