import EcotopCollectors
import EcotopCore
import Foundation
import Testing

@Suite struct ImportDecoderTests {
    func decode(_ format: ImportFormat, _ text: String) -> Result<[Sample], ParseError> {
        Result { () throws(ParseError) in try format.decode(Array(text.utf8)) }
    }

    func error(_ format: ImportFormat, _ text: String) -> String? {
        if case .failure(let error) = decode(format, text) { "\(error)" } else { nil }
    }

    @Test func csvHeaderNamesTheColumnsAndOtherColumnsAreLabels() throws {
        let text = """
            name,ts,value,integration,region\r
            usage.transactions,1732680000,12.5,stripe,eu\r

            usage.transactions,2024-11-27T04:00:00.250Z,3,"storefront->dhl, express",\r
            "participation.active_partners",1732680000000,"42",,us
            """
        let samples = try decode(.csv, text).get()
        #expect(samples == [
            Sample(key: SeriesKey(name: "usage.transactions", labels: ["integration": "stripe", "region": "eu"]), timestamp: 1_732_680_000, value: 12.5),
            Sample(key: SeriesKey(name: "usage.transactions", labels: ["integration": "storefront->dhl, express"]), timestamp: 1_732_680_000.25, value: 3),
            Sample(key: SeriesKey(name: "participation.active_partners", labels: ["region": "us"]), timestamp: 1_732_680_000, value: 42),
        ])
    }

    @Test(arguments: [
        ("1732680000", 1_732_680_000.0), ("1732680000500", 1_732_680_000.5), ("1732680000500000", 1_732_680_000.5),
        ("1732680000500000000", 1_732_680_000.5), ("2024-11-27t05:00:00+01:00", 1_732_680_000),
        ("27/Nov/2024:02:30:00 -0130", 1_732_680_000), ("29/Feb/2024:00:00:00 +0000", 1_709_164_800),
    ])
    func timesAreUnixTimesRFC3339OrCommonLogFormat(ts: String, expected: Double) throws {
        #expect(try decode(.csv, "ts,name,value\n\(ts),m,1\n").get().first?.timestamp == expected)
    }

    @Test(arguments: ["30/Feb/2024:00:00:00 +0000", "29/Feb/2023:00:00:00 +0000", "31/Apr/2024:00:00:00 +0000"])
    func commonLogFormatDaysMustExist(ts: String) {
        #expect(error(.csv, "ts,name,value\n\(ts),m,1\n")?.hasPrefix("2:1: ts must be") == true)
    }

    @Test(arguments: [
        ("ts,name\n", "1:1: the header has no \"value\" column (it needs ts, name and value)"),
        ("ts,name,value,ts\n", "1:15: column \"ts\" appears twice"),
        ("ts,name,value\n1,a,1\n2,a\n", "3:4: expected 3 cells as in the header, found 2"),
        ("ts,name,value\n1,a,1,9\n", "2:7: expected 3 cells as in the header, found 4"),
        ("ts,name,value\nyesterday,a,1\n", "2:1: ts must be a Unix time (seconds, milliseconds, microseconds or nanoseconds) or RFC 3339, not \"yesterday\""),
        ("ts,name,value\n1,a,NaN\n", "2:5: value must be a finite number, not \"NaN\""),
        ("ts,name,value\n1,,2\n", "2:3: name must not be empty"),
        ("ts,name,value\n1,\"a,2\n", "2:3: unterminated quoted cell (cells may not hold line breaks)"),
        ("ts,name,value\n1,a\"b,2\n", "2:4: a quote inside an unquoted cell"),
        ("", "1:1: expected a header line naming ts, name and value"),
    ])
    func csvErrorsNameLineAndColumn(text: String, expected: String) {
        #expect(error(.csv, text) == expected)
    }

    @Test func jsonArrayOfSampleObjects() throws {
        let text = """
            [
              {"ts": 1732680000, "name": "usage.transactions", "labels": {"integration": "stripe", "port": 443}, "value": 12.5},
              {"ts": "2024-11-27 04:00:00+01:00", "name": "value.ecosystem_revenue", "value": 1e3, "note": "ignored"}
            ]
            """
        #expect(try decode(.json, text).get() == [
            Sample(key: SeriesKey(name: "usage.transactions", labels: ["integration": "stripe", "port": "443"]), timestamp: 1_732_680_000, value: 12.5),
            Sample(key: SeriesKey(name: "value.ecosystem_revenue"), timestamp: 1_732_676_400, value: 1000),
        ])
        #expect(try decode(.json, " [ ] ").get().isEmpty)
    }

    @Test(arguments: [
        ("{}", "1:1: expected [ to open an array of sample objects"),
        ("[\n {\"ts\": 1, \"name\": \"a\", \"value\": 1},\n {\"ts\": 1, \"name\": \"a\"}\n]", "3:2: missing \"value\""),
        ("[\n {\"ts\": 1, \"name\": \"a\",\n  \"value\": tru}\n]", "3:15: invalid JSON: Invalid value"),
        ("[{\"ts\": 1, \"name\": \"\", \"value\": 1}]", "1:2: \"name\" must be a non-empty string"),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": \"1\"}]", "1:2: \"value\" must be a finite number"),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": 1, \"labels\": {\"x\": null}}]", "1:2: label \"x\" must be a string, number or boolean"),
        ("[1]", "1:2: expected a sample object, found a number"),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": 1}", "1:36: unterminated array"),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": 1}] x", "1:38: nothing may follow the array"),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": 1},]", "1:37: expected a sample object"),
        // Issue 9: Foundation kept the last of a repeated key, and a label could have no name.
        ("[{\"ts\": 1, \"name\": \"a\",\n  \"value\": 1, \"value\": 2}]", "2:15: duplicate key \"value\""),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": 1, \"labels\": {\"k\": \"1\", \"k\": \"2\"}}]", "1:58: duplicate key \"k\""),
        ("[{\"ts\": 1, \"name\": \"a\", \"value\": 1, \"labels\": {\"\": \"x\"}}]", "1:2: empty label name"),
    ])
    func jsonErrorsNameLineAndColumn(text: String, expected: String) {
        #expect(error(.json, text) == expected)
    }

    @Test func theImportCollectorReadsOnceAndFailsWithFileLineAndColumn() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("backfill.csv", "ts,name,value\n1732680000,usage.transactions,4\n")
        let collector = ImportCollector(configuration: .init(name: "backfill", path: directory.file("backfill.csv")))
        #expect(try await collector.collect(at: 0).samples.count == 1)
        #expect(try await collector.collect(at: 1).samples.isEmpty, "a one-off backfill imports once")

        try directory.write("bad.json", "[\n{\"ts\": 1}\n]")
        let bad = ImportCollector(configuration: .init(name: "bad", path: directory.file("bad.json")))
        await #expect { try await bad.collect(at: 0) } throws: { "\($0)" == "\(directory.file("bad.json")):2:1: missing \"name\"" }
        let unknown = ImportCollector(configuration: .init(name: "x", path: directory.file("data.txt")))
        await #expect(throws: CollectionFailure.self) { try await unknown.collect(at: 0) }
    }
}
