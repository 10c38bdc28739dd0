import Foundation
import Testing
import EcotopTestSupport

/// Issue 9: a single 80 MB line through a pipe took 16 s (the buffer was searched backwards for
/// a line break after every read) and a line of 1 GB never finished. `ingest` reads each byte
/// once and refuses a line longer than 64 MiB after reading that much of it.
@Suite struct IngestLineLengthTests {
    let now = Int(Date().timeIntervalSince1970)
    /// The reproduction's line: 80 MB, in a JSON string so only its length is wrong.
    var overlongRecord: String {
        #"{"ts":\#(now),"name":"m","value":1,"x":""# + String(repeating: "a", count: 80_000_000) + "\"}\n"
    }

    @Test func anOverlongJSONLineIsRejectedAndTheNextLineStillRead() throws {
        let store = TemporaryStore()
        let input = overlongRecord + #"{"ts":\#(now),"name":"m","value":2}"# + "\n"
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--ack", "-"], input: input)
        #expect(run.status == 1)
        #expect(run.errors == "<stdin>:1: line longer than 67108864 bytes, the longest ingest reads\naccepted 1 sample and 0 events, rejected 1 line\n")
        #expect(run.output.hasSuffix("ack 2\n"), "both lines are acknowledged: \(run.output)")
    }

    @Test(arguments: ["influx", "prometheus"])
    func anOverlongTextLineRefusesTheInput(format: String) throws {
        let store = TemporaryStore()
        let input = "m value=1\n" + String(repeating: "m", count: 70_000_000) + " 1\n"
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", format, "-"], input: input)
        #expect(run.status == 1)
        #expect(run.errors == "<stdin>:2: line longer than 67108864 bytes, the longest ingest reads\n")
        #expect(!FileManager.default.fileExists(atPath: store.root), "nothing is appended")
    }
}
