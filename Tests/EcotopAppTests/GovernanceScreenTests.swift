import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopStore
import EcotopTestSupport
import Testing

/// The governance screen's model: what `g` reads, its annotations list (selection, `/`, `s`),
/// and the dashboard's annotations for the charts.
@Suite struct GovernanceScreenTests {
    let time = DemoLoading.time
    let shop = Ecosystem(name: "Shop", components: [Component(id: "shop", name: "Shop", kind: .storefront, role: .hub)], integrations: [], partners: [])

    private var annotations: [Annotation] {
        [
            Annotation(timestamp: time - 3_000, kind: .deploy, text: "checkout v2", component: "shop"),
            Annotation(timestamp: time - 2_000, kind: .incident, text: "stripe down", integration: "shop->stripe"),
            Annotation(timestamp: time - 1_000, kind: .note, text: "black friday prep"),
        ]
    }

    private func model() -> (AppModel, DataLoader) {
        let events = annotations.map(\.event) + [IntegrationEvent(timestamp: time - 500, kind: .error, integration: "shop->stripe", code: "500", message: "boom")]
        let loader = DataLoader(
            builder: SnapshotBuilder(source: RecordedSeriesSource([:])), events: RecordedEvents(events: events), ecosystem: shop,
            governance: Governance(owners: Ownership([Ownership.Entry(subject: "shop", owner: "Web team"), Ownership.Entry(subject: "usage", owner: "Ops")])))
        var model = AppModel(session: loader.status, now: time)
        model.start(at: time, loader: loader)
        return (model, loader)
    }

    private func visible(_ model: AppModel) -> [String] {
        guard case .governance(let screen)? = model.topScreen, let report = screen.report else { return [] }
        return screen.visibleAnnotations(of: report).map(\.text)
    }

    @Test func gReadsTheGovernanceReportAndListsTheRangesAnnotationsNewestFirst() throws {
        var (model, loader) = model()
        var probe = model
        #expect(probe.update(.command(.showGovernance), at: time).loadKinds == [.dashboard(.oneHour, detectingAnomalies: true), .governance(.oneHour)])
        model.run([.command(.showGovernance)], at: time, loader: loader)
        #expect(visible(model) == ["black friday prep", "stripe down", "checkout v2"], "annotations only, newest first")
        guard case .governance(let screen)? = model.topScreen, let report = screen.report else { throw Failure.noReport }
        #expect(report.owners == [
            OwnedSubject(subject: "shop", name: "Shop", kind: .component, owner: "Web team"),
            OwnedSubject(subject: "usage", name: "Usage", kind: .family, owner: "Ops"),
        ])
        #expect(model.session.owners.owner(ofComponent: "shop") == "Web team", "the owners travel with the session, for every screen")
        #expect(model.dashboard.snapshot?.annotations.map(\.text) == ["checkout v2", "stripe down", "black friday prep"])
    }

    @Test func theAnnotationsListSelectsFiltersAndSorts() {
        var (model, loader) = model()
        model.run([.command(.showGovernance)], at: time, loader: loader)
        model.run([.command(.selectNext), .command(.selectNext), .command(.selectNext)], at: time, loader: loader)
        #expect(model.topList?.selected?.hasSuffix("checkout v2") == true, "the selection stops at the last row")
        model.run([.command(.startFilter)] + "incident".map { .edit(.insert($0)) } + [.edit(.submit)], at: time, loader: loader)
        #expect(visible(model) == ["stripe down"])
        model.run([.command(.back)], at: time, loader: loader)
        #expect(visible(model).count == 3, "Esc clears the filter first")
        model.run([.command(.cycleSort)], at: time, loader: loader)
        #expect(visible(model) == ["checkout v2", "stripe down", "black friday prep"], "sorted by kind: deploy, incident, note")
        model.run([.command(.back)], at: time, loader: loader)
        #expect(model.topScreen == nil)
    }

    @Test func theDashboardRereadsAnnotationsOnlyAfterItsInterval() throws {
        let store = TemporaryStore()
        let writer = try store.writer(now: time)
        func annotate(_ text: String, at moment: Double) throws {
            var batch = writer.makeBatch()
            try batch.append(Annotation(timestamp: moment, kind: .note, text: text).event)
            try writer.append(batch)
        }
        try annotate("first", at: time - 60)
        let reader = try store.reader()
        let loader = DataLoader(builder: SnapshotBuilder(source: reader), events: reader, ecosystem: shop)
        func dashboardAnnotations(at moment: Double) throws -> [String] {
            guard case .success(.dashboard(let snapshot, _)) = loader.load(LoadRequest(.dashboard(.oneHour, detectingAnomalies: true), at: moment)).outcome
            else { throw Failure.noReport }
            return snapshot.annotations.map(\.text)
        }
        #expect(try dashboardAnnotations(at: time) == ["first"])
        try annotate("second", at: time)
        #expect(try dashboardAnnotations(at: time + 5) == ["first"], "a read of the range is reused for a while")
        #expect(try dashboardAnnotations(at: time + 16) == ["first", "second"])
    }

    private enum Failure: Error { case noReport }
}
