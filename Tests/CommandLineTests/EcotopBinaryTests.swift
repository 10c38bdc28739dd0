import EcotopTestSupport
import Foundation
import Testing

/// The runner itself: it must neither deadlock on a chatty command nor wait for ever on a
/// command that does not end.
@Suite struct EcotopBinaryTests {
    /// 100 000 valid and 100 000 invalid lines: 5 MB on stdin, an `ack` per valid line on
    /// stdout (over 1 MB) and a complaint per invalid line on stderr (3.6 MB). `ingest` complains
    /// as it reads, so a runner that wrote all of stdin before reading stderr would wait on a
    /// full stdin pipe while ecotop waited on a full stderr pipe.
    @Test func writesStdinWhileReadingLargeStdoutAndStderr() throws {
        let store = TemporaryStore()
        let pairs = 100_000
        let input = (1...pairs).map { #"{"ts":1800000000,"name":"m","value":\#($0)}"# + "\nnot json\n" }.joined()
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--dry-run", "--ack", "--batch-size", "1", "-"], input: input)
        #expect(run.status == 1, "ingest exits 1 when it rejected lines")
        let complaints = run.errors.split(separator: "\n")
        #expect(complaints.count == pairs + 1)
        #expect(complaints.first == "<stdin>:2:1: expected '{'")
        #expect(complaints.dropLast().last == "<stdin>:\(2 * pairs):1: expected '{'")
        #expect(complaints.last == "valid \(pairs) samples and 0 events, rejected \(pairs) lines")
        let acks = run.output.split(separator: "\n")
        #expect(acks.count >= pairs, "an ack after every valid line, with --batch-size 1")
        #expect(acks.last == "ack \(2 * pairs)")
        #expect(!FileManager.default.fileExists(atPath: store.root), "--dry-run writes nothing")
    }

    @Test func aCommandStillRunningAtTheTimeoutIsKilledAndNamed() throws {
        let store = TemporaryStore()
        let config = try store.file(
            named: "config.yaml", containing: "collectors:\n  - {name: idle, type: exec, interval: 1h, argv: [sh, -c, 'echo idle value=1i']}\n")
        let arguments = ["collect", "--config", config, "--store", store.root]
        // `collect` without --once runs until it is stopped: only the timeout ends this run.
        let error = try #require(throws: EcotopBinary.TimedOut.self) {
            try EcotopBinary.run(arguments, timeout: .seconds(2))
        }
        #expect(error.description.hasPrefix("ecotop \(arguments.joined(separator: " ")) was still running after 2.0 seconds"))
    }
}
