import EcotopCore

/// Reads a configuration document into an `EcotopConfiguration`, reporting every problem.
///
/// The sections are read independently, so a mistake in one does not hide those in another;
/// the configuration is returned only when nothing at all was reported.
public struct ConfigValidator {
    /// The catalog metric ids are checked against.
    public var catalog: MetricCatalog
    /// Expands `~` in paths.
    public var home: String?

    public init(catalog: MetricCatalog = .standard, home: String? = nil) {
        self.catalog = catalog
        self.home = home
    }

    /// Validates YAML text; `file` names it in every diagnostic.
    public func validate(yaml: String, file: String) -> Result<EcotopConfiguration, ConfigErrors> {
        switch ConfigNode.parse(yaml: yaml, file: file) {
        case .failure(let errors): return .failure(errors)
        case .success(let root):
            let issues = ConfigIssues()
            let configuration = read(root, file: file, issues: issues)
            return issues.isEmpty ? .success(configuration) : .failure(ConfigErrors(issues.diagnostics))
        }
    }

    /// Reads a parsed document; problems go to `issues` and the result is best effort.
    public func read(_ root: ConfigNode, file: String, issues: ConfigIssues) -> EcotopConfiguration {
        let fields = ConfigFields(root, path: "", issues: issues)
        if root.content == .null {
            issues.report(root.mark, field: "", "the file is empty; expected at least `ecosystem:` and `collectors:`")
        }
        let ecosystem = fields.mapping("ecosystem").map(EcosystemSection.read) ?? Ecosystem(name: "", components: [], integrations: [], partners: [])
        let section = fields.mapping("catalog").map(CatalogSection.read) ?? CatalogSection()
        var overrides: [MetricOverride] = []
        var added: [MetricDefinition] = []
        if let metrics = fields.mapping("metrics") {
            (overrides, added) = ConfigValidator(catalog: section.base, home: home).readMetrics(metrics, section: section)
        }
        let catalog = EcotopConfiguration.catalog(
            base: section.base, families: section.allFamilies, overrides: overrides, added: added)
        if catalog.metrics.isEmpty {
            issues.report(root.mark, field: "catalog", "the catalog has no metrics: with `standard: false`, add metrics of your own under metrics:")
        }
        for family in section.families where catalog.metrics(in: family).isEmpty {
            issues.report(root.mark, field: "catalog.families", "family '\(family.id)' has no metrics; give one `family: \(family.id)` under metrics:")
        }
        let inForce = ConfigValidator(catalog: catalog, home: home)
        let collectors = fields.list("collectors").map { inForce.readCollectors($0, field: fields.field("collectors"), issues: issues) } ?? []
        let health = fields.mapping("health").map(inForce.readHealth) ?? HealthWeights()
        let store = fields.mapping("store").map(readStore) ?? StoreSettings()
        let errorPolicy = ErrorsSection.read(fields, ecosystem: ecosystem)
        let source = fields.mapping("source").flatMap(readSource)
        let governance = fields.mapping("governance").map(GovernanceSection(catalog: catalog, ecosystem: ecosystem).read) ?? Governance()
        let alerts = fields.mapping("alerts").map(AlertsSection.read) ?? AlertSettings()
        let keys = fields.mapping("keys").map(KeysSection.read) ?? []
        fields.finish()
        var configuration = EcotopConfiguration(
            file: file, ecosystem: ecosystem, collectors: collectors, catalog: catalog, metricOverrides: overrides, health: health,
            store: store, errorPolicy: errorPolicy, source: source, governance: governance)
        configuration.alerts = alerts
        configuration.keys = keys
        return configuration
    }

    // MARK: - Collectors

    func readCollectors(_ items: [ConfigNode], field: String, issues: ConfigIssues) -> [CollectorConfig] {
        var names: [String: ConfigMark] = [:]
        return items.enumerated().compactMap { index, item in
            let path = "\(field)[\(index)]"
            let fields = ConfigFields(item, path: path, issues: issues)
            defer { fields.finish() }
            let name = fields.string("name", required: true)
            if let name, let first = names[name] {
                issues.report(fields.value("name")!.mark, field: fields.field("name"), "duplicate collector name '\(name)' (first used at \(first))")
            } else if let name {
                names[name] = fields.value("name")!.mark
            }
            let type = fields.choice("type", as: CollectorType.self, required: true)
            let interval = fields.duration("interval") ?? 60
            let timeout = fields.duration("timeout") ?? 5
            let argv = fields.strings("argv")
            if type == .exec || type == .daemon {
                if argv == nil, fields.value("argv") == nil {
                    issues.report(item.mark, field: fields.field("argv"), "missing; an \(type!.rawValue) collector needs the program and its arguments, e.g. [/usr/local/bin/orders.sh, --json]")
                } else if argv?.isEmpty == true {
                    issues.report(fields.value("argv")!.mark, field: fields.field("argv"), "expected the program and its arguments, found an empty list")
                }
            }
            let collector = CollectorConfig(
                name: name ?? "", type: type ?? .demo, interval: interval, timeout: timeout, argv: argv ?? [],
                env: fields.stringMap("env") ?? [:], cwd: fields.string("cwd").map(expandingHome),
                url: fields.string("url"), headers: fields.mapping("headers").map(readHeaders) ?? [:],
                path: fields.string("path").map(expandingHome), format: fields.string("format"),
                mapping: fields.list("mapping").map { readMapping($0, field: fields.field("mapping"), issues: issues) } ?? [],
                labels: fields.labelMap("labels") ?? [:], options: fields.value("options"), mark: item.mark,
                valueMarks: Dictionary(fields.entries.map { ($0.key, $0.value.mark) }) { first, _ in first }, fieldPath: path)
            return name != nil && type != nil ? collector : nil
        }
    }

    private func readMapping(_ items: [ConfigNode], field: String, issues: ConfigIssues) -> [MappingRuleConfig] {
        items.enumerated().compactMap { index, item in
            let fields = ConfigFields(item, path: "\(field)[\(index)]", issues: issues)
            defer { fields.finish() }
            let match = fields.string("match", required: true)
            let metric = fields.string("metric", required: true)
            if let metric {
                checkSeriesName(metric, at: fields.value("metric")!.mark, field: fields.field("metric"), issues: issues)
            }
            let rule = MappingRuleConfig(
                match: match ?? "", metric: metric ?? "", keepLabels: fields.strings("keep_labels"),
                renameLabels: fields.labelMap("rename_labels", valuesAreNames: true) ?? [:], setLabels: fields.labelMap("set_labels") ?? [:],
                scale: fields.number("scale") ?? 1, matchMark: fields.value("match")?.mark ?? item.mark,
                fieldPath: fields.path)
            return match != nil && metric != nil ? rule : nil
        }
    }

    /// Header values: a string, in which `${NAME}` reads the environment variable NAME when the
    /// request is made, or `{fromEnv: NAME}`, the same as `"${NAME}"`.
    func readHeaders(_ fields: ConfigFields) -> [String: String] {
        var headers: [String: String] = [:]
        for entry in fields.entries {
            _ = fields.value(entry.key)
            if case .mapping = entry.value.content {
                let secret = ConfigFields(entry.value, path: fields.field(entry.key), issues: fields.issues)
                if let name = secret.string("fromEnv", required: true) { headers[entry.key] = "${\(name)}" }
                secret.finish()
            } else if let text = entry.value.readString(field: fields.field(entry.key), issues: fields.issues) {
                headers[entry.key] = text
            }
        }
        return headers
    }

    // MARK: - Metrics, health and store

    /// The `metrics:` section: overrides of catalog metrics, and metrics of the configuration's
    /// own (an id the catalog does not have, with a `family`).
    private func readMetrics(_ fields: ConfigFields, section: CatalogSection) -> ([MetricOverride], [MetricDefinition]) {
        var overrides: [MetricOverride] = []
        var added: [MetricDefinition] = []
        for entry in fields.entries {
            _ = fields.value(entry.key)
            let id = MetricID(rawValue: entry.key)
            let metricFields = ConfigFields(entry.value, path: fields.field(entry.key), issues: fields.issues)
            let metric: MetricDefinition
            if let known = catalog[id] {
                metric = known
            } else if metricFields.value("family") == nil {
                // An id the catalog lacks, without a family: most likely a typo of a catalog id.
                reportUnknownMetric(entry.key, at: entry.keyMark, field: fields.field(entry.key), issues: fields.issues)
                continue
            } else if let new = section.readMetric(id, metricFields) {
                metric = new
                added.append(new)
            } else {
                metricFields.finish()
                continue
            }
            defer { metricFields.finish() }
            let isNew = catalog[id] == nil
            let thresholds = isNew ? nil : metricFields.mapping("thresholds").flatMap {
                CatalogSection.readThresholds($0, of: entry.key, direction: metric.direction)
            }
            let unit = isNew ? nil : metricFields.choice("unit", as: MetricUnit.self)
            let isCounter = isNew ? metric.isCounter : metricFields.bool("counter")
            if isCounter == true, (unit ?? metric.unit).periodSeconds == nil {
                fields.issues.report(entry.keyMark, field: fields.field(entry.key) + ".counter",
                    "a counter is read as a rate, so \(entry.key) needs a rate unit (per_minute, per_day or per_week), not \((unit ?? metric.unit).rawValue)")
            }
            let promql = metricFields.string("promql")
            if let promql, promql.allSatisfy(\.isWhitespace) {
                fields.issues.report(metricFields.value("promql")!.mark, field: metricFields.field("promql"), "expected a PromQL expression, found an empty one")
            }
            overrides.append(MetricOverride(
                id: id, thresholds: thresholds, unit: unit, expectedInterval: metricFields.duration("expected_interval"),
                isCounter: isNew ? nil : isCounter, promql: promql))
        }
        return (overrides, added)
    }

    func readHealth(_ fields: ConfigFields) -> HealthWeights {
        defer { fields.finish() }
        var weights = HealthWeights()
        if let families = fields.mapping("families") {
            for family in catalog.families {
                weights.families[family] = families.number(family.id, in: 0...1_000)
            }
            families.finish()
        }
        if let metrics = fields.mapping("metrics") {
            for entry in metrics.entries {
                if catalog[MetricID(rawValue: entry.key)] == nil {
                    _ = metrics.value(entry.key)
                    reportUnknownMetric(entry.key, at: entry.keyMark, field: metrics.field(entry.key), issues: fields.issues)
                } else {
                    weights.metrics[MetricID(rawValue: entry.key)] = metrics.number(entry.key, in: 0...1_000)
                }
            }
        }
        return weights
    }

    private func readStore(_ fields: ConfigFields) -> StoreSettings {
        defer { fields.finish() }
        return StoreSettings(path: fields.string("path").map(expandingHome), fsyncInterval: fields.duration("fsync_interval"))
    }

    /// Checks the name a collector gives its series: a catalog metric id, or a series of its
    /// own (`usage.upstream_errors`) unless it is one edit-distance slip from a catalog id
    /// (`usage.transactoins`), which is reported as the typo it most likely is.
    public func checkSeriesName(_ name: String, at mark: ConfigMark, field: String, issues: ConfigIssues) {
        guard catalog[MetricID(rawValue: name)] == nil,
            let closest = Suggestion.closest(to: name, among: catalog.metrics.map(\.id.rawValue))
        else { return }
        issues.report(mark, field: field, "unknown metric '\(name)'; did you mean '\(closest)'? (a series of your own needs a name not this close to a catalog metric)")
    }

    private func reportUnknownMetric(_ id: String, at mark: ConfigMark, field: String, issues: ConfigIssues) {
        let hint = Suggestion.hint(for: id, among: catalog.metrics.map(\.id.rawValue))
        issues.report(mark, field: field, "unknown metric '\(id)'\(hint.isEmpty ? "; docs/config.md lists the metric ids" : hint)")
    }

    private func expandingHome(_ path: String) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }
}
