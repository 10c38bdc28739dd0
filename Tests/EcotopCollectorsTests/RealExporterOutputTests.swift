import EcotopCollectors
import EcotopCore
import Testing

/// Captures of real exporters (see Fixtures/README.md) parse whole, with the families,
/// counts and values the captures show.
@Suite struct RealExporterOutputTests {
    @Test func nodeExporterText() throws {
        let result = try PrometheusTextParser().parse(try fixture("node-exporter-1.5.0.prom"), defaultTimestamp: 42)
        #expect(result.families.count == 283)
        #expect(result.samples.count == 507)
        #expect(result.families.allSatisfy { $0.help != nil })
        #expect(result.family(named: "go_gc_duration_seconds")?.type == .summary)
        #expect(result.family(named: "node_load1") == MetricFamilyMetadata(name: "node_load1", type: .gauge, help: "1m load average."))
        #expect(result.value("node_cpu_seconds_total", ["cpu": "0", "mode": "idle"]) == 282.07)
        #expect(result.value("node_load1") == 0.3)
        let uname = try #require(result.samples.first { $0.key.name == "node_uname_info" })
        #expect(uname.key[label: "machine"] == "x86_64")
        #expect(uname.key[label: "version"] == "#1 SMP PREEMPT_DYNAMIC @0")
        #expect(result.samples.allSatisfy { $0.timestamp == 42 })
    }

    @Test func prometheusServerText() throws {
        let result = try PrometheusTextParser().parse(try fixture("prometheus-2.42.0.prom"), defaultTimestamp: 0)
        #expect(result.families.count == 160)
        #expect(result.samples.count == 293)
        #expect(result.families.filter { $0.type == .histogram }.count == 5)
        #expect(result.value("prometheus_tsdb_compaction_chunk_range_seconds_bucket", ["le": "400"]) == 0)
        let build = try #require(result.samples.first { $0.key.name == "prometheus_build_info" })
        #expect(build.key[label: "goversion"] == "go1.19.8")
    }

    @Test func pythonClientOpenMetrics() throws {
        let result = try OpenMetricsParser().parse(try fixture("python-client-0.16.0.om"), defaultTimestamp: 0)
        #expect(result.families.count == 16)
        #expect(result.samples.count == 92)
        #expect(result.family(named: "shop_http_requests") == MetricFamilyMetadata(
            name: "shop_http_requests", type: .counter, help: "HTTP requests handled by the storefront \"shop\" service."))
        #expect(result.family(named: "shop_request_duration_seconds")?.unit == "seconds")
        #expect(result.family(named: "shop_response_bytes")?.help == "Response sizes in bytes.\nSecond line with a backslash \\ too.")
        #expect(result.family(named: "payment_gateway_state")?.type == .stateset)
        #expect(result.family(named: "shop_build")?.type == .info)
        #expect(result.value("shop_http_requests_total", ["code": "200", "method": "GET"]) == 124)
        #expect(result.value("shop_build_info", ["label_with_quote": "say \"hi\"", "revision": "a1b2c3", "version": "2.4.1"]) == 1)
        #expect(result.value("payment_gateway_state", ["payment_gateway_state": "degraded"]) == 1)
        #expect(result.value("shop_response_bytes_sum") == 18_312_036)
    }

    @Test func pythonClientText() throws {
        let result = try PrometheusTextParser().parse(try fixture("python-client-0.16.0.prom"), defaultTimestamp: 0)
        #expect(result.families.count == 19)
        #expect(result.samples.count == 92)
        #expect(result.family(named: "shop_http_requests_created")?.type == .gauge)
        #expect(result.value("shop_http_requests_total", ["code": "200", "method": "GET"]) == 124)
    }

    @Test func truncatedOpenMetricsCaptureImportsNothing() throws {
        var bytes = try fixture("python-client-0.16.0.om")
        bytes.removeLast("# EOF\n".utf8.count)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        #expect(errorDescription { () throws(ParseError) in try OpenMetricsParser().parse(bytes, defaultTimestamp: 0) }
            == "\(lines):1: missing # EOF at the end of the input")
    }

    @Test func openMetricsCaptureIsNotPrometheusTextAndViceVersa() throws {
        // OpenMetrics writes an exemplar (`# {...}`) after a value, where 0.0.4 allows only
        // an integer timestamp.
        let openMetrics = try fixture("python-client-0.16.0.om")
        #expect(errorDescription { () throws(ParseError) in try PrometheusTextParser().parse(openMetrics, defaultTimestamp: 0) }
            == "43:57: invalid timestamp; expected integer milliseconds")
        // In 0.0.4 a counter's family name keeps its _total; OpenMetrics strips it.
        let text = try fixture("node-exporter-1.5.0.prom")
        #expect(errorDescription { () throws(ParseError) in try OpenMetricsParser().parse(text, defaultTimestamp: 0) }
            == "21:1: counter sample names must end with one of _total, _created")
    }
}
