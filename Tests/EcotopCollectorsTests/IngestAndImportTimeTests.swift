import EcotopCollectors
import EcotopCore
import EcotopStore
import Testing

/// `ingest` (the store's JSON lines, also plugin output) and `import` (a JSON array or CSV)
/// read a `ts` with the same parser: the same text is stored at the same millisecond by all
/// three, or refused by all three.
@Suite struct IngestAndImportTimeTests {
    /// The stored time, in seconds, of a JSON line with this `ts` (JSON text); nil when refused.
    private func ingested(_ ts: String) -> Double? {
        var format = JSONLinesFormat()
        var batch = AppendBatch.detached()
        let accepted = Array(#"{"ts":\#(ts),"name":"m","value":1}"#.utf8).withUnsafeBufferPointer { line in
            (try? format.decode(line: line, into: &batch)) != nil
        }
        return accepted ? batch.samples.first?.timestamp : nil
    }

    /// The stored time of a JSON array's sample with this `ts`; nil when refused.
    private func importedFromJSON(_ ts: String) -> Double? {
        let samples = try? ImportFormat.json.decode(Array(#"[{"ts":\#(ts),"name":"m","value":1}]"#.utf8))
        return samples?.first.flatMap(stored)
    }

    /// The stored time of a CSV row whose `ts` cell holds the text (a JSON string unquoted).
    private func importedFromCSV(_ ts: String) -> Double? {
        let cell = ts.hasPrefix("\"") ? String(ts.dropFirst().dropLast()) : ts
        let samples = try? ImportFormat.csv.decode(Array("ts,name,value\n\(cell),m,1\n".utf8))
        return samples?.first.flatMap(stored)
    }

    /// The time the store keeps for an imported sample (milliseconds), nil when it refuses it.
    private func stored(_ sample: Sample) -> Double? {
        var batch = AppendBatch.detached()
        return (try? batch.append(sample)) == nil ? nil : batch.samples.first?.timestamp
    }

    @Test(arguments: [
        ("1764245100", 1_764_245_100.0), ("1764245100.5", 1_764_245_100.5), ("1764245100123", 1_764_245_100.123),
        // Microseconds and nanoseconds: read as milliseconds before, some 57,000 years ahead, and refused.
        ("1764245100123456", 1_764_245_100.123), ("1764245100123456789", 1_764_245_100.123),
        (#""2025-11-27T12:05:00.123456789Z""#, 1_764_245_100.123), (#""2025-11-27t13:05:00.123+01:00""#, 1_764_245_100.123),
        (#""2025-11-27 12:05:00Z""#, 1_764_245_100.0),
    ])
    func ingestAndImportStoreTheSameTime(ts: String, expected: Double) {
        #expect(ingested(ts) == expected, "ingest")
        #expect(importedFromJSON(ts) == expected, "import of JSON")
        #expect(importedFromCSV(ts) == expected, "import of CSV")
    }

    /// Before, import read these with Foundation's lenient ISO 8601 parser (30 February as
    /// 1 March, hour 24 as the next day, offsets without a colon) while ingest refused them.
    @Test(arguments: [
        #""2024-02-30T00:00:00Z""#, #""2024-11-27T24:00:00Z""#, #""2024-11-27T04:00:00+0100""#, #""2024-11-27T04:00:00+01""#,
    ])
    func ingestAndImportRefuseTheSameTime(ts: String) {
        #expect(ingested(ts) == nil, "ingest")
        #expect(importedFromJSON(ts) == nil, "import of JSON")
        #expect(importedFromCSV(ts) == nil, "import of CSV")
    }
}
