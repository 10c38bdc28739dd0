import EcotopEngine

/// The collectors screen's own data: how current each source's data is. The collectors'
/// health itself comes with every load (`SessionStatus`), as the header shows it too.
public struct CollectorsModel: Sendable {
    public var freshness: DataFreshness?
    public var error: LoadFailure?

    public init() {}
}
