/// Finds OpenMetrics families whose sample names could clash, which the specification
/// forbids (a gauge `a_total` next to a counter `a`, a gauge `h_count` next to a histogram
/// `h`).
///
/// Every suffix is `_` and letters and none ends another, so two families can only clash
/// when one of them uses its bare name as a sample name (gauge, unknown, stateset, summary)
/// and that name is the other's name plus one of the other's suffixes. Such bare names are
/// kept by the name before their suffix, so checking a family costs one split of its name
/// and at most two lookups, whatever the number of families.
struct OpenMetricsNameClaims {
    typealias Suffix = OpenMetricsSampleRules.Suffix

    /// Families that use their bare name and whose name ends in a suffix, by the name before it.
    private var suffixedBareNames: [String: [(suffix: Suffix, position: Int)]] = [:]

    /// A sample name two families could both use, and the other family's position.
    typealias Clash = (sampleName: String, owner: Int)

    /// Checks the family `name` at `position`, of `type`, against the families in `families`.
    /// `previousType` is its type before its `# TYPE` line, nil for a new family.
    mutating func check(
        family name: String, at position: Int, type: ScrapedMetricType, previousType: ScrapedMetricType? = nil,
        in families: FamilyTable
    ) -> Clash? {
        let usesBareName = Suffix.none.belongs(to: type)
        let usedBareName = previousType.map { Suffix.none.belongs(to: $0) } ?? false
        if !suffixedBareNames.isEmpty, OpenMetricsSampleRules.suffixes(of: type).contains(where: { $0 != .none }),
           let bare = suffixedBareNames[name] {
            for entry in bare where entry.position != position && entry.suffix.belongs(to: type) {
                return (name + entry.suffix.text, entry.position)
            }
        }
        guard usesBareName != usedBareName, let (base, suffix) = Suffix.split(name) else { return nil }
        guard usesBareName else {
            suffixedBareNames[base]?.removeAll { $0.position == position }
            return nil
        }
        if let owner = families.position(of: base), suffix.belongs(to: families.metadata[owner].type) { return (name, owner) }
        suffixedBareNames[base, default: []].append((suffix, position))
        return nil
    }
}
