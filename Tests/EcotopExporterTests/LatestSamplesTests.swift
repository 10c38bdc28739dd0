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
        let table = latest.table
        #expect(table.keys == [eu, us])
        #expect(table.points == [SeriesPoint(timestamp: 20, value: 3), SeriesPoint(timestamp: 10, value: 5)])
    }

    @Test func theGenerationChangesOnlyWhenASeriesIsAdded() {
        let latest = LatestSamples()
        latest.record([Sample(key: SeriesKey(name: "a"), timestamp: 1, value: 1)])
        let first = latest.table.generation
        latest.record([Sample(key: SeriesKey(name: "a"), timestamp: 2, value: 2)])
        #expect(latest.table.generation == first)
        latest.record([Sample(key: SeriesKey(name: "b"), timestamp: 2, value: 2)])
        #expect(latest.table.generation != first)
    }
}
