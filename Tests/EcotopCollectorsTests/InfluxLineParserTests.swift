import EcotopCollectors
import EcotopCore
import Testing

@Suite struct InfluxLineParserTests {
    let parser = InfluxLineParser()

    func parse(_ text: String, at time: Double = 5) throws(ParseError) -> ParsedMetrics {
        try parser.parse(text.utf8, defaultTimestamp: time)
    }

    @Test func telegrafPointBecomesOneSamplePerFieldNamedMeasurementDotField() throws {
        let result = try parse("cpu,cpu=cpu0,host=web1 usage_idle=98.5,usage_user=1.2 1700000000000000000\n")
        #expect(result.samples == [
            Sample(key: SeriesKey(name: "cpu.usage_idle", labels: ["cpu": "cpu0", "host": "web1"]), timestamp: 1_700_000_000, value: 98.5),
            Sample(key: SeriesKey(name: "cpu.usage_user", labels: ["cpu": "cpu0", "host": "web1"]), timestamp: 1_700_000_000, value: 1.2),
        ])
        #expect(result.families.map(\.name) == ["cpu.usage_idle", "cpu.usage_user"])
    }

    @Test func fieldTypesBecomeNumbersAndStringsAreSkipped() throws {
        let result = try parse(#"m a=1i,b=2u,c=-3.5e2,d=t,e=FALSE,f="x=1, y",g=true,h=F,i=-9223372036854775808i,j=18446744073709551615u,k=.5"#)
        let values = Dictionary(uniqueKeysWithValues: result.samples.map { ($0.key.name, $0.value) })
        #expect(values == [
            "m.a": 1, "m.b": 2, "m.c": -350, "m.d": 1, "m.e": 0, "m.g": 1, "m.h": 0,
            "m.i": -9_223_372_036_854_775_808, "m.j": Double(UInt64.max), "m.k": 0.5,
        ])
        #expect(result.samples.allSatisfy { $0.timestamp == 5 })
    }

    @Test func escapesInMeasurementTagsFieldKeysAndStrings() throws {
        let line = #"weather\ report\,eu,loc\=city=San\ Francisco\,\ CA,path=C:\dir temp\ c=21.5,note="say \"hi\" \\ ok",a\=b=1"#
        let result = try parse(line)
        #expect(result.samples.map(\.key) == [
            SeriesKey(name: "weather report,eu.temp c", labels: ["loc=city": "San Francisco, CA", "path": #"C:\dir"#]),
            SeriesKey(name: "weather report,eu.a=b", labels: ["loc=city": "San Francisco, CA", "path": #"C:\dir"#]),
        ])
    }

    @Test func commentsBlankLinesAndSurroundingBlanksAreIgnored() throws {
        let result = try parse("# written by an exec script\n\n   \n  mem,host=a used=1i  1700000000000000000  \n\t# indented comment\nmem,host=b used=2i\n")
        #expect(result.samples.map(\.value) == [1, 2])
        #expect(result.samples.map(\.timestamp) == [1_700_000_000, 5])
    }

    @Test(arguments: [
        (InfluxLineParser.Precision.nanoseconds, "1700000000123456789", 1_700_000_000.123456789),
        (.microseconds, "1700000000123456", 1_700_000_000.123456),
        (.milliseconds, "1700000000123", 1_700_000_000.123),
        (.seconds, "1700000000", 1_700_000_000),
        (.seconds, "-5", -5),
    ])
    func timestampPrecision(precision: InfluxLineParser.Precision, written: String, seconds: Double) throws {
        let result = try InfluxLineParser(precision: precision).parse("m v=1 \(written)".utf8, defaultTimestamp: 0)
        #expect(abs(result.samples[0].timestamp - seconds) < 1e-6)
    }

    @Test(arguments: [
        ("cpu", "1:4: expected a space and the field set"),
        ("cpu ", "1:5: expected a field key"),
        (",host=a v=1", "1:1: expected a measurement name"),
        ("cpu,host v=1", "1:9: expected = after tag key"),
        ("cpu,=x v=1", "1:5: expected a tag key"),
        ("cpu,host= v=1", "1:10: expected a tag value"),
        ("cpu,a=1,a=2 v=1", "1:9: duplicate tag key a"),
        ("cpu v", "1:6: expected = after field key"),
        ("cpu v=", "1:7: expected a field value"),
        ("cpu v=abc", "1:7: invalid field value"),
        ("cpu v=1x", "1:7: invalid field value"),
        ("cpu v=+1", "1:7: invalid field value"),
        ("cpu v=1.5i", "1:7: invalid field value"),
        ("cpu v=9223372036854775808i", "1:7: invalid field value"),
        ("cpu v=-1u", "1:7: invalid field value"),
        ("cpu v=1e999", "1:7: invalid field value"),
        (#"cpu v="abc"#, "1:7: unterminated string field value"),
        ("cpu v=1,v=2", "1:9: duplicate field key v"),
        (#"cpu s="a"x"#, "1:10: expected a comma, a space or the end of the line after the field value"),
        ("cpu v=1 12ab", "1:9: invalid timestamp: expected an integer in ns"),
        ("cpu v=1 1 2", "1:11: expected end of line"),
        ("cpu,a=1,b v=1", "1:10: expected = after tag key"),
        ("ok v=1\nbad", "2:4: expected a space and the field set"),
        ("mé,t=1 v=x", "1:10: invalid field value"),
    ])
    func errorsSayWhereAndWhy(input: String, expected: String) {
        #expect(errorDescription { () throws(ParseError) in try parse(input) } == expected)
    }

    @Test func invalidUTF8IsAnError() {
        let bytes: [UInt8] = Array("m,t=".utf8) + [0xC3, 0x28] + Array(" v=1".utf8)
        #expect(errorDescription { () throws(ParseError) in try parser.parse(bytes, defaultTimestamp: 0) } == "1:5: invalid UTF-8")
    }

    @Test func telegrafFixtureParsesWhole() throws {
        let result = try parser.parse(try fixture("telegraf-exec.influx"), defaultTimestamp: 0)
        #expect(result.value("cpu.usage_idle", ["cpu": "cpu-total", "host": "web1"]) == 97.68844221105527)
        #expect(result.value("disk.free", ["device": "nvme0n1p2", "fstype": "ext4", "host": "web1", "mode": "rw", "path": "/"]) == 81_320_235_008)
        #expect(result.value("system.uptime", ["host": "web1"]) == 1_187_236)
        #expect(result.samples.contains { $0.key.name == "system.uptime_format" } == false)
        #expect(result.samples.allSatisfy { $0.timestamp == 1_700_000_010 })
        #expect(result.samples.count == 69)
        #expect(result.value("exec_partner_api.reachable", ["host": "web1", "partner": "acme shipping", "region": "eu-west"]) == 1)
    }

    @Test func influxDBPythonClientOutputParsesWhole() throws {
        let result = try parser.parse(try fixture("influxdb-python-5.3.1.influx"), defaultTimestamp: 0)
        #expect(result.samples.count == 101)
        // The client escapes a backslash as `\\`, which InfluxDB does not unescape outside
        // strings (influxdb-python#899): InfluxDB, and so Ecotop, store `C:\\dir`.
        let labels = ["partner": "acme, inc", "region=eu": "west 1", "path": #"C:\\dir"#]
        #expect(result.value("partner api.latency ms", labels) == 231.5)
        #expect(result.value("partner api.big", labels) == 4_611_686_018_427_387_904)
        #expect(result.value("partner api.ok", labels) == 1)
        #expect(result.value("cpu,total.n") == 3)
        #expect(result.value("storefront.error_rate", ["host": "web1", "route": "/checkout"]) == nil)
        let web1 = result.samples.filter { $0.key == SeriesKey(name: "storefront.p95 ms", labels: ["host": "web1", "route": "/checkout"]) }
        #expect(web1.map(\.value) == [181.25, 184.25, 187.25, 190.25, 193.25, 196.25, 199.25, 202.25])
        #expect(web1.last?.timestamp == 1_700_000_220)
    }
}
