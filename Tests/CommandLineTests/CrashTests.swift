import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// Kills `ecotop ingest --ack` with SIGKILL at random moments and checks that every
/// acknowledged point survives, exactly once, and nothing else appears.
@Suite struct CrashTests {
    /// Input lines for one trial: series `trial-T{n=...}`, value = the line's number.
    private func input(trial: Int, lines: Int) -> String {
        (1...lines).map { line in
            #"{"ts":\#(1_800_000_000 + line),"name":"crash","labels":{"trial":"\#(trial)","n":"\#(line % 7)"},"value":\#(line)}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func everyAcknowledgedPointSurvivesSIGKILL() throws {
        let binary = try EcotopBinary.path
        let store = TemporaryStore()
        var random = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        let lines = 3_000
        var killedMidway = 0
        var killedBetweenAcks = 0
        for trial in 0..<32 {
            let inputPath = store.root + "-input-\(trial).jsonl"
            try input(trial: trial, lines: lines).write(toFile: inputPath, atomically: false, encoding: .utf8)
            let ackPath = store.root + "-ack-\(trial)"
            FileManager.default.createFile(atPath: ackPath, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["ingest", "--store", store.root, "--ack", "--batch-size", String(Int.random(in: 1...400, using: &random)), inputPath]
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: ackPath))
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 2_000...150_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }

            let acks = try String(contentsOfFile: ackPath, encoding: .utf8).split(separator: "\n")
            let acknowledged = acks.compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }.max() ?? 0

            if acknowledged > 0, acknowledged < lines { killedBetweenAcks += 1 }

            let writer = try StoreWriter(layout: store.layout, clock: FixedWallClock(1_800_010_000))
            try writer.close()
            let reader = try store.reader()
            let ids = try reader.series(matching: SeriesSelector(parsing: #"crash{trial="\#(trial)"}"#)).map(\.id)
            let values = try reader.rawPoints(series: ids, from: 0, to: 2e9).flatMap { $0.map(\.value) }
            let distinct = Set(values)
            #expect(distinct.count == values.count, "trial \(trial): duplicated points")
            #expect(distinct.isSuperset(of: (0..<acknowledged).map { Double($0 + 1) }), "trial \(trial): lost acknowledged points (acked \(acknowledged), have \(values.count))")
            #expect(distinct.allSatisfy { $0 >= 1 && $0 <= Double(lines) && $0 == $0.rounded() }, "trial \(trial): garbage")
            #expect(reader.damagedLinesSkipped == 0)
        }
        #expect(try StoreCheck.run(layout: store.layout).isEmpty, "rollups agree with raw points after recovery")
        #expect(killedMidway > 0, "at least some trials were killed before finishing")
        #expect(killedBetweenAcks >= 3, "several trials were killed while appending, after some acks: \(killedBetweenAcks)")
    }
}
