import EcotopCore
import Testing

@testable import EcotopEngine

/// Alerts opened, going on, escalating and resolving, with the time passed in.
@Suite struct AlertTrackerTests {
    private func errorRate(_ value: Double, _ severity: AlertSeverity = .warning) -> AlertCondition {
        AlertCondition(
            kind: .metric, subject: "integration_error_rate", severity: severity, value: value, higherIsWorse: true,
            summary: "error rate \(value)")
    }

    private func stale(_ age: Double) -> AlertCondition {
        AlertCondition(kind: .freshness, subject: "orders", severity: .warning, value: age, higherIsWorse: true, summary: "stale")
    }

    @Test func aConditionOpensOneAlertThatGoesOnKeepsItsWorstValueEscalatesAndResolves() throws {
        var tracker = AlertTracker(resolveAfter: 60, recordInterval: 0)
        let opened = tracker.evaluate([errorRate(3)], at: 1_000)
        #expect(opened.map(\.change) == [.opened])
        let id = try #require(opened.first?.alert.id)
        #expect(opened.first?.alert.startedAt == 1_000)

        #expect(tracker.evaluate([errorRate(5)], at: 1_015).map(\.change) == [.updated], "a worse value is recorded")
        #expect(tracker.evaluate([errorRate(4)], at: 1_030).isEmpty, "a better value than the worst changes nothing on record")
        let escalated = tracker.evaluate([errorRate(6, .critical)], at: 1_045)
        #expect(escalated.map(\.change) == [.escalated])
        #expect(escalated.first?.alert.id == id, "still the same alert")
        #expect(escalated.first?.alert.severity == .critical)

        #expect(tracker.evaluate([errorRate(2)], at: 1_060).isEmpty)
        let open = try #require(tracker.history[id])
        #expect(open.severity == .critical, "severity does not fall back while the alert is open")
        #expect(open.worstValue == 6)
        #expect(open.lastValue == 2)
        #expect(open.duration(at: 1_060) == 60)
        #expect(tracker.history.open.count == 1)

        #expect(tracker.evaluate([], at: 1_100).isEmpty, "gone for 40 s: within the hold-down")
        let resolved = tracker.evaluate([], at: 1_120)
        #expect(resolved.map(\.change) == [.resolved])
        #expect(resolved.first?.alert.endedAt == 1_120)
        #expect(resolved.first?.alert.startedAt == 1_000)
        #expect(tracker.history.open.isEmpty)
        #expect(tracker.history.resolved.map(\.id) == [id])
    }

    @Test func aFlappingConditionStaysOneAlertAndComingBackAfterItResolvedOpensANewOne() throws {
        var tracker = AlertTracker(resolveAfter: 60)
        var changes: [AlertRecord.Change] = []
        for step in 0..<10 {
            let time = 1_000 + Double(step) * 15
            changes += tracker.evaluate(step.isMultiple(of: 2) ? [stale(400)] : [], at: time).map(\.change)
        }
        #expect(changes == [.opened], "on, off, on, off every 15 s is one alert")
        _ = tracker.evaluate([], at: 2_000)
        let again = tracker.evaluate([stale(400)], at: 2_015)
        #expect(again.map(\.change) == [.opened])
        #expect(tracker.history.alerts.map(\.id) == [1, 2])
    }

    @Test func worseValuesAreRecordedAtMostOnceAMinuteButEscalationAndResolutionAtOnce() throws {
        var tracker = AlertTracker(resolveAfter: 60, recordInterval: 60)
        var changes: [(Double, AlertRecord.Change)] = []
        for step in 0..<9 {
            let time = 1_000 + Double(step) * 15
            let condition = errorRate(Double(step + 1), step == 7 ? .critical : .warning)
            changes += tracker.evaluate([condition], at: time).map { (time, $0.change) }
        }
        #expect(changes.map(\.0) == [1_000, 1_060, 1_105], "opened, a worse value a minute later, escalated at once")
        #expect(changes.map(\.1) == [.opened, .updated, .escalated])
        #expect(tracker.history.alerts.first?.worstValue == 9, "the alert in memory has every worse value")
        let resolved = tracker.evaluate([], at: 1_200)
        #expect(resolved.first?.alert.worstValue == 9, "the resolution records the worst value")
    }

    @Test func lowerValuesAreWorseWhenTheMetricIsHigherIsBetter() {
        var tracker = AlertTracker()
        let uptime = { (value: Double) in
            AlertCondition(kind: .metric, subject: "uptime", severity: .warning, value: value, higherIsWorse: false, summary: "")
        }
        _ = tracker.evaluate([uptime(99)], at: 0)
        _ = tracker.evaluate([uptime(97)], at: 15)
        _ = tracker.evaluate([uptime(98)], at: 30)
        #expect(tracker.history.alerts.first?.worstValue == 97)
    }

    @Test func acknowledgingLastsUntilTheAlertEscalatesAndSilencesEnd() throws {
        var tracker = AlertTracker()
        let id = try #require(tracker.evaluate([errorRate(3)], at: 0).first?.alert.id)
        #expect(tracker.acknowledge(id, at: 5)?.alert.isAcknowledged == true)
        #expect(tracker.history[id]?.needsAttention(at: 10) == false)
        _ = tracker.evaluate([errorRate(9, .critical)], at: 15)
        #expect(tracker.history[id]?.needsAttention(at: 15) == true, "acknowledged as a warning is not as critical")

        #expect(tracker.silence(id, until: 3_615, at: 15) != nil)
        #expect(tracker.history[id]?.isSilenced(at: 3_600) == true)
        #expect(tracker.history[id]?.isSilenced(at: 3_615) == false)
        #expect(tracker.acknowledge(99, at: 20) == nil, "no such alert")
        _ = tracker.evaluate([], at: 1_000)
        #expect(tracker.acknowledge(id, at: 1_001) == nil, "a resolved alert is not acknowledged")
    }

    @Test func aTrackerFromTheRecordsContinuesTheOpenAlert() throws {
        var first = AlertTracker()
        var records = first.evaluate([errorRate(3), stale(400)], at: 1_000)
        records += first.evaluate([errorRate(4)], at: 1_015)
        let restarted = AlertHistory(records: records)
        var second = AlertTracker(history: restarted)
        let changes = second.evaluate([errorRate(8), stale(500)], at: 1_030)
        #expect(changes.map(\.change) == [.updated, .updated], "the same two alerts, with worse values")
        #expect(changes.map(\.alert.id) == [1, 2])
        #expect(changes.map(\.alert.startedAt) == [1_000, 1_000])
        #expect(second.evaluate([stale(1)], at: 1_200).map(\.alert.id) == [1], "the error rate resolves, the stale source goes on")
        #expect(second.evaluate([errorRate(3)], at: 1_215).first?.alert.id == 3, "new ids follow the recorded ones")
    }

    @Test func metricConditionsFollowTheSnapshotStatus() {
        let catalog = MetricCatalog.standard
        let statuses: [MetricStatus] = [.ok, .warn, .critical, .anomaly, .stale, .noData]
        let summaries = zip(catalog.metrics, statuses).map { metric, status in
            MetricSummary(
                definition: metric, latest: SeriesPoint(timestamp: 0, value: 42), history: [], status: status, score: nil)
        }
        let conditions = AlertConditions.metrics(summaries)
        #expect(conditions.map(\.subject) == catalog.metrics[1...3].map(\.id.rawValue))
        #expect(conditions.map(\.severity) == [.warning, .critical, .warning])
        #expect(conditions.allSatisfy { $0.value == 42 })
    }
}
