import EcotopEngine

/// The collectors screen's own data: how current each source's data is. The collectors'
/// health itself comes with every load (`SessionStatus`), as the header shows it too.
public struct CollectorsModel: Sendable {
    public var freshness: DataFreshness?
    public var error: LoadFailure?
    /// The `/` filter over the collectors and the sources.
    public var list = ListState()

    public init() {}

    /// The collectors the filter keeps (by name, kind and state).
    public func visibleCollectors(_ collectors: [CollectorStatus]) -> [CollectorStatus] {
        let matcher = list.filter.matcher()
        return collectors.filter { matcher.keeps("\($0.name) \($0.kind) \($0.state)") }
    }

    /// The sources' freshness with the entries the filter keeps (by series and FRESH/STALE).
    public var visibleFreshness: DataFreshness? {
        guard var freshness, !list.filter.isEmpty else { return freshness }
        let matcher = list.filter.matcher()
        freshness.entries = freshness.entries.filter { matcher.keeps("\($0.key) \($0.isFresh ? "FRESH" : "STALE")") }
        return freshness
    }
}
