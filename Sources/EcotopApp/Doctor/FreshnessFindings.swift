import EcotopCore
import EcotopEngine

/// The data's freshness for `ecotop doctor`: for each metric of the catalog, the newest point of
/// its series as `DataFreshness` measured it (the numbers the collectors and governance screens
/// show), fresh when every series has a point within its staleness limit.
public enum FreshnessFindings {
    /// One finding per catalog metric that has series, in the catalog's order, then one for
    /// all the metrics without any.
    public static func findings(_ freshness: DataFreshness, catalog: MetricCatalog) -> [DoctorFinding] {
        let byMetric = Dictionary(grouping: freshness.entries, by: \.key.name)
        let unfed = catalog.metrics.map(\.id.rawValue).filter { byMetric[$0] == nil }
        var findings = catalog.metrics.compactMap { metric in
            byMetric[metric.id.rawValue].map { finding(metric: metric.id.rawValue, entries: $0) }
        }
        if !unfed.isEmpty {
            findings.append(DoctorFinding(
                .warn, "data", "no series for \(counted(unfed.count, "catalog metric")): \(unfed.joined(separator: ", "))",
                hint: "no collector delivers them: map a collector's samples to them (docs/collectors.md)"))
        }
        return findings
    }

    /// The freshness of one metric's series (`entries` come stalest first).
    private static func finding(metric: String, entries: [DataFreshness.Entry]) -> DoctorFinding {
        let subject = "data \(metric)"
        guard let newest = entries.compactMap(\.age).min() else {
            return DoctorFinding(.warn, subject, "no point in the last day", hint: "the collector feeding it has stopped or fails: see `ecotop collectors`")
        }
        let stale = entries.filter { !$0.isFresh }
        guard let stalest = stale.first else {
            return DoctorFinding(.ok, subject, "newest point \(NumberFormat.age(newest)) old, within \(NumberFormat.age(entries[0].limit))")
        }
        let age = stalest.age.map { "\(NumberFormat.age($0)) old" } ?? "without a point in the last day"
        return DoctorFinding(
            .warn, subject,
            "\(stale.count) of \(counted(entries.count, "series", plural: "series")) stale, the stalest \(age) (limit \(NumberFormat.age(stalest.limit)))",
            hint: "the collector feeding it has stopped or fails: see `ecotop collectors`")
    }
}
