import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopUI

/// The demo dashboard at a fixed seed and moment, as the frame snapshots draw it: the model
/// after its reads finished, as the live loop shows it.
enum DemoDashboard {
    /// 2025-11-27 12:05:00 UTC.
    static let time = 1_764_245_100.0

    /// A model with data loaded for `range`, keys applied in order, each key's reads answered
    /// before the next key.
    static func model(range: TimeRange = .oneHour, keys: String = "", columns: Int = 160) throws -> AppModel {
        let loader = DataLoader.demo(simulator: DemoSimulator(seed: 42))
        var model = AppModel(session: loader.status, now: time, range: range, themeNames: try ThemeCatalog.builtIn().themes.map(\.name))
        model.columns = columns
        let keyMap = KeyMap(families: model.catalog.families)
        model.start(typing: KeySequence.parse(keys), keyMap: keyMap, at: time, loader: loader)
        return model
    }

    /// The frame of `model` in the built-in themes; `isColorless` draws it as for `NO_COLOR`.
    static func render(_ model: AppModel, size: Size, glyphs: GlyphSet = .unicode, isColorless: Bool = false) throws -> FrameBuffer {
        DashboardView.render(
            model, size: size, appearance: Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: glyphs, isColorless: isColorless))
    }
}
