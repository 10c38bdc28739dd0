import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopStore

/// `ecotop bench alerts`: what alerts cost the process that records them. An evaluation
/// (every 15 seconds) reads a snapshot with anomalies, a quarter hour of events, every source's
/// freshness and the agreements; a start reads the whole alerts file back.
public enum AlertEvaluationBenchmark {
    /// How long each took.
    public struct Timing: Sendable {
        public var conditions: Int
        /// Seconds per evaluation of the demo ecosystem over `reader`'s store.
        public var evaluation: Double
        public var records: Int
        /// Seconds to read an alerts file of `records` records back.
        public var replay: Double
    }

    /// Evaluates the demo ecosystem's conditions over `reader`'s store `rounds` times at `time`,
    /// then writes `records` alert records (an alert opened and resolved per two) into a scratch store at `scratch` (which must not
    /// exist) and times reading them back.
    public static func run(reader: StoreReader, at time: Double, rounds: Int, records: Int, scratch: String) throws -> Timing {
        let simulator = DemoSimulator(seed: 42)
        let inputs = AlertInputs(
            builder: SnapshotBuilder(source: reader), events: reader, ecosystem: simulator.ecosystem,
            governance: GovernanceReads(governance: DemoGovernance.governance, agreementSource: reader))
        let clock = ContinuousClock()
        var conditions: [AlertCondition] = []
        let evaluation = try clock.measure {
            for _ in 0..<max(1, rounds) { conditions = try inputs.conditions(at: time) }
        }
        let layout = StoreLayout(root: scratch)
        let writer = try StoreWriter(layout: layout, clock: SystemWallClock())
        let log = try AlertLog(writer: writer)
        var tracker = AlertTracker()
        var written: [AlertRecord] = []
        let subjects = 50
        for step in 0..<max(1, records / 2) {
            let condition = AlertCondition(
                kind: .metric, subject: "bench.metric\(step % subjects)", severity: .warning, value: Double(step), higherIsWorse: true,
                summary: "bench.metric\(step % subjects): \(step) > 1")
            written += tracker.evaluate([condition], at: Double(step) * 100) + tracker.evaluate([], at: Double(step) * 100 + 61)
        }
        try log.append(written)
        try writer.close()
        var alerts = 0
        let replay = try clock.measure { alerts = try AlertLog.read(layout).history.alerts.count }
        precondition(alerts * 2 == written.count, "every alert read back")
        return Timing(
            conditions: conditions.count, evaluation: seconds(evaluation) / Double(max(1, rounds)), records: written.count,
            replay: seconds(replay))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
