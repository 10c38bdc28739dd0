import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI

/// A dashboard over a store built by hand, where the answer is known: its reads answered at
/// once, keys applied in order.
enum HandBuiltDashboard {
    static func model(
        _ series: [SeriesKey: [SeriesPoint]], catalog: MetricCatalog = .standard, at time: Double, keys: String = "",
        detectingAnomalies: Bool = true
    ) -> AppModel {
        let loader = DataLoader(
            builder: SnapshotBuilder(
                source: RecordedSeriesSource(series), catalog: catalog, anomalyDetector: detectingAnomalies ? AnomalyDetector() : nil),
            events: RecordedEvents(), ecosystem: Ecosystem(name: "Hand-built shop", components: [], integrations: [], partners: []))
        var model = AppModel(session: loader.status, now: time, themeNames: ["dark"])
        let keyMap = KeyMap(families: model.catalog.families)
        model.start(typing: KeySequence.parse(keys), keyMap: keyMap, at: time, loader: loader)
        return model
    }
}
