import EcotopCore

/// Series names one slip away from a catalog metric (`usage.transactoins`): stored as series
/// of their own, as `config check` would allow for a name that is not this close, but named
/// once each with the metric they most likely mean.
public struct CatalogNearMisses {
    private let metricIDs: [String]
    private var warned: Set<String> = []

    public init(catalog: MetricCatalog = .standard) {
        metricIDs = catalog.metrics.map(\.id.rawValue)
    }

    /// The warning for `name`, the first time a near miss is seen; nil otherwise.
    public mutating func warning(for name: String) -> String? {
        guard !metricIDs.contains(name), !warned.contains(name),
            let meant = Suggestion.closest(to: name, among: metricIDs)
        else { return nil }
        warned.insert(name)
        return "series '\(name)' is not a catalog metric; did you mean '\(meant)'? (stored as a series of its own)"
    }
}
