import EcotopCore
import Testing

@Suite struct BucketAggregatorTests {
    @Test(arguments: [
        (Aggregation.avg, 2.5), (.sum, 10), (.min, 1), (.max, 4), (.last, 2), (.count, 4),
    ])
    func combinesValuesByAggregation(aggregation: Aggregation, expected: Double) {
        var aggregator = BucketAggregator(aggregation)
        for value in [3.0, 1, 4, 2] { aggregator.add(value) }
        #expect(aggregator.result == expected)
    }

    @Test func hasNoResultBeforeAnyValue() {
        for aggregation in Aggregation.allCases {
            #expect(BucketAggregator(aggregation).result == nil, "\(aggregation)")
        }
    }

    @Test func minAndMaxHandleNegativeValues() {
        var low = BucketAggregator(.min), high = BucketAggregator(.max)
        for value in [-3.0, -7, -1] {
            low.add(value)
            high.add(value)
        }
        #expect(low.result == -7)
        #expect(high.result == -1)
    }
}
