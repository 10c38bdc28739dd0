import EcotopCore

/// Reads the `governance:` section: the pairs of series that must agree (`agreements`) and who
/// owns which data and components (`owners`). Selectors, tolerances and owned subjects are
/// checked here, each problem reported at its position.
struct GovernanceSection {
    /// The metrics and families an owner may own.
    let catalog: MetricCatalog
    /// The components an owner may own.
    let ecosystem: Ecosystem

    func read(_ fields: ConfigFields) -> Governance {
        defer { fields.finish() }
        let agreements = (fields.list("agreements") ?? []).enumerated().compactMap { index, item in
            readAgreement(ConfigFields(item, path: "\(fields.field("agreements"))[\(index)]", issues: fields.issues))
        }
        let owners = fields.mapping("owners").map(readOwners) ?? Ownership()
        return Governance(agreements: agreements, owners: owners)
    }

    /// `{name, reference: SELECTOR, compared: SELECTOR, tolerance: 2% | NUMBER}`.
    private func readAgreement(_ fields: ConfigFields) -> SourceAgreement? {
        defer { fields.finish() }
        let name = fields.string("name", required: true)
        let reference = selector(fields, "reference")
        let compared = selector(fields, "compared")
        let tolerance = self.tolerance(fields)
        guard let name, let reference, let compared, let tolerance else { return nil }
        return SourceAgreement(name: name, reference: reference, compared: compared, tolerance: tolerance)
    }

    /// A series selector with a metric name (`crm.customers{region="eu"}`); a parse error is
    /// reported at its column within the value.
    private func selector(_ fields: ConfigFields, _ key: String) -> SeriesSelector? {
        guard let text = fields.string(key, required: true) else { return nil }
        let mark = fields.value(key)!.mark
        do {
            let selector = try SeriesSelector(parsing: text)
            guard selector.name != nil else {
                fields.issues.report(mark, field: fields.field(key), "expected a selector with a series name, such as crm.customers or crm.customers{region=\"eu\"}, found '\(text)'")
                return nil
            }
            return selector
        } catch {
            fields.issues.report(mark, field: fields.field(key), "not a series selector: column \(error.column) of '\(text)': \(error.reason)")
            return nil
        }
    }

    /// `2%` (a share of the reference value) or a number (a difference in the series' unit).
    private func tolerance(_ fields: ConfigFields) -> SourceAgreement.Tolerance? {
        guard let node = fields.value("tolerance", required: true), let text = node.scalar else {
            if let node = fields.value("tolerance") {
                fields.issues.report(node.mark, field: fields.field("tolerance"), "expected a percentage such as 2% or a number, found \(node.kindName)")
            }
            return nil
        }
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast()), percent >= 0, percent <= 1_000 else {
                fields.issues.report(node.mark, field: fields.field("tolerance"), "expected a percentage between 0% and 1000%, such as 2%, found '\(text)'")
                return nil
            }
            return .relative(percent / 100)
        }
        guard let difference = node.readNumber(field: fields.field("tolerance"), issues: fields.issues) else { return nil }
        guard difference >= 0 else {
            fields.issues.report(node.mark, field: fields.field("tolerance"), "expected a difference of 0 or more (or a percentage such as 2%), found \(text)")
            return nil
        }
        return .absolute(difference)
    }

    /// `{SUBJECT: OWNER}`: a subject is a metric id, a family id or a component id.
    private func readOwners(_ fields: ConfigFields) -> Ownership {
        let subjects = catalog.metrics.map(\.id.rawValue) + catalog.families.map(\.id) + ecosystem.components.map(\.id)
        var entries: [Ownership.Entry] = []
        for entry in fields.entries {
            guard let owner = fields.string(entry.key) else {
                if entry.value.content == .null {
                    fields.issues.report(entry.keyMark, field: fields.field(entry.key), "missing owner; expected a team or a person")
                }
                continue
            }
            guard subjects.contains(entry.key) else {
                let hint = Suggestion.hint(for: entry.key, among: subjects)
                fields.issues.report(entry.keyMark, field: fields.field(entry.key),
                    "unknown subject '\(entry.key)'\(hint.isEmpty ? "; expected a metric id, a family id or a component id" : hint)")
                continue
            }
            entries.append(Ownership.Entry(subject: entry.key, owner: owner))
        }
        return Ownership(entries)
    }
}
