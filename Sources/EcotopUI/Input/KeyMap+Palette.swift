import EcotopApp

extension PaletteEntry {
    /// The actions of `map` once each, in the map's order, with their first binding's summary
    /// and keys: those that do something on `screen` and those that open another screen from
    /// anywhere (the review screen binds none), or all of them without a screen. The palette's
    /// own key is left out.
    public static func all(in map: KeyMap, on screen: ScreenKind? = nil) -> [PaletteEntry] {
        var seen: Set<String> = []
        let bindings = screen.map { screen in
            map.bindings.filter { $0.applies(to: screen) || ($0.command.openedScreen.map { $0 != screen } ?? false) }
        } ?? map.bindings
        return bindings.compactMap { binding in
            guard binding.command != .openPalette, seen.insert(binding.action).inserted else { return nil }
            // A screen offered where its key does nothing (on the review) shows no key.
            let keys = screen.map(binding.applies(to:)) ?? true ? binding.label : ""
            return PaletteEntry(action: binding.action, summary: binding.summary, command: binding.command, keys: keys)
        }
    }
}
