import EcotopCollectors
import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
@testable import EcotopApp
import EcotopTestSupport

@Suite struct DemoRecorderTests {
    let start = 1_800_000_000.0
    let simulator = DemoSimulator(seed: 42)

    private func demoStore(upTo time: Double) throws -> TemporaryStore {
        let store = TemporaryStore()
        let writer = try store.writer(now: time)
        try writer.append(samples: simulator.samples(at: time))
        try writer.close()
        return store
    }

    @Test func fillsTheGapSinceTheLastRunThenRecordsAsTimePasses() throws {
        let store = try demoStore(upTo: start)
        guard case .recording(let recorder) = try DemoRecorder.open(layout: store.layout, simulator: simulator, clock: FixedWallClock(start + 600))
        else {
            Issue.record("a demo store nobody writes is recorded into")
            return
        }
        try recorder.record(upTo: start + 600)
        try recorder.record(upTo: start + 600)
        try recorder.record(upTo: start + 635)
        try recorder.close()
        let reader = try store.reader()
        let id = try #require(try reader.existingID(of: SeriesKey(name: "usage.transactions")))
        let times = try reader.rawPoints(series: [id], from: 0, to: 2e9)[0].map(\.timestamp)
        #expect(times == stride(from: start, through: start + 630, by: 10).map { $0 }, "every 10 s, once each")
        #expect(try reader.rawPoints(series: [id], from: 0, to: 2e9)[0].last?.value == simulator.value(of: "usage.transactions", at: start + 630))
    }

    @Test func theRecordingDemoDashboardRecordsAlerts() throws {
        let store = try demoStore(upTo: start)
        guard case .recording(let recorder) = try DemoRecorder.open(layout: store.layout, simulator: simulator, clock: FixedWallClock(start + 600))
        else {
            Issue.record("a demo store nobody writes is recorded into")
            return
        }
        let loader = DataLoader.demo(simulator: simulator, history: try store.reader(), recorder: recorder)
        defer { try? loader.close() }
        guard case .success(.alerts(let read)) = loader.load(LoadRequest(.alerts, at: start + 600)).outcome else {
            Issue.record("the alerts were not read")
            return
        }
        #expect(read.isRecording, "the recorder holds the lock: its dashboard evaluates and records alerts")
        let stale = try recorder.alerts.evaluate(
            [AlertCondition(kind: .freshness, subject: "crm.customers", severity: .warning, value: 900, higherIsWorse: true, summary: "")],
            at: start + 600)
        #expect(stale.map(\.change) == [.opened])
        #expect(try AlertLog.read(store.layout).history.open.count == 1, "recorded in the demo store")
    }

    @Test func leavesStoresWithOtherDataAndBusyStoresAlone() throws {
        let store = try demoStore(upTo: start)
        let writer = try store.writer(now: start)
        guard case .writtenElsewhere = try DemoRecorder.open(layout: store.layout, simulator: simulator, clock: FixedWallClock(start))
        else {
            Issue.record("a store another writer holds is not recorded into")
            return
        }
        try writer.append(samples: [Sample(key: SeriesKey(name: "usage.transactions", labels: ["integration": "stripe"]), timestamp: start, value: 1)])
        try writer.close()
        guard case .notADemoStore = try DemoRecorder.open(layout: store.layout, simulator: simulator, clock: FixedWallClock(start))
        else {
            Issue.record("a store with series of another origin is not recorded into, and says why")
            return
        }
    }
}
