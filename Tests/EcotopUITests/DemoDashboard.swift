import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopUI

/// The demo dashboard at a fixed seed and moment, as the frame snapshots draw it.
enum DemoDashboard {
    /// 2025-11-27 12:05:00 UTC.
    static let time = 1_764_245_100.0

    /// A state with data loaded for `range`, keys applied in order (reloading after each, as
    /// the live loop does when a key asks for it).
    static func state(range: TimeRange = .oneHour, glyphs: GlyphSet = .unicode, keys: String = "") throws -> DashboardState {
        let simulator = DemoSimulator(seed: 42)
        let builder = SnapshotBuilder(source: DemoSeriesSource(simulator: simulator))
        var state = DashboardState(
            ecosystemName: Ecosystem.demo.name, now: time, range: range, themes: try ThemeCatalog.builtIn().themes,
            glyphs: glyphs)
        state.snapshot = try builder.snapshot(at: time, range: range, buckets: 60)
        for key in KeySequence.parse(keys) {
            guard let action = KeyMap.standard.action(for: key) else { continue }
            if state.reduce(action).contains(.reload) {
                state.snapshot = try builder.snapshot(at: time, range: state.range, buckets: 60)
                if state.screen == .errors {
                    state.errors = try IntegrationErrorsReport(
                        ecosystem: simulator.ecosystem, events: simulator, end: time, range: state.range)
                }
            }
        }
        return state
    }
}
