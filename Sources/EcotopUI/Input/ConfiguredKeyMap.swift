import EcotopApp
import EcotopConfig
import EcotopCore

/// The key map in force for a session that a reload may change: the standard map of its
/// catalog's families with its configuration's remaps, rebuilt only when either changes,
/// since checking the remaps costs far more than a frame should spend on keys.
public struct ConfiguredKeyMap {
    private var built: (families: [MetricFamily], remaps: [KeyRemap], map: KeyMap)?

    /// A map built on first use.
    public init() {}

    /// The map for `session`, from the last call's when its families and remaps are the same.
    public mutating func map(for session: SessionStatus) -> KeyMap {
        let families = session.catalog.families
        if let built, built.families == families, built.remaps == session.keyRemaps { return built.map }
        let map = KeyMap.configured(families: families, remaps: session.keyRemaps).map
        built = (families, session.keyRemaps, map)
        return map
    }
}
