import EcotopCore

/// How Prometheus's label sets become Ecotop series keys.
///
/// Prometheus adds `job` and `instance` to every scraped series, naming the scrape rather than
/// the thing measured. They are left out of the key when they do not tell the metric's series
/// apart (one `collect --listen` per site scraped once: `usage.transaction_volume{component="crm"}`
/// reads the same as in the local store), and kept when they do (the same series from two
/// sites). `__name__` is never part of a key: the key's name is the catalog metric id.
enum SeriesIdentity {
    /// The labels Prometheus adds on scrape.
    static let scrapeLabels: Set<String> = ["job", "instance"]

    /// The key of each label set of metric `name`, in the order given, and whether the scrape
    /// labels were kept; label sets that differ only in `ignoring` (the query's own labels) get
    /// the same key. `keepingScrapeLabels` imposes an earlier decision (the metric's listing
    /// of series, so that a query's keys match the listed ones); nil decides from these sets.
    static func keys(
        of labelSets: [[String: String]], name: String, ignoring: Set<String> = [], keepingScrapeLabels: Bool? = nil
    ) -> (keys: [SeriesKey], keepsScrapeLabels: Bool) {
        let own = labelSets.map { $0.filter { $0.key != "__name__" && !ignoring.contains($0.key) } }
        let reduced = own.map { $0.filter { !scrapeLabels.contains($0.key) } }
        let keeps = keepingScrapeLabels ?? (Set(reduced).count < Set(own).count)
        return ((keeps ? own : reduced).map { SeriesKey(name: name, labels: $0) }, keeps)
    }
}
