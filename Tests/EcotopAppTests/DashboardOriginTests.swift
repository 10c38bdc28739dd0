import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopStore
import EcotopTestSupport
import Testing

/// Where `screenshot`, `report` and `check` read from: the choice among the demo, a store, a
/// configuration and Prometheus, and the loader each is opened as.
@Suite struct DashboardOriginTests {
    let defaultStore = StoreLayout(root: "/nonexistent/ecotop-default")
    let named = StoreLayout(root: "/nonexistent/ecotop-named")

    private func configuration(_ yaml: String = "ecosystem: {name: Shop}\ncollectors: []\n") throws -> EcotopConfiguration {
        try ConfiguredCollectors.build(yaml: yaml, file: "config.yaml").configuration
    }

    private func origin(
        configuration: EcotopConfiguration? = nil, prometheus: PrometheusReading? = nil, store: StoreLayout? = nil,
        readsDefaultStore: Bool = true
    ) -> DashboardOrigin {
        DashboardOrigin(
            configuration: configuration, prometheus: prometheus, store: store, defaultStore: defaultStore,
            readsDefaultStore: readsDefaultStore, seed: 7)
    }

    @Test func withoutAConfigurationTheDemoReadsTheNamedStoreElseTheDefaultOneWhenAsked() {
        guard case .demo(7, defaultStore, false) = origin() else { Issue.record("\(origin())"); return }
        guard case .demo(7, nil, false) = origin(readsDefaultStore: false) else { Issue.record("screenshot reads no default store"); return }
        guard case .demo(7, named, true) = origin(store: named, readsDefaultStore: false) else {
            Issue.record("a named store is read, and required")
            return
        }
    }

    @Test func aConfigurationReadsTheNamedStoreElseItsOwnElseTheDefault() throws {
        let own = try configuration("ecosystem: {name: Shop}\ncollectors: []\nstore: {path: /srv/ecotop}\n")
        guard case .configured(_, let store) = origin(configuration: own) else { Issue.record("not configured"); return }
        #expect(store == StoreLayout(root: "/srv/ecotop"))
        guard case .configured(_, let namedStore) = origin(configuration: own, store: named) else { Issue.record("not configured"); return }
        #expect(namedStore == named)
        guard case .configured(_, let fallback) = origin(configuration: try configuration()) else { Issue.record("not configured"); return }
        #expect(fallback == defaultStore)
    }

    @Test func prometheusComesFirstWithEventsFromANamedStoreOnly() throws {
        let reading = PrometheusReading(settings: .init(url: "http://127.0.0.1:9"), environment: [:])
        guard case .prometheus(_, let configuration, nil) = origin(configuration: try configuration(), prometheus: reading) else {
            Issue.record("Prometheus without a named store reads no events")
            return
        }
        #expect(configuration?.ecosystem.name == "Shop")
        guard case .prometheus(_, nil, named) = origin(prometheus: reading, store: named) else {
            Issue.record("the named store's events")
            return
        }
    }

    @Test func theDemoWithoutAStoreAtTheDefaultLocationIsTheSimulatorAlone() throws {
        let loader = try origin().loader()
        #expect(loader.status.ecosystemName == DemoSimulator(seed: 7).ecosystem.name)
        #expect(loader.status.dataNote == nil)
    }

    @Test func aNamedStoreThatIsNotThereIsAnError() {
        #expect(throws: StoreError.self) { try origin(store: named).loader() }
    }

    @Test func aStoreOfOtherSeriesIsShownAsStoredNotAsTheDemo() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        try writer.append(samples: [Sample(key: SeriesKey(name: "shop.orders"), timestamp: 99_000, value: 1)])
        try writer.close()
        let loader = try origin(store: store.layout).loader()
        #expect(loader.status.ecosystemName == "store " + store.root)
        #expect(try DashboardOrigin.history(at: store.layout, isRequired: true) != nil)
    }

    @Test func aConfigurationIsReadFromItsStore() throws {
        let store = TemporaryStore()
        try store.writer().close()
        let loader = try origin(configuration: try configuration(), store: store.layout).loader()
        #expect(loader.status.ecosystemName == "Shop")
    }
}
