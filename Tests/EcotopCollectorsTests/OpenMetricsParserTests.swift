import EcotopCollectors
import EcotopCore
import Testing

@Suite struct OpenMetricsParserTests {
    func parse(_ text: String, at time: Double = 5) throws(ParseError) -> ParsedMetrics {
        try OpenMetricsParser().parse(text.utf8, defaultTimestamp: time)
    }

    @Test func eofAloneIsAnEmptyExposition() throws {
        #expect(try parse("# EOF") == ParsedMetrics())
        #expect(try parse("# EOF\n") == ParsedMetrics())
    }

    @Test func counterWithMetadataCreatedTimestampAndExemplar() throws {
        let result = try parse(#"""
            # TYPE requests counter
            # HELP requests Requests \"handled\".\nBy the shop.
            requests_total{method="GET"} 3 1700000000.5 # {trace_id="ab\"c"} 1 1700000000.25
            requests_created{method="GET"} 1.7e9
            # EOF

            """#)
        #expect(result.families == [
            MetricFamilyMetadata(name: "requests", type: .counter, help: "Requests \"handled\".\nBy the shop."),
        ])
        #expect(result.samples == [
            Sample(key: SeriesKey(name: "requests_total", labels: ["method": "GET"]), timestamp: 1_700_000_000.5, value: 3),
            Sample(key: SeriesKey(name: "requests_created", labels: ["method": "GET"]), timestamp: 5, value: 1_700_000_000),
        ])
    }

    @Test func everyTypeWithItsSuffixes() throws {
        let result = try parse("""
            # TYPE latency_seconds histogram
            # UNIT latency_seconds seconds
            latency_seconds_bucket{le="0.5"} 1 # {} 0.2
            latency_seconds_bucket{le="+Inf"} 2
            latency_seconds_count 2
            latency_seconds_sum 1.5
            latency_seconds_created 1
            # TYPE queue gaugehistogram
            queue_bucket{le="+Inf"} 4
            queue_gcount 4
            queue_gsum 9
            # TYPE rpc summary
            rpc{quantile="0.99"} 0.3
            rpc_count 10
            rpc_sum 2
            rpc_created 1
            # TYPE build info
            build_info{version="1.2"} 1
            # TYPE gateway stateset
            gateway{gateway="up"} 1
            gateway{gateway="down"} 0
            # TYPE temperature gauge
            temperature NaN
            # TYPE other unknown
            other -Inf
            untyped_thing +Inf
            # EOF
            """)
        #expect(result.families.map(\.name) == ["latency_seconds", "queue", "rpc", "build", "gateway", "temperature", "other", "untyped_thing"])
        #expect(result.families.map(\.type) == [.histogram, .gaugehistogram, .summary, .info, .stateset, .gauge, .unknown, .unknown])
        #expect(result.families[0].unit == "seconds")
        #expect(result.samples.count == 18)
        #expect(result.value("gateway", ["gateway": "down"]) == 0)
        #expect(result.value("untyped_thing") == .infinity)
    }

    @Test(arguments: [
        ("", "1:1: missing # EOF at the end of the input"),
        ("m 1\n", "2:1: missing # EOF at the end of the input"),
        ("m 1", "1:4: missing # EOF at the end of the input"),
        ("# EOF\nm 1\n", "2:1: nothing may follow # EOF"),
        ("# EOF\n\n", "2:1: nothing may follow # EOF"),
        ("# EOF extra", "1:6: expected end of line after # EOF"),
        ("m 1\n\n# EOF", "2:1: blank lines are not allowed"),
        ("# comment\n# EOF", "1:3: expected TYPE, HELP, UNIT or EOF after # (comments are not allowed)"),
        ("#TYPE m gauge\n# EOF", "1:2: expected a space after #"),
        ("# TYPE m  gauge\n# EOF", "1:10: unknown metric type"),
        ("# TYPE m untyped\n# EOF", "1:10: unknown metric type"),
        ("# TYPE m\n# EOF", "1:9: expected a space after the metric name"),
        ("# TYPE m gauge\n# TYPE m gauge\n# EOF", "2:3: second TYPE for metric family m"),
        ("# HELP m a\n# HELP m b\n# EOF", "2:3: second HELP for metric family m"),
        ("# UNIT m_s s\n# UNIT m_s s\n# EOF", "2:3: second UNIT for metric family m_s"),
        (#"# HELP m say "hi"\#n# EOF"#, "1:14: a double quote in HELP must be escaped"),
        ("# TYPE d gauge\n# UNIT d seconds\n# EOF", "2:8: metric family d must end with _seconds to have that unit"),
        ("# UNIT d_seconds seconds!\n# EOF", "1:25: invalid character in unit"),
        ("# TYPE x_seconds info\n# UNIT x_seconds seconds\n# EOF", "2:3: info metric families cannot have a unit"),
        ("# UNIT x_seconds seconds\n# TYPE x_seconds stateset\n# EOF", "2:3: stateset metric families cannot have a unit"),
        ("# TYPE c counter\nc 1\n# EOF", "2:1: counter sample names must end with one of _total, _created"),
        ("# TYPE g gauge\ng 1\n# HELP g late\n# EOF", "3:8: metadata of metric family g must come before its samples"),
        ("a 1\nb 1\na 2\n# EOF", "3:1: metric family a appears again after another family; families must not be interleaved"),
        ("# TYPE c counter\nc_total 1\nb 1\nc_created 2\n# EOF", "4:1: metric family c appears again after another family; families must not be interleaved"),
        ("a 1\nb 1\n# HELP a x\n# EOF", "3:8: metric family a appears again after another family; families must not be interleaved"),
        (#"m{a="1", b="2"} 1\#n# EOF"#, "1:9: expected a label name"),
        (#"m{a="1",} 1\#n# EOF"#, "1:9: expected a label name"),
        (#"m {a="1"} 1\#n# EOF"#, "1:3: invalid number"),
        (#"m{a = "1"} 1\#n# EOF"#, "1:4: expected = after label name"),
        (#"m{a="1",a="2"} 1\#n# EOF"#, "1:9: duplicate label name a"),
        ("m  1\n# EOF", "1:3: expected a number"),
        ("m 1 \n# EOF", "1:5: invalid timestamp; expected seconds"),
        ("m 1 abc\n# EOF", "1:5: invalid timestamp; expected seconds"),
        ("m 1 NaN\n# EOF", "1:5: invalid timestamp; expected seconds"),
        ("m one\n# EOF", "1:3: invalid number"),
        ("m 1 2 3\n# EOF", "1:7: expected # to start an exemplar"),
        ("m\t1\n# EOF", "1:2: expected a space before the value"),
        ("# TYPE h histogram\nh_bucket 1\n# EOF", "2:1: histogram sample h_bucket needs a le label"),
        ("# TYPE h gaugehistogram\nh_bucket{le=\"x\"} 1\n# EOF", "2:1: label le=\"x\" is not a number"),
        ("# TYPE s summary\ns 1\n# EOF", "2:1: summary sample s needs a quantile label"),
        ("# TYPE i info\ni_info 2\n# EOF", "2:8: info i_info must have the value 1"),
        ("# TYPE s stateset\ns{x=\"a\"} 1\n# EOF", "2:1: stateset s needs a label named s"),
        ("# TYPE s stateset\ns{s=\"a\"} 2\n# EOF", "2:10: stateset s values must be 0 or 1"),
        ("# TYPE c counter\nc_total -1\n# EOF", "2:9: counter c_total must not be negative or NaN"),
        ("# TYPE c counter\nc_total NaN\n# EOF", "2:9: counter c_total must not be negative or NaN"),
        ("g 1 # {a=\"b\"} 1\n# EOF", "1:5: exemplars are allowed only on counter _total and histogram _bucket samples"),
        ("# TYPE c counter\nc_total 1 # {a=\"b\"}\n# EOF", "2:20: expected a space before the exemplar value"),
        ("# TYPE c counter\nc_total 1 # a\n# EOF", "2:13: expected { to open the exemplar's labels"),
        ("# TYPE c counter\nc_total 1 # {id=\"\(String(repeating: "x", count: 127))\"} 1\n# EOF",
         "2:13: exemplar labels are longer than 128 characters"),
    ])
    func errorsSayWhereAndWhy(input: String, expected: String) {
        #expect(errorDescription { () throws(ParseError) in try parse(input) } == expected)
    }

    @Test func exemplarLabelsOfExactly128CharactersAreAllowed() throws {
        let result = try parse("# TYPE c counter\nc_total 1 # {id=\"\(String(repeating: "x", count: 126))\"} 1\n# EOF\n")
        #expect(result.samples.count == 1)
    }

    @Test func unknownEscapesAreKeptAsTheyAreWritten() throws {
        // Prometheus's parser keeps a backslash before anything but \\, \" and \n.
        let result = try parse(#"""
            # HELP m form\ffeed \\f
            m{path="C:\temp\new",page="\f"} 1
            # EOF
            """#)
        #expect(result.families[0].help == #"form\ffeed \f"#)
        #expect(result.samples[0].key.labelDictionary == ["path": "C:\\temp\new", "page": #"\f"#])
    }

    @Test func timestampsOfTwentyIntegerDigitsAreNumbers() throws {
        // Go's ParseFloat reads them; the store then decides whether it keeps the sample.
        let result = try parse("a 1 12345678901234567890\nb 1 -00000000001700000000.5\n# EOF\n")
        #expect(result.samples.map(\.timestamp) == [12_345_678_901_234_567_890, -1_700_000_000.5])
    }

    @Test func aMissingEOFDiscardsEverything() {
        let input = (0..<500).map { "m\($0) \($0)\n" }.joined()
        #expect(errorDescription { () throws(ParseError) in try parse(input) } == "501:1: missing # EOF at the end of the input")
    }
}
