import EcotopCore
import Testing
@testable import EcotopExporter

@Suite struct ExpositionTextTests {
    private let openMetrics = ExpositionFormat.openMetrics(version: "1.0.0")

    @Test func writesHelpTypeAndSamplesWithMillisecondTimestampsInTheTextFormat() {
        let family = ExposedFamily(
            name: "usage_transactions", help: "Transactions per minute.", kind: .gauge,
            samples: [
                ExposedSample(labels: [SeriesKey.Label("shop", "eu")], value: 412, timestamp: 1_764_245_100.25),
                ExposedSample(labels: [SeriesKey.Label("shop", "us")], value: 0.5),
            ])
        #expect(ExpositionText.render([family], as: .prometheusText) == """
            # HELP usage_transactions Transactions per minute.
            # TYPE usage_transactions gauge
            usage_transactions{shop="eu"} 412 1764245100250
            usage_transactions{shop="us"} 0.5

            """)
    }

    @Test func openMetricsWritesSecondsWithAFractionAndEndsWithEOF() {
        let family = ExposedFamily(
            name: "usage_transactions", help: "x", kind: .gauge,
            samples: [
                ExposedSample(value: 1, timestamp: 1_764_245_100.25), ExposedSample(labels: [SeriesKey.Label("a", "b")], value: 2, timestamp: 1_764_245_100),
                ExposedSample(labels: [SeriesKey.Label("a", "c")], value: 3, timestamp: 1_764_245_100.007),
            ])
        let text = ExpositionText.render([family], as: openMetrics)
        #expect(text.contains("usage_transactions 1 1764245100.25\n"))
        #expect(text.contains("usage_transactions{a=\"b\"} 2 1764245100\n"))
        #expect(text.contains("usage_transactions{a=\"c\"} 3 1764245100.007\n"))
        #expect(text.hasSuffix("\n# EOF\n"))
    }

    @Test func aCounterIsItsNameWithoutTotalInOpenMetricsAndWithItInTheTextFormat() {
        let family = ExposedFamily(name: "ecotop_collector_records_total", help: "Records.", kind: .counter, samples: [ExposedSample(value: 3)])
        #expect(ExpositionText.render([family], as: .prometheusText) == """
            # HELP ecotop_collector_records_total Records.
            # TYPE ecotop_collector_records_total counter
            ecotop_collector_records_total 3

            """)
        #expect(ExpositionText.render([family], as: openMetrics) == """
            # HELP ecotop_collector_records Records.
            # TYPE ecotop_collector_records counter
            ecotop_collector_records_total 3
            # EOF

            """)
    }

    @Test func anUnknownFamilyIsUntypedInTheTextFormatAndUnknownInOpenMetrics() {
        let family = ExposedFamily(name: "shop_orders", help: "h", kind: .unknown, samples: [ExposedSample(value: 1)])
        #expect(ExpositionText.render([family], as: .prometheusText).contains("# TYPE shop_orders untyped\n"))
        #expect(ExpositionText.render([family], as: openMetrics).contains("# TYPE shop_orders unknown\n"))
    }

    @Test func labelValuesEscapeBackslashQuoteAndNewlineInBothFormats() {
        let family = ExposedFamily(
            name: "m", help: "h", kind: .gauge, samples: [ExposedSample(labels: [SeriesKey.Label("path", "C:\\x \"y\"\nz é\t")], value: 1)])
        for format in [ExpositionFormat.prometheusText, openMetrics] {
            #expect(ExpositionText.render([family], as: format).contains(#"m{path="C:\\x \"y\"\nz é\#t"} 1"#), "\(format)")
        }
    }

    @Test func helpEscapesQuotesOnlyInOpenMetrics() {
        let family = ExposedFamily(name: "m", help: "Say \"hi\"\\now\nplease", kind: .gauge, samples: [ExposedSample(value: 1)])
        #expect(ExpositionText.render([family], as: .prometheusText).contains(#"# HELP m Say "hi"\\now\nplease"# + "\n"))
        #expect(ExpositionText.render([family], as: openMetrics).contains(#"# HELP m Say \"hi\"\\now\nplease"# + "\n"))
    }

    @Test(arguments: [
        (Double.nan, "NaN"), (.infinity, "+Inf"), (-.infinity, "-Inf"), (0, "0"), (-0.0, "0"), (-3, "-3"), (2.5, "2.5"),
        (1e-7, "1e-07"), (9_007_199_254_740_992, "9007199254740992.0"), (1e21, "1e+21"), (123_456_789_012, "123456789012"),
    ])
    func valuesAreWrittenAsPrometheusParsesThem(value: Double, expected: String) {
        #expect(ExpositionText.number(value) == expected)
        #expect(Double(expected.replacingOccurrences(of: "Inf", with: "inf")).map { $0 == value || ($0.isNaN && value.isNaN) } == true)
    }

    @Test func familiesWithoutSamplesAreLeftOut() {
        let empty = ExposedFamily(name: "ecotop_collector_last_success_timestamp_seconds", help: "h", kind: .gauge, samples: [])
        #expect(ExpositionText.render([empty], as: .prometheusText) == "")
        #expect(ExpositionText.render([empty], as: openMetrics) == "# EOF\n")
    }
}
