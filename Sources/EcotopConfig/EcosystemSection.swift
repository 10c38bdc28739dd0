import EcotopCore

/// Reads the `ecosystem:` section: components, the integrations between them and partners,
/// checking that ids are unique and that every reference names a component.
///
/// Every field of an entry is read before the entry is judged, so that a bad id does not
/// make its other keys look unknown.
enum EcosystemSection {
    static func read(_ fields: ConfigFields) -> Ecosystem {
        defer { fields.finish() }
        let issues = fields.issues
        let name = fields.string("name") ?? "Ecosystem"
        var componentIDs: [String: ConfigMark] = [:]
        let components: [Component] = items(fields, "components").compactMap { item in
            let component = ConfigFields(item.node, path: item.path, issues: issues)
            defer { component.finish() }
            let id = uniqueID(component, seen: &componentIDs, what: "component")
            let name = component.string("name")
            let kind = component.choice("kind", as: Component.Kind.self) ?? .other
            let role = component.choice("role", as: Component.Role.self) ?? .endpoint
            let cost = component.mapping("cost").flatMap(readCost)
            return id.map { Component(id: $0, name: name ?? $0, kind: kind, role: role, cost: cost) }
        }
        let known = components.map(\.id)
        var integrationIDs: Set<String> = []
        let integrations: [Integration] = items(fields, "integrations").compactMap { item in
            let integration = ConfigFields(item.node, path: item.path, issues: issues)
            defer { integration.finish() }
            let from = reference(integration, "from", known: known, required: true)
            let to = reference(integration, "to", known: known, required: true)
            let transport = integration.choice("protocol", as: Integration.Transport.self) ?? .api
            let critical = integration.bool("critical") ?? false
            let defaults: IntegrationLimits = critical ? .critical : .standard
            let failureRate = integration.number("max_failure_rate", in: 0...100)
            let errorsPerMinute = integration.number("max_errors_per_minute", in: 0...1_000_000)
            let limits = failureRate == nil && errorsPerMinute == nil ? nil : IntegrationLimits(
                maximumFailureRate: failureRate ?? defaults.maximumFailureRate,
                maximumErrorsPerMinute: errorsPerMinute ?? defaults.maximumErrorsPerMinute)
            guard let from, let to else { return nil }
            if !integrationIDs.insert("\(from)->\(to)").inserted {
                issues.report(item.node.mark, field: item.path, "duplicate integration \(from)->\(to)")
            }
            return Integration(from: from, to: to, transport: transport, isCritical: critical, limits: limits)
        }
        var partnerIDs: [String: ConfigMark] = [:]
        let partners: [Partner] = items(fields, "partners").compactMap { item in
            let partner = ConfigFields(item.node, path: item.path, issues: issues)
            defer { partner.finish() }
            let id = uniqueID(partner, seen: &partnerIDs, what: "partner")
            let name = partner.string("name")
            let tier = partner.choice("tier", as: Partner.Tier.self) ?? .technology
            let provided = partner.list("components") ?? []
            let componentList = provided.enumerated().compactMap { index, node -> String? in
                guard let text = node.readString(field: "\(partner.field("components"))[\(index)]", issues: issues) else { return nil }
                checkReference(text, at: node.mark, field: "\(partner.field("components"))[\(index)]", known: known, issues: issues)
                return text
            }
            return id.map { Partner(id: $0, name: name ?? $0, tier: tier, components: componentList) }
        }
        return Ecosystem(name: name, components: components, integrations: integrations, partners: partners)
    }

    /// `cost: {amount: 120, per: month}`: both fields required, the amount not negative.
    private static func readCost(_ fields: ConfigFields) -> ComponentCost? {
        defer { fields.finish() }
        let amount = fields.number("amount", in: 0...1e15, required: true)
        let per = fields.choice("per", as: ComponentCost.Period.self, required: true)
        guard let amount, let per else { return nil }
        return ComponentCost(amount: amount, per: per)
    }

    private static func items(_ fields: ConfigFields, _ key: String) -> [(node: ConfigNode, path: String)] {
        (fields.list(key) ?? []).enumerated().map { ($1, "\(fields.field(key))[\($0)]") }
    }

    private static func uniqueID(_ fields: ConfigFields, seen: inout [String: ConfigMark], what: String) -> String? {
        guard let id = fields.string("id", required: true) else { return nil }
        let mark = fields.value("id")!.mark
        if let first = seen[id] {
            fields.issues.report(mark, field: fields.field("id"), "duplicate \(what) id '\(id)' (first used at \(first))")
            return nil
        }
        seen[id] = mark
        return id
    }

    private static func reference(_ fields: ConfigFields, _ key: String, known: [String], required: Bool) -> String? {
        guard let id = fields.string(key, required: required) else { return nil }
        return checkReference(id, at: fields.value(key)!.mark, field: fields.field(key), known: known, issues: fields.issues) ? id : nil
    }

    @discardableResult
    private static func checkReference(_ id: String, at mark: ConfigMark, field: String, known: [String], issues: ConfigIssues) -> Bool {
        guard !known.contains(id) else { return true }
        issues.report(mark, field: field, "unknown component '\(id)'\(Suggestion.hint(for: id, among: known)); expected the id of a component under ecosystem.components")
        return false
    }
}
