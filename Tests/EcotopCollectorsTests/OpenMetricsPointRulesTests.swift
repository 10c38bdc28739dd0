import EcotopCollectors
import EcotopCore
import Testing

/// The OpenMetrics 1.0 rules across samples: a histogram's buckets, the values of counters
/// and summaries, the order of a family's metrics and MetricPoints, and family names that
/// could clash. Each refused input is one the specification forbids.
@Suite struct OpenMetricsPointRulesTests {
    func parse(_ text: String) throws(ParseError) -> ParsedMetrics {
        try OpenMetricsParser().parse(text.utf8, defaultTimestamp: 5)
    }

    @Test(arguments: [
        // Histograms and gauge histograms.
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 1\n# EOF", "2:1: histogram h has a MetricPoint without a +Inf bucket"),
        ("# TYPE h histogram\nh_count 0\nh_sum 0\n# EOF", "2:1: histogram h has a MetricPoint without a +Inf bucket"),
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n# EOF",
         "3:21: histogram buckets must be cumulative: this one counts less than the bucket before it"),
        ("# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\n# EOF",
         "3:1: histogram buckets must be in increasing order of le, each bound once"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_bucket{le=\"+Inf\"} 1\n# EOF",
         "3:1: histogram buckets must be in increasing order of le, each bound once"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\nh_sum 1\n# EOF", "3:9: h_count is 3.0 but the +Inf bucket counts 2.0"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\n# EOF", "2:1: histogram h has a MetricPoint with _sum but no _count"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} -1\n# EOF", "2:21: histogram bucket values must not be negative or NaN"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} NaN\n# EOF", "2:21: histogram bucket values must not be negative or NaN"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count NaN\nh_sum 1\n# EOF", "3:9: histogram h_count must not be negative or NaN"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum -1\n# EOF", "4:7: histogram h_sum must not be negative or NaN"),
        ("# TYPE h histogram\nh_bucket{le=\"NaN\"} 1\n# EOF", "2:1: label le=\"NaN\" is not a bucket bound"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count{le=\"1\"} 1\n# EOF", "3:1: histogram sample h_count must not have a le label"),
        ("# TYPE g gaugehistogram\ng_bucket{le=\"+Inf\"} 2\ng_gcount 3\ng_gsum 1\n# EOF", "3:10: g_gcount is 3.0 but the +Inf bucket counts 2.0"),
        ("# TYPE g gaugehistogram\ng_bucket{le=\"+Inf\"} 2\ng_gcount 2\ng_gsum NaN\n# EOF", "4:8: gaugehistogram g_gsum must not be NaN"),
        // Summaries and counters.
        ("# TYPE s summary\ns_count -1\n# EOF", "2:9: summary s_count must not be negative or NaN"),
        ("# TYPE s summary\ns_sum NaN\n# EOF", "2:7: summary s_sum must not be negative or NaN"),
        ("# TYPE s summary\ns{quantile=\"2\"} 1\n# EOF", "2:1: label quantile=\"2\" must be between 0 and 1"),
        ("# TYPE s summary\ns{quantile=\"0.5\"} -1\n# EOF", "2:19: summary quantiles must not be negative"),
        ("# TYPE s summary\ns_count{quantile=\"0.5\"} 1\n# EOF", "2:1: summary sample s_count must not have a quantile label"),
        ("# TYPE s summary\ns{quantile=\"0.5\"} 1\ns{quantile=\"0.5\"} 2\n# EOF", "3:1: sample s{quantile=\"0.5\"} is repeated in one MetricPoint"),
        ("# TYPE c counter\nc_created 1\n# EOF", "2:1: counter c has a MetricPoint without c_total"),
        // Metrics and MetricPoints.
        ("a 1\na 2\n# EOF", "2:1: sample a is repeated in one MetricPoint (same labels and timestamp)"),
        ("a{x=\"1\"} 1\na{x=\"2\"} 1\na{x=\"1\"} 2\n# EOF",
         "3:1: metric a{x=\"1\"} appears again after other metrics of its family; metrics must not be interleaved"),
        ("a 1 200\na 2 100\n# EOF", "2:5: the MetricPoints of a metric must have increasing timestamps"),
        ("# TYPE s stateset\ns{s=\"up\"} 1\ns{s=\"up\"} 0\n# EOF", "3:1: sample s{s=\"up\"} is repeated in one MetricPoint"),
        // Family names whose samples could clash.
        ("# TYPE a counter\na_total 1\n# TYPE a_total gauge\n# EOF",
         "3:8: metric family a_total clashes with family a: both could have samples named a_total"),
        ("# TYPE a_total gauge\na_total 1\n# TYPE a counter\n# EOF",
         "3:8: metric family a clashes with family a_total: both could have samples named a_total"),
        ("# TYPE h_count gauge\n# TYPE h histogram\n# EOF", "2:8: metric family h clashes with family h_count: both could have samples named h_count"),
        ("# TYPE x info\n# HELP x_info an info\n# EOF", "2:8: metric family x_info clashes with family x: both could have samples named x_info"),
    ])
    func forbiddenInputsAreRefusedWhere(input: String, expected: String) {
        #expect(errorDescription { () throws(ParseError) in try parse(input) } == expected)
    }

    @Test func metricPointsWithIncreasingTimestampsFollowEachOther() throws {
        // The specification's own example of several MetricPoints per metric.
        let result = try parse("""
            # TYPE foo_seconds summary
            # UNIT foo_seconds seconds
            foo_seconds_count{a="bb"} 0 123
            foo_seconds_sum{a="bb"} 0 123
            foo_seconds_count{a="bb"} 0 456
            foo_seconds_sum{a="bb"} 0 456
            foo_seconds_count{a="ccc"} 0 123
            foo_seconds_sum{a="ccc"} 0 123
            # EOF
            """)
        #expect(result.samples.map(\.timestamp) == [123, 123, 456, 456, 123, 123])
    }

    @Test func aSummaryWithoutObservationsHasNaNQuantiles() throws {
        // What a Go client exposes for a summary nothing was observed in yet.
        let result = try parse("""
            # TYPE rpc_seconds summary
            rpc_seconds{quantile="0.5"} NaN
            rpc_seconds{quantile="0.99"} NaN
            rpc_seconds_sum 0
            rpc_seconds_count 0
            # EOF
            """)
        #expect(result.samples.count == 4)
        #expect(result.samples[0].value.isNaN)
    }

    @Test func histogramsWithSeveralMetricsEachCheckedOnItsOwn() throws {
        let result = try parse("""
            # TYPE latency_seconds histogram
            latency_seconds_bucket{route="/a",le="0.1"} 1
            latency_seconds_bucket{route="/a",le="+Inf"} 3
            latency_seconds_count{route="/a"} 3
            latency_seconds_sum{route="/a"} 0.9
            latency_seconds_bucket{route="/b",le="0.1"} 0
            latency_seconds_bucket{route="/b",le="+Inf"} 0
            # EOF
            """)
        #expect(result.value("latency_seconds_bucket", ["route": "/b", "le": "+Inf"]) == 0)
    }
}
