import EcotopCollectors
import EcotopCore
import Testing

/// The demo data the dashboard snapshots are drawn from: it must be deterministic, complete
/// and believable.
@Suite struct DemoSimulatorTests {
    static let midnight = 1_795_737_600.0  // 2026-11-27 00:00:00 UTC
    static let week = 7 * 86_400.0
    let simulator = DemoSimulator(seed: 42)

    @Test func sameSeedAndTimeGiveTheSameValues() {
        let again = DemoSimulator(seed: 42)
        for offset in stride(from: 0.0, to: Self.week, by: 86_400 / 3 + 17) {
            #expect(simulator.samples(at: Self.midnight + offset) == again.samples(at: Self.midnight + offset))
        }
    }

    @Test func differentSeedsGiveDifferentValues() {
        let other = DemoSimulator(seed: 43)
        let time = Self.midnight + 12 * 3_600
        let differing = zip(simulator.samples(at: time), other.samples(at: time)).filter { $0.value != $1.value }
        #expect(differing.count >= 15)
        #expect(simulator.incidents(from: time, to: time + Self.week) != other.incidents(from: time, to: time + Self.week))
    }

    @Test func samplesCoverAllTwentyMetricsInCatalogOrderEachWithItsParts() {
        let all = simulator.samples(at: Self.midnight)
        let samples = all.filter { $0.key.labels.isEmpty }
        #expect(samples.map(\.key.name) == MetricCatalog.standard.metrics.map(\.id.rawValue))
        #expect(all.allSatisfy { $0.timestamp == Self.midnight })
        for metric in MetricCatalog.standard.metrics where metric.unit.addsUpAcrossSeries {
            let parts = all.filter { $0.key.name == metric.id.rawValue && !$0.key.labels.isEmpty }.map(\.value)
            guard let total = samples.first(where: { $0.key.name == metric.id.rawValue })?.value, !parts.isEmpty else { continue }
            #expect(abs(parts.reduce(0, +) - total) <= total * 1e-9, "\(metric.id)'s parts add up to it")
        }
        for metric in MetricCatalog.standard.metrics {
            #expect(simulator.value(of: metric.id, at: Self.midnight) == samples.first { $0.key.name == metric.id.rawValue }?.value)
        }
        #expect(simulator.value(of: "usage.unknown", at: Self.midnight) == nil)
    }

    @Test func valuesStayWithinTheirUnitsBoundsForAWeek() {
        let catalog = MetricCatalog.standard
        for offset in stride(from: 0.0, to: Self.week, by: 7 * 60 + 13) {
            for sample in simulator.samples(at: Self.midnight + offset) {
                let metric = catalog[MetricID(rawValue: sample.key.name)]!
                let value = sample.value
                let bounds: ClosedRange<Double> =
                    switch metric.unit {
                    case .percent: 0...100
                    case .score: 0...10
                    case .index: -1...1
                    default: 0...Double.greatestFiniteMagnitude
                    }
                #expect(bounds.contains(value), "\(metric.id) = \(value) at +\(offset)s")
                if metric.unit == .count {
                    #expect(value == value.rounded(), "\(metric.id) = \(value) is not a whole count")
                }
            }
        }
    }

    @Test func transactionsChangeFromSecondToSecond() {
        let values = (0..<60).map { simulator.value(of: "usage.transactions", at: Self.midnight + 3_600 + Double($0))! }
        #expect(Set(values).count == 60)
        let steps = zip(values, values.dropFirst()).map { abs($1 - $0) }
        #expect(steps.allSatisfy { $0 <= 0.1 * 1_150 }, "a jump beyond the ±5 % jitter from one second to the next")
    }

    @Test func followsADailyCycleOfTraffic() {
        let transactions = { (hour: Double) in
            (0..<60).map { self.simulator.value(of: "usage.transactions", at: Self.midnight + hour * 3_600 + Double($0) * 60)! }
                .reduce(0, +) / 60
        }
        #expect(transactions(14) > transactions(2) * 1.3)
    }

    @Test func incidentsHappenSeveralTimesAWeekOnKnownIntegrations() {
        let incidents = simulator.incidents(from: Self.midnight, to: Self.midnight + Self.week)
        #expect((10...45).contains(incidents.count), "\(incidents.count) incidents")
        #expect(Set(incidents.map(\.integration.id)).count >= 5)
        for incident in incidents {
            #expect(Ecosystem.demo.integrations.contains(incident.integration))
            #expect((8 * 60...47 * 60).contains(incident.duration))
            #expect(incident.end > Self.midnight && incident.start < Self.midnight + Self.week)
        }
    }

    @Test func incidentsRaiseTheErrorRateAboveItsWarningLevel() throws {
        let warn = try #require(MetricCatalog.standard["usage.integration_error_rate"]).thresholds.warn
        let incidents = simulator.incidents(from: Self.midnight, to: Self.midnight + Self.week)
        for incident in incidents {
            let middle = (incident.start + incident.end) / 2
            #expect(incident.severity(at: middle) == 1)
            #expect(simulator.value(of: "usage.integration_error_rate", at: middle)! > warn, "during \(incident.integration.id)")
        }
        let calm = stride(from: Self.midnight, to: Self.midnight + Self.week, by: 1_800).filter {
            simulator.incidents(from: $0, to: $0 + 1).isEmpty
        }
        #expect(calm.count > 200)
        #expect(calm.allSatisfy { simulator.value(of: "usage.integration_error_rate", at: $0)! < warn })
    }

    @Test func severityRampsUpAndDown() throws {
        let incident = try #require(simulator.incidents(from: Self.midnight, to: Self.midnight + Self.week).first)
        #expect(incident.severity(at: incident.start - 1) == 0)
        #expect(incident.severity(at: incident.start + 60) == 0.5)
        #expect(incident.severity(at: incident.end - 90) == 0.5)
        #expect(incident.severity(at: incident.end) == 0)
    }

    @Test func errorEventsBurstDuringAnIncidentWithItsCode() throws {
        let incident = try #require(simulator.incidents(from: Self.midnight, to: Self.midnight + Self.week).first)
        let window = (incident.start + 120)..<(incident.end - 180)
        let events = simulator.events(from: window.lowerBound, to: window.upperBound)
        let burst = events.filter { $0.integration == incident.integration.id && $0.kind == .error }
        #expect(Double(burst.count) >= (window.upperBound - window.lowerBound) / 10 * 2)
        #expect(burst.allSatisfy { window.contains($0.timestamp) })
        #expect(Set(burst.map(\.code)).count == 1)
        #expect(events.map(\.timestamp) == events.map(\.timestamp).sorted())
    }

    @Test func errorEventsAreATrickleWhenCalm() throws {
        let calmHour = try #require(
            stride(from: Self.midnight, to: Self.midnight + Self.week, by: 3_600).first {
                simulator.incidents(from: $0, to: $0 + 3_600).isEmpty
            })
        let events = simulator.events(from: calmHour, to: calmHour + 3_600)
        #expect(events.count { $0.kind == .error } < 80)
        #expect(events.allSatisfy { (calmHour..<calmHour + 3_600).contains($0.timestamp) })
        #expect(simulator.events(from: calmHour, to: calmHour + 3_600) == events)
    }
}
