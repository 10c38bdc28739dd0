import EcotopCollectors
import EcotopCore
import Testing

@Suite struct DemoSeriesSourceTests {
    static let now = 1_795_754_811.0
    let source = DemoSeriesSource(simulator: DemoSimulator(seed: 42))
    let transactions = SeriesKey(name: "usage.transactions")

    @Test(arguments: [(TimeRange.fifteenMinutes, 30), (.oneHour, 60), (.oneDay, 48), (.thirtyDays, 120)])
    func givesOnePointPerBucketEndingAtTheRangesEnd(range: TimeRange, buckets: Int) {
        let from = Self.now - range.seconds
        let points = source.points(of: transactions, from: from, to: Self.now, buckets: buckets, aggregation: .avg)
        #expect(points.count == buckets)
        #expect(points.last?.timestamp == Self.now)
        let width = range.seconds / Double(buckets)
        #expect(points.first.map { abs($0.timestamp - (from + width)) < 1e-6 } == true)
        #expect(zip(points, points.dropFirst()).allSatisfy { abs($1.timestamp - $0.timestamp - width) < 1e-6 })
    }

    @Test func bucketsNarrowerThanTheSampleIntervalHoldOnlyTheGridSamples() {
        let points = source.points(of: transactions, from: Self.now - 60, to: Self.now, buckets: 200, aggregation: .avg)
        #expect(points.count == 6, "one sample every 10 s over a minute")
        for point in points {
            let sample = (point.timestamp / 10).rounded(.down) * 10
            #expect(point.value == source.simulator.value(of: "usage.transactions", at: sample))
        }
    }

    @Test func aggregationsOfOneBucketAreOrdered() throws {
        let from = Self.now - 3_600
        let value = { (aggregation: Aggregation) in
            try #require(self.source.points(of: self.transactions, from: from, to: Self.now, buckets: 1, aggregation: aggregation).first?.value)
        }
        #expect(try value(.min) < value(.avg))
        #expect(try value(.avg) < value(.max))
        #expect(try value(.count) == 6, "an hour-long bucket takes a sample every 10 minutes")
        let newest = (Self.now / 600).rounded(.down) * 600
        #expect(try value(.last) == source.simulator.value(of: "usage.transactions", at: newest))
    }

    @Test func latestIsTheNewestGridSample() throws {
        let latest = try #require(source.latest(of: transactions, at: Self.now + 0.7, lookback: 60))
        #expect(latest.timestamp == 1_795_754_810)
        #expect(latest.value == source.simulator.value(of: "usage.transactions", at: latest.timestamp))
    }

    @Test func historyStaysPutBetweenTwoGridTimes() {
        let start = 1_795_754_801.0
        let values = { (end: Double) in
            self.source.points(of: self.transactions, from: end - 3_600, to: end, buckets: 60, aggregation: .avg).map(\.value)
        }
        #expect(values(start) == values(start + 8), "the clock moved within one 10 s sample interval")
        #expect(source.latest(of: transactions, at: start, lookback: 60) == source.latest(of: transactions, at: start + 8, lookback: 60))
    }

    @Test func unknownSeriesEmptyRangesAndZeroBucketsGiveNothing() {
        let labelled = SeriesKey(name: "usage.transactions", labels: ["integration": "storefront->stripe"])
        #expect(source.points(of: SeriesKey(name: "usage.unknown"), from: 0, to: 3_600, buckets: 10, aggregation: .avg).isEmpty)
        #expect(source.points(of: labelled, from: 0, to: 3_600, buckets: 10, aggregation: .avg).isEmpty)
        #expect(source.points(of: transactions, from: 3_600, to: 3_600, buckets: 10, aggregation: .avg).isEmpty)
        #expect(source.points(of: transactions, from: 0, to: 3_600, buckets: 0, aggregation: .avg).isEmpty)
        #expect(source.latest(of: labelled, at: Self.now, lookback: 60) == nil)
        #expect(source.latest(of: SeriesKey(name: "usage.unknown"), at: Self.now, lookback: 60) == nil)
    }
}
