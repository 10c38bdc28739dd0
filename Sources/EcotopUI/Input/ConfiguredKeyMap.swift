import EcotopConfig
import EcotopCore

/// The key map in force for a catalog that a reload may change: the standard map of its
/// families with the configuration's remaps, rebuilt only when the families change, since
/// checking the remaps costs far more than a frame should spend on keys.
public struct ConfiguredKeyMap {
    /// The configuration's `keys:`, as the dashboard started.
    public let remaps: [KeyRemap]
    private var built: (families: [MetricFamily], map: KeyMap)?

    public init(remaps: [KeyRemap]) {
        self.remaps = remaps
    }

    /// The map for `families`, from the last call's when they are the same.
    public mutating func map(for families: [MetricFamily]) -> KeyMap {
        if let built, built.families == families { return built.map }
        let map = KeyMap.configured(families: families, remaps: remaps).map
        built = (families, map)
        return map
    }
}
