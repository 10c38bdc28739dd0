import EcotopCollectors
import EcotopCore
import Testing

/// Inputs InfluxDB and Telegraf accept (their decoder is `influxdata/line-protocol`), read
/// as they read them.
@Suite struct InfluxReferenceSyntaxTests {
    func parse(_ text: String) throws(ParseError) -> ParsedMetrics {
        try InfluxLineParser().parse(text.utf8, defaultTimestamp: 5)
    }

    @Test func severalSpacesSeparateTheSections() throws {
        let result = try parse("cpu,host=a   idle=1,user=2    1700000000000000000  \n")
        #expect(result.samples.map(\.key.name) == ["cpu.idle", "cpu.user"])
        #expect(result.samples.allSatisfy { $0.timestamp == 1_700_000_000 })
    }

    @Test func aStringFieldMaySpanLines() throws {
        let result = try parse("log message=\"first line\nsecond \\\"line\\\"\",level=3i 1000000000\nlog level=4i 2000000000\n")
        #expect(result.samples.map(\.value) == [3, 4])
        #expect(result.samples.map(\.timestamp) == [1, 2])
        // Lines are still counted right after it.
        #expect(errorDescription { () throws(ParseError) in try parse("log m=\"a\nb\" x\nlog v=1\n") } == "2:4: invalid timestamp: expected an integer in ns")
    }

    @Test func aBackslashIsNotAnEscapeOutsideStrings() throws {
        // `\\` is a literal backslash followed by a second backslash, which escapes what
        // comes after it: `a\\ b` is the value `a\ b`, `a\\,b` the key `a\,b`.
        let result = try parse(#"m\\ x,t=a\\ b,k\\,ey=v\\=w f\\ g=1"#)
        #expect(result.samples.map(\.key) == [
            SeriesKey(name: #"m\ x.f\ g"#, labels: ["t": #"a\ b"#, #"k\,ey"#: #"v\=w"#]),
        ])
    }

    @Test func crlfLineEndsAndBlankLinesOfSpacesAndTabs() throws {
        let result = try parse("m v=1 1000000000\r\n  \r\n\t \n# comment\r\nm v=2\r\nm v=3 3000000000\r")
        #expect(result.samples.map(\.value) == [1, 2, 3])
        #expect(result.samples.map(\.timestamp) == [1, 5, 3])
    }

    @Test func timestampsTakeTheWholeInt64Range() throws {
        let result = try parse("m v=1 -9223372036854775808\nm v=2 9223372036854775807\n")
        #expect(result.samples.map(\.timestamp) == [-9_223_372_036.854_775_808, 9_223_372_036.854_775_807])
    }

    @Test func aPointWithAHundredThousandFieldsFindsARepeatedKeyAtItsEnd() throws {
        // The field keys of a point are checked with a hash set once there are many, so such
        // a line is read in linear time (its speed is measured by ParserBenchmark).
        let fields = (0..<100_000).map { "f\($0)=\($0)i" }.joined(separator: ",")
        let result = try parse("wide \(fields) 1000000000\n")
        #expect(result.samples.count == 100_000)
        #expect(result.value("wide.f99999") == 99_999)
        let repeated = "wide \(fields),f17=1i\n"
        #expect(errorDescription { () throws(ParseError) in try parse(repeated) }
            == "1:\(repeated.utf8.count - 6): duplicate field key f17")
    }
}
