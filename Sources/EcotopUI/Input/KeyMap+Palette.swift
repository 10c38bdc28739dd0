import EcotopApp

extension PaletteEntry {
    /// Every action of `map` once, in the map's order, with its first binding's summary and keys.
    public static func all(in map: KeyMap) -> [PaletteEntry] {
        entries(of: map.bindings)
    }

    /// The actions of `map` that do something on `screen`, once each, as the palette offers
    /// them there: the palette's own key is left out.
    public static func all(in map: KeyMap, on screen: ScreenKind) -> [PaletteEntry] {
        entries(of: map.bindings(for: screen).filter { $0.command != .openPalette })
    }

    private static func entries(of bindings: [KeyMap.Binding]) -> [PaletteEntry] {
        var seen: Set<String> = []
        return bindings.compactMap { binding in
            guard seen.insert(binding.action).inserted else { return nil }
            return PaletteEntry(action: binding.action, summary: binding.summary, command: binding.command, keys: binding.label)
        }
    }
}
