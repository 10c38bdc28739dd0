import EcotopCollectors
import EcotopCore
import Testing

@Suite struct PrometheusTextParserTests {
    func parse(_ text: String, at time: Double = 5) throws(ParseError) -> ParsedMetrics {
        try PrometheusTextParser().parse(text.utf8, defaultTimestamp: time)
    }

    @Test func helpAndTypeDescribeTheFamily() throws {
        let result = try parse(#"""
            # HELP http_requests_total Requests \\ handled.\nSecond line.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            """#)
        #expect(result.families == [
            MetricFamilyMetadata(name: "http_requests_total", type: .counter, help: "Requests \\ handled.\nSecond line."),
        ])
        #expect(result.samples[1] == Sample(
            key: SeriesKey(name: "http_requests_total", labels: ["method": "post", "code": "400"]),
            timestamp: 1_395_066_363, value: 3))
    }

    @Test func commentsBlankLinesAndBlanksAroundTokens() throws {
        let result = try parse("# a comment\n#\n# HELP\n\n  m { a = \"1\" , b=\"2\", } 7 \t\nn{} 8\nm\t{a=\"3\"}\t9\n")
        #expect(result.value("m", ["a": "1", "b": "2"]) == 7)
        #expect(result.value("n") == 8)
        #expect(result.value("m", ["a": "3"]) == 9)
        #expect(result.families.map(\.name) == ["m", "n"])
        #expect(result.families.allSatisfy { $0.type == .unknown && $0.help == nil })
    }

    @Test func labelValueEscapes() throws {
        let result = try parse(#"m{path="C:\\dir",quote="say \"hi\"",lines="a\nb"} 1"#)
        #expect(result.samples[0].key.labelDictionary == ["path": #"C:\dir"#, "quote": #"say "hi""#, "lines": "a\nb"])
    }

    @Test func unknownEscapesAreKeptAsTheyAreWritten() throws {
        // As Prometheus's own parser reads them: a backslash before anything but the
        // format's escapes stays, and so does the character after it.
        let result = try parse(#"""
            # HELP m say \"hi\" \f \\ \n.
            m{a="\f",b="\x41"} 1
            """#)
        #expect(result.families[0].help == "say \\\"hi\\\" \\f \\ \n.")
        #expect(result.samples[0].key.labelDictionary == ["a": #"\f"#, "b": #"\x41"#])
    }

    @Test func specialValuesAndTimestamps() throws {
        let result = try parse("a NaN\nb +Inf\nc -Inf\nd Inf\ne 1.5e-3 -1500\n")
        #expect(result.samples[0].value.isNaN)
        #expect(result.samples[1...3].map(\.value) == [Double.infinity, -Double.infinity, Double.infinity])
        #expect(result.samples[4].value == 0.0015)
        #expect(result.samples[4].timestamp == -1.5)
        #expect(result.samples[0].timestamp == 5)
    }

    @Test func histogramAndSummarySamplesBelongToTheirFamily() throws {
        let result = try parse("""
            # TYPE h histogram
            h_bucket{le="0.1"} 1
            h_bucket{le="+Inf"} 2
            h_sum 3.5
            h_count 2
            # TYPE s summary
            s{quantile="0.5"} 1
            s_sum 1
            s_count 1
            # TYPE g gauge
            g_sum 4
            """)
        #expect(result.families.map(\.name) == ["h", "s", "g", "g_sum"])
        #expect(result.families.map(\.type) == [.histogram, .summary, .gauge, .unknown])
        #expect(result.samples.count == 8)
        #expect(result.value("h_bucket", ["le": "+Inf"]) == 2)
    }

    @Test(arguments: [
        ("# TYPE m counter\n# TYPE m gauge", "2:8: second TYPE line for metric m, or TYPE after its samples"),
        ("m 1\n# TYPE m gauge", "2:8: second TYPE line for metric m, or TYPE after its samples"),
        ("# HELP m a\n# HELP m b", "2:8: second HELP line for metric m"),
        ("# TYPE m bogus", "1:10: unknown metric type; expected counter, gauge, histogram, summary or untyped"),
        ("# TYPE m gauge extra", "1:16: expected end of line"),
        ("# TYPE 1m gauge", "1:8: expected a metric name"),
        ("# TYPE m-x gauge", "1:9: invalid character in metric name"),
        ("1m 1", "1:1: expected a metric name"),
        ("m-x 1", "1:2: expected a blank before the value"),
        (#"m{a="1"}1"#, "1:9: expected a blank before the value"),
        ("m", "1:2: expected a value"),
        ("m ", "1:3: expected a value"),
        ("m 0x1", "1:3: invalid value; expected a float, NaN, +Inf or -Inf"),
        ("m abc", "1:3: invalid value; expected a float, NaN, +Inf or -Inf"),
        ("m 1e999", "1:3: invalid value; expected a float, NaN, +Inf or -Inf"),
        ("m 1 1.5", "1:5: invalid timestamp; expected integer milliseconds"),
        ("m 1 2 3", "1:7: expected end of line"),
        (#"m{a="1",a="2"} 1"#, "1:9: duplicate label name a"),
        (#"m{a="1} 1"#, "1:10: expected \" to close the label value"),
        (#"m{a=1} 1"#, "1:5: expected \" to open the label value"),
        (#"m{1a="x"} 1"#, "1:3: expected a label name"),
        (#"m{__name__="x"} 1"#, "1:3: label name __name__ is reserved"),
        (#"m{a="1" b="2"} 1"#, "1:9: expected , or }"),
        ("# TYPE h histogram\nh_bucket 1", "2:1: histogram sample h_bucket needs a le label"),
        ("# TYPE h histogram\nh_bucket{le=\"x\"} 1", "2:1: label le=\"x\" is not a number"),
        ("# TYPE h histogram\nh 1", "2:1: histogram sample h needs the suffix _bucket, _sum or _count"),
        ("# TYPE s summary\ns 1", "2:1: summary sample s needs a quantile label"),
        ("ok 1\n  é{a=\"1\"} 1", "2:3: expected a metric name"),
    ])
    func errorsSayWhereAndWhy(input: String, expected: String) {
        #expect(errorDescription { () throws(ParseError) in try parse(input) } == expected)
    }

    @Test func anErrorLaterInTheInputDiscardsEverything() {
        let input = String(repeating: "good 1\n", count: 1_000) + "bad{ 1\n"
        #expect(errorDescription { () throws(ParseError) in try parse(input) } == "1001:6: expected a label name")
    }
}
