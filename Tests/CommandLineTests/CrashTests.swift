import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// Kills `ecotop ingest --ack` with SIGKILL at random points and checks that every
/// acknowledged point survives, exactly once, and nothing else appears.
///
/// A trial's batch size and kill point come from the test's seed, printed in the output and
/// in every failure: `ECOTOP_TEST_SEED=<seed> swift test --filter CrashTests` replays them.
/// The kill point is a number of acknowledged lines, not a delay, so a seed replays the same
/// trials on a loaded machine: the test reads the acks as they come and kills the ingest as
/// soon as one reaches that line, while it appends the next batch. It falls within the first
/// 8 batches: the trials share one store, which every ingest and every recovery reads, so
/// the less each trial adds, the faster the later ones run.
@Suite struct CrashTests {
    /// One trial's parameters, drawn from the seed.
    struct Trial: CustomStringConvertible {
        var number: Int
        var batchSize: Int
        /// The ingest is killed once it has acknowledged this many lines.
        var killAfter: Int

        var description: String { "trial \(number) (--batch-size \(batchSize), killed after ack \(killAfter))" }
    }

    /// Input lines for one trial: series `crash{trial=T, n=...}`, value = the line's number.
    private func input(trial: Int, lines: Int) -> String {
        (1...lines).map { line in
            #"{"ts":\#(1_800_000_000 + line),"name":"crash","labels":{"trial":"\#(trial)","n":"\#(line % 7)"},"value":\#(line)}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func everyAcknowledgedPointSurvivesSIGKILL() throws {
        let seed = TestSeed(of: "CrashTests.everyAcknowledgedPointSurvivesSIGKILL")
        var random = seed.generator()
        let binary = try EcotopBinary.path
        let store = TemporaryStore()
        let lines = 3_000
        var killedMidway = 0
        var killedBetweenAcks = 0
        for number in 0..<32 {
            let batchSize = Int.random(in: 1...400, using: &random)
            let trial = Trial(number: number, batchSize: batchSize, killAfter: min(lines - 1, batchSize * Int.random(in: 1...8, using: &random)))
            let inputPath = try store.file(named: "input-\(number).jsonl", containing: input(trial: number, lines: lines))
            let acks = try ChildProcess.pipe()
            let ingest = try ChildProcess(
                [binary, "ingest", "--store", store.root, "--ack", "--batch-size", String(trial.batchSize), inputPath],
                standardOutput: acks.writing)
            close(acks.writing)
            var acknowledgements = AckReader(acks.reading)
            acknowledgements.read(until: trial.killAfter)
            ingest.signal(SIGKILL)
            if ingest.waitForExit() == .signalled(SIGKILL) { killedMidway += 1 }
            acknowledgements.read(until: .max)
            let acknowledged = acknowledgements.acknowledged

            if acknowledged > 0, acknowledged < lines { killedBetweenAcks += 1 }

            let writer = try StoreWriter(layout: store.layout, clock: FixedWallClock(1_800_010_000))
            try writer.close()
            let reader = try store.reader()
            let ids = try reader.series(matching: SeriesSelector(parsing: #"crash{trial="\#(number)"}"#)).map(\.id)
            let values = try reader.rawPoints(series: ids, from: 0, to: 2e9).flatMap { $0.map(\.value) }
            let distinct = Set(values)
            #expect(distinct.count == values.count, "\(trial), \(seed): duplicated points")
            #expect(
                distinct.isSuperset(of: (0..<acknowledged).map { Double($0 + 1) }),
                "\(trial), \(seed): lost acknowledged points (acked \(acknowledged), have \(values.count))")
            #expect(distinct.allSatisfy { $0 >= 1 && $0 <= Double(lines) && $0 == $0.rounded() }, "\(trial), \(seed): garbage")
            #expect(reader.damagedLinesSkipped == 0, "\(trial), \(seed)")
        }
        #expect(try StoreCheck.run(layout: store.layout).isEmpty, "rollups agree with raw points after recovery; \(seed)")
        #expect(killedMidway > 0, "at least some trials were killed before finishing; \(seed)")
        #expect(killedBetweenAcks >= 3, "several trials were killed while appending, after some acks: \(killedBetweenAcks); \(seed)")
    }
}
