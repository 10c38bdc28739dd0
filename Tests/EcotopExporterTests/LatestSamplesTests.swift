import EcotopCore
import Testing
@testable import EcotopExporter

@Suite struct LatestSamplesTests {
    @Test func keepsTheNewestSampleOfEachSeriesEvenWhenOlderOnesComeLater() {
        let latest = LatestSamples()
        let eu = SeriesKey(name: "m", labels: ["shop": "eu"]), us = SeriesKey(name: "m", labels: ["shop": "us"])
        latest.record([Sample(key: eu, timestamp: 10, value: 1), Sample(key: us, timestamp: 10, value: 2)])
        latest.record([Sample(key: eu, timestamp: 20, value: 3)])
        latest.record([Sample(key: eu, timestamp: 15, value: 4), Sample(key: us, timestamp: 10, value: 5)])
        #expect(Set(latest.snapshot) == [Sample(key: eu, timestamp: 20, value: 3), Sample(key: us, timestamp: 10, value: 5)])
    }
}
