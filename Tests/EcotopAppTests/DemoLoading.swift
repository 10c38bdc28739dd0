import EcotopApp
import EcotopCollectors
import EcotopCore

/// The demo at a fixed seed and moment, loaded synchronously as `ecotop screenshot` does.
enum DemoLoading {
    /// 2025-11-27 12:05:00 UTC.
    static let time = 1_764_245_100.0

    static func loader() -> DataLoader {
        DataLoader.demo(simulator: DemoSimulator(seed: 42))
    }

    /// A started model with `commands` applied, every read answered at once.
    static func model(_ commands: [Command] = [], range: TimeRange = .oneHour) -> (AppModel, DataLoader) {
        let loader = loader()
        var model = AppModel(session: loader.status, now: time, range: range, themeNames: ["dark", "light", "nord"])
        model.start(applying: commands.map(AppAction.command), at: time, loader: loader)
        return (model, loader)
    }
}

extension [AppEffect] {
    /// The kinds of the loads among the effects, in order.
    var loadKinds: [LoadRequest.Kind] {
        compactMap { if case .load(let request) = $0 { request.kind } else { nil } }
    }
}
