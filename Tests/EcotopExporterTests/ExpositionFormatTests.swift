import Testing
@testable import EcotopExporter

@Suite struct ExpositionFormatTests {
    @Test(arguments: [
        // What Prometheus 2.42 sends when it scrapes.
        ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
         ExpositionFormat.openMetrics(version: "1.0.0")),
        ("application/openmetrics-text; version=0.0.1", .openMetrics(version: "0.0.1")),
        ("application/openmetrics-text", .openMetrics(version: "1.0.0")),
        ("Application/OpenMetrics-Text; Version=\"1.0.0\"", .openMetrics(version: "1.0.0")),
        ("text/plain;version=0.0.4;q=0.9,application/openmetrics-text;q=0.5", .prometheusText),
        ("text/plain;q=0.2,application/openmetrics-text;version=1.0.0;q=0.3", .openMetrics(version: "1.0.0")),
        ("application/openmetrics-text;version=2.0.0,text/plain", .prometheusText),
        ("application/openmetrics-text;q=0,text/plain", .prometheusText),
        ("application/json", .prometheusText),
        ("*/*", .prometheusText),
        ("", .prometheusText),
    ])
    func choosesAsClientGolangDoes(accept: String, expected: ExpositionFormat) {
        #expect(ExpositionFormat.negotiated(accept: accept) == expected)
    }

    @Test func noAcceptHeaderGetsTheTextFormat() {
        #expect(ExpositionFormat.negotiated(accept: nil) == .prometheusText)
    }

    @Test func contentTypesNameTheFormatAndVersion() {
        #expect(ExpositionFormat.prometheusText.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(ExpositionFormat.openMetrics(version: "1.0.0").contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
    }
}
