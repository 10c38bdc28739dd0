import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing

/// A burst of errors on a critical integration is seen at every range, and the header's
/// assessment and the errors screen's are the same one.
@Suite struct IntegrationBurstTests {
    let time = 1_800_000_000.0

    @Test(arguments: TimeRange.allCases)
    func aCriticalIntegrationWithABurstInTheLastFiveMinutesIsUnhealthy(range: TimeRange) throws {
        // 22 errors in 4.5 minutes on storefront->stripe, and a quiet afternoon before them.
        let burst = (0..<22).map {
            IntegrationEvent(
                timestamp: time - 270 + Double($0) * 12, kind: .error, integration: "storefront->stripe", code: "429",
                message: "Too many requests")
        }
        let quiet = stride(from: time - 86_000, to: time - 3_600, by: 1_800).map {
            IntegrationEvent(timestamp: $0, kind: .error, integration: "storefront->cdp", code: "422", message: "bad field")
        }
        let simulator = DemoSimulator(seed: 42)
        let loader = DataLoader(
            builder: SnapshotBuilder(source: DemoSeriesSource(simulator: simulator), anomalyDetector: nil),
            events: RecordedEvents(events: quiet + burst), ecosystem: simulator.ecosystem)
        var model = AppModel(session: loader.status, now: time, range: range)
        model.start(applying: [.command(.showErrors)], at: time, loader: loader)

        let header = try #require(model.dashboard.integrationHealth)
        #expect(header.unhealthy.map(\.id) == ["storefront->stripe"], "the header at \(range.label)")
        guard case .errors(let errors)? = model.topScreen, let report = errors.report else {
            Issue.record("the errors screen has no report")
            return
        }
        #expect(report.health == header, "the errors screen and the header judge alike at \(range.label)")
    }
}
