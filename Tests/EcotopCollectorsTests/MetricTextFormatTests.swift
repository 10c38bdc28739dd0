import EcotopCollectors
import Testing

@Suite struct MetricTextFormatTests {
    @Test(arguments: [
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", MetricTextFormat.openMetrics),
        ("text/plain; version=0.0.4; charset=utf-8", .prometheus),
        ("Text/Plain", .prometheus),
    ])
    func contentTypeNamesTheFormat(contentType: String, format: MetricTextFormat) {
        #expect(MetricTextFormat(contentType: contentType) == format)
    }

    @Test func unknownContentTypeHasNoFormat() {
        #expect(MetricTextFormat(contentType: "application/json") == nil)
    }

    @Test func eachFormatNamesItsParser() throws {
        #expect(MetricTextFormat.influx.parser is InfluxLineParser)
        #expect(MetricTextFormat(rawValue: "openmetrics")?.parser is OpenMetricsParser)
        let result = try MetricTextFormat.prometheus.parser.parse("m 1\n".utf8, defaultTimestamp: 0)
        #expect(result.samples.count == 1)
    }
}
