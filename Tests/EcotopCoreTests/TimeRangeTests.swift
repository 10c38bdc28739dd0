import EcotopCore
import Testing

@Suite struct TimeRangeTests {
    @Test func labelsAndLengthsMatchTheHeader() {
        #expect(TimeRange.allCases.map(\.label) == ["15m", "1h", "6h", "24h", "7d", "30d"])
        #expect(TimeRange.allCases.map(\.seconds) == [900, 3_600, 21_600, 86_400, 604_800, 2_592_000])
    }

    @Test func steppingStopsAtBothEnds() {
        #expect(TimeRange.fifteenMinutes.shorter == .fifteenMinutes)
        #expect(TimeRange.fifteenMinutes.longer == .oneHour)
        #expect(TimeRange.thirtyDays.longer == .thirtyDays)
        #expect(TimeRange.thirtyDays.shorter == .sevenDays)
    }

    @Test func rangesOrderByLength() {
        #expect(TimeRange.allCases.sorted() == TimeRange.allCases)
        #expect(TimeRange.allCases.map(\.seconds) == TimeRange.allCases.map(\.seconds).sorted())
    }

    @Test func parsesItsOwnLabelsAndOneDay() {
        for range in TimeRange.allCases { #expect(TimeRange(label: range.label) == range) }
        #expect(TimeRange(label: "1d") == .oneDay)
        #expect(TimeRange(label: "2h") == nil)
        #expect(TimeRange(label: "1H") == nil)
    }
}
