import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// A configuration changed while the dashboard runs is taken up before the next read, so the
/// first frame after it is built with the new catalog (it used to be built with a copy of the
/// old one).
@Suite struct ConfigurationReloadTests {
    private func configuration(name: String, warn: Int) -> String {
        """
        ecosystem:
          name: \(name)
        metrics:
          usage.transactions: {thresholds: {warn: \(warn), critical: 80}}
        """
    }

    @Test func theReadAfterAReloadUsesTheNewCatalog() throws {
        let store = TemporaryStore()
        let path = store.root + ".config.yaml"
        try configuration(name: "Shop A", warn: 200).write(toFile: path, atomically: true, encoding: .utf8)
        let runtime = try CollectorRuntime(
            configured: try ConfiguredCollectors.load(path, home: nil), path: path, layout: store.layout)
        let loader = DataLoader.configured(runtime, reader: try store.reader())
        defer { try? loader.close() }
        let request = LoadRequest(.dashboard(.oneHour, detectingAnomalies: false), at: 1_800_000_000)
        #expect(loader.load(request).status.ecosystemName == "Shop A")

        try configuration(name: "Shop B, renamed", warn: 500).write(toFile: path, atomically: true, encoding: .utf8)
        let reloaded = loader.load(request)
        #expect(reloaded.status.ecosystemName == "Shop B, renamed")
        #expect(reloaded.status.configurationVersion == 1)
        guard case .success(.dashboard(let snapshot, _)) = reloaded.outcome else {
            Issue.record("the read failed: \(reloaded.outcome)")
            return
        }
        let transactions = snapshot.summaries.first { $0.definition.id == "usage.transactions" }
        #expect(transactions?.definition.thresholds.warn == 500, "the snapshot is built with the reloaded catalog")

        var model = AppModel(session: SessionStatus(ecosystemName: "Shop A", catalog: .standard), now: request.time)
        _ = model.update(.loaded(reloaded), at: request.time)
        #expect(model.notice == "configuration reloaded")
        #expect(model.catalog["usage.transactions"]?.thresholds.warn == 500)
    }
}
