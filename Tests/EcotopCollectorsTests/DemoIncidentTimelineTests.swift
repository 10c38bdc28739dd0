import EcotopCore
import Testing

@testable import EcotopCollectors

/// The timeline finds the incidents acting at a moment by a binary search; it must find exactly
/// what a scan of every incident of the span finds.
@Suite struct DemoIncidentTimelineTests {
    let simulator = DemoSimulator(seed: 7)

    @Test func findsWhatAScanOfTheWholeSpanFinds() {
        let start = 1_790_000_000.0
        let span = 20 * 86_400.0
        let incidents = simulator.incidents(from: start, to: start + span)
        #expect(incidents.count > 50, "twenty days hold many incidents")
        let timeline = DemoIncidentTimeline(incidents)
        var checked = 0
        var acting = 0
        for step in stride(from: start, to: start + span, by: 37) {
            let expected = incidents.map { $0.severity(at: step) }.max() ?? 0
            #expect(timeline.severity(at: step) == expected, "at \(step)")
            for integration in simulator.ecosystem.integrations {
                let scanned = incidents.first { $0.integration == integration && $0.severity(at: step) > 0 }
                #expect(timeline.incident(on: integration, at: step) == scanned)
            }
            checked += 1
            if expected > 0 { acting += 1 }
        }
        #expect(acting > 100, "the walk crosses incidents, not only quiet time (\(acting) of \(checked))")
    }

    @Test func anIncidentActsFromItsStartUntilItsEnd() throws {
        let incident = try #require(simulator.incidents(from: 1_790_000_000, to: 1_790_000_000 + 86_400).first)
        let timeline = DemoIncidentTimeline([incident])
        #expect(timeline.candidates(at: incident.start - 1).isEmpty)
        #expect(timeline.severity(at: incident.start + incident.duration / 2) == 1)
        #expect(timeline.severity(at: incident.end) == 0)
        #expect(timeline.incident(on: incident.integration, at: incident.start + 60) == incident)
    }
}
