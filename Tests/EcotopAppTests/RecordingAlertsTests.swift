import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopStore
import EcotopTestSupport
import Foundation
import Testing

/// A dashboard that runs the collectors records alerts: it evaluates them with its reads,
/// rings the bell for a new one, and acknowledges and silences them in the store.
@Suite struct RecordingAlertsTests {
    @Test func theDashboardRaisesRingsAcknowledgesAndSilencesAnAlert() throws {
        let store = TemporaryStore()
        let time = SystemWallClock().now().rounded()
        let writer = try store.writer(now: time)
        try writer.append(samples: [Sample(key: SeriesKey(name: "usage.integration_error_rate"), timestamp: time - 30, value: 7.5)])
        try writer.close()
        let path = store.root + ".config.yaml"
        try "ecosystem: {name: Shop}\nalerts: {bell: true}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let runtime = try CollectorRuntime(configured: try ConfiguredCollectors.load(path, home: nil), path: path, layout: store.layout)
        let loader = DataLoader.configured(runtime, reader: try store.reader())
        defer { try? loader.close() }

        var model = AppModel(session: loader.status, now: time)
        var effects = model.start()
        var rang = false
        while !effects.isEmpty {
            guard case .load(let request) = effects.removeFirst() else { continue }
            let more = model.update(.loaded(loader.load(request)), at: time)
            rang = rang || more.contains(.bell)
            effects += more
        }
        #expect(rang, "a new alert rings the bell with alerts.bell: true")
        #expect(model.session.alertsNeedingAttention == 1)

        model.run([.command(.showAlerts)], at: time, loader: loader)
        guard case .alerts(let screen)? = model.topScreen else { throw ScreenMissing() }
        #expect(screen.read?.isRecording == true)
        #expect(screen.visibleAlerts.map(\.subject) == ["usage.integration_error_rate"])

        model.run([.command(.acknowledgeAlert)], at: time + 1, loader: loader)
        #expect(model.notice == "alert 1 acknowledged")
        #expect(model.session.alertsNeedingAttention == 0)
        model.run([.command(.silenceAlert)], at: time + 2, loader: loader)
        #expect(model.notice == "alert 1 silenced for 1h")
        model.run([.command(.silenceAlert)], at: time + 3, loader: loader)
        #expect(model.notice == "alert 1 silenced for 4h", "S again: the next longer silence")
        model.run([.command(.silenceAlert)], at: time + 4, loader: loader)
        #expect(model.notice == "alert 1 silenced for 1d", "a day reads as every other duration on screen does")

        let recorded = try #require(try StoredAlerts.open(inStore: store.root).first)
        #expect(recorded.acknowledgedAt == time + 1)
        #expect(recorded.silencedUntil == time + 4 + 24 * 3_600)
    }

    struct ScreenMissing: Error {}
}
