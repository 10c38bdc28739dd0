import EcotopCollectors
import EcotopCore
@testable import EcotopPrometheus
import EcotopTestSupport
import Testing

/// `PrometheusSource` against a real Prometheus preloaded with `KnownSeries`.
@Suite(.enabled(if: PrometheusServer.missing == nil, "\(PrometheusServer.missing ?? "")"), .serialized)
struct PrometheusSourceTests {
    static func source(_ url: String, expressions: [String: String] = [:], metrics: [String] = []) -> PrometheusSource {
        PrometheusSource(
            client: PrometheusClient(endpoint: HTTPEndpoint(url: SecretTemplate(url), timeout: 10), environment: [:]),
            expressions: expressions, metrics: metrics)
    }

    @Test func everyAggregationMatchesTheValuesComputedByHand() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url)
        // Whole minutes, a time that is not one, and buckets whose boundaries fall on samples.
        let ranges = [
            (KnownSeries.end - 7_200, KnownSeries.end, 12), (KnownSeries.end - 7_217.25, KnownSeries.end - 17.25, 7),
            (KnownSeries.start + 30, KnownSeries.start + 30 + 1_800, 30),
        ]
        for (from, to, buckets) in ranges {
            for key in [KnownSeries.crm, KnownSeries.shop] {
                for aggregation in Aggregation.allCases {
                    let points = try source.points(of: key, from: from, to: to, buckets: buckets, aggregation: aggregation)
                    Self.expectClose(points, KnownSeries.expected(key, from: from, to: to, buckets: buckets, aggregation: aggregation))
                }
            }
        }
    }

    @Test func oneRequestAnswersEveryAggregationSeriesAndLatestValueOfAMetric() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url)
        let to = KnownSeries.end, from = to - 7_200
        _ = try source.points(of: KnownSeries.crm, from: from, to: to, buckets: 120, aggregation: .avg)
        #expect(source.requestCount == 1)
        let shop = try source.points(of: KnownSeries.shop, from: from + 3_600, to: to, buckets: 60, aggregation: .max)
        let newest = try source.latest(of: KnownSeries.shop, at: to, lookback: 3_600)
        let atStart = try source.latest(of: KnownSeries.crm, at: to - 3_600, lookback: 300)
        #expect(source.requestCount == 1, "later reads of the same metric and grid are answered from the first")
        #expect(shop == KnownSeries.expected(KnownSeries.shop, from: from + 3_600, to: to, buckets: 60, aggregation: .max))
        #expect(newest == KnownSeries.points(of: KnownSeries.shop).last)
        #expect(atStart == KnownSeries.points(of: KnownSeries.crm).last { $0.timestamp <= to - 3_600 })
    }

    @Test func latestFindsTheNewestSampleOrNothing() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url)
        let points = KnownSeries.points(of: KnownSeries.crm)
        #expect(try source.latest(of: KnownSeries.crm, at: KnownSeries.end + 1_000, lookback: 3_600) == points.last)
        for middle in [KnownSeries.start + 3_600 + 45, KnownSeries.start + 3_600 + 30, KnownSeries.start + 3_617.125] {
            #expect(try source.latest(of: KnownSeries.crm, at: middle, lookback: 600) == points.last { $0.timestamp <= middle })
        }
        // On the grid of a range read at a time that is not a whole minute.
        let time = KnownSeries.end - 1_234.5
        _ = try source.points(of: KnownSeries.crm, from: time - 7_200, to: time, buckets: 120, aggregation: .avg)
        let requests = source.requestCount
        #expect(try source.latest(of: KnownSeries.crm, at: time, lookback: 3_600) == points.last { $0.timestamp <= time })
        #expect(try source.latest(of: KnownSeries.crm, at: time - 3_600, lookback: 300) == points.last { $0.timestamp <= time - 3_600 })
        #expect(source.requestCount == requests)
        #expect(try source.latest(of: KnownSeries.crm, at: KnownSeries.end + 7_200, lookback: 3_600) == nil)
    }

    @Test func theNewestValuesOfARangeAreKnownWhenItsNewestBucketsAreEmpty() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url)
        let points = KnownSeries.points(of: KnownSeries.crm)
        // The data ends 30 s before `end`: the two newest buckets of each half are empty.
        let time = KnownSeries.end + 150, start = time - 3_600
        _ = try source.points(of: KnownSeries.crm, from: start - 3_600, to: time, buckets: 120, aggregation: .avg)
        #expect(try source.latest(of: KnownSeries.crm, at: time, lookback: 3_600) == points.last)
        #expect(try source.latest(of: KnownSeries.crm, at: start, lookback: 300) == points.last { $0.timestamp < start })
        #expect(source.requestCount == 1, "the newest sample times before both ends came with the range")
        // The anomaly detector's read of the current value makes a newer grid that reaches back over the start.
        _ = try source.points(of: KnownSeries.crm, from: time - 300, to: time, buckets: 1, aggregation: .last)
        #expect(try source.latest(of: KnownSeries.crm, at: start, lookback: 300) == points.last { $0.timestamp < start })
        #expect(source.requestCount == 2, "the range's grid, which knows the time at the start, answers")
    }

    @Test func scrapeLabelsStayOutOfSeriesKeysUnlessTheyTellSeriesApart() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url)
        #expect(try source.seriesKeys(named: "usage.transaction_volume") == [KnownSeries.crm, KnownSeries.shop])
        #expect(try source.seriesKeys(named: "participation.active_partners") == [SeriesKey(name: "participation.active_partners")])
        #expect(try source.seriesKeys(named: "value.revenue") == [KnownSeries.siteA, KnownSeries.siteB])
        let newest = try source.latest(of: SeriesKey(name: "participation.active_partners"), at: KnownSeries.end, lookback: 600)
        #expect(newest == KnownSeries.points(of: KnownSeries.scraped).last)
        #expect(try source.seriesKeys(named: "usage.no_such_metric") == [])
    }

    @Test func aRangeWithOneOfTheListedInstancesKeepsTheListedKeys() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url)
        #expect(try source.seriesKeys(named: KnownSeries.movedTo.name) == [KnownSeries.movedTo, KnownSeries.movedFrom])
        let from = KnownSeries.end - 3_600, to = KnownSeries.end
        let points = try source.points(of: KnownSeries.movedTo, from: from, to: to, buckets: 6, aggregation: .avg)
        #expect(!points.isEmpty)
        Self.expectClose(points, KnownSeries.expected(KnownSeries.movedTo, from: from, to: to, buckets: 6, aggregation: .avg))
    }

    /// Expects the same timestamps and values equal but for rounding (Prometheus sums in
    /// another order).
    static func expectClose(_ points: [SeriesPoint], _ expected: [SeriesPoint], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(points.map(\.timestamp) == expected.map(\.timestamp), sourceLocation: sourceLocation)
        for (point, wanted) in zip(points, expected) {
            #expect(abs(point.value - wanted.value) < 1e-9 * max(1, abs(wanted.value)), "at \(point.timestamp)", sourceLocation: sourceLocation)
        }
    }

    @Test func aPromQLExpressionReplacesTheSelector() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url, expressions: ["usage.transaction_volume": "sum(usage_transaction_volume)"])
        let key = SeriesKey(name: "usage.transaction_volume")
        #expect(try source.seriesKeys(named: key.name) == [key])
        let newest = try #require(try source.latest(of: key, at: KnownSeries.end, lookback: 600))
        let crm = KnownSeries.points(of: KnownSeries.crm).last!, shop = KnownSeries.points(of: KnownSeries.shop).last!
        #expect(abs(newest.value - (crm.value + shop.value)) < 1e-9)
        #expect(abs(newest.timestamp - crm.timestamp) <= 60, "a computed series' time is exact to the subquery step")
    }

    @Test func aPromQLExpressionIsReadOverARangeOfBuckets() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = Self.source(server.url, expressions: ["usage.transaction_volume": "sum(usage_transaction_volume)"])
        let key = SeriesKey(name: "usage.transaction_volume")
        let to = KnownSeries.end - 3_600, from = to - 3_600
        let points = try source.points(of: key, from: from, to: to, buckets: 6, aggregation: .last)
        let crm = KnownSeries.expected(KnownSeries.crm, from: from, to: to, buckets: 6, aggregation: .last)
        let shop = KnownSeries.expected(KnownSeries.shop, from: from, to: to, buckets: 6, aggregation: .last)
        Self.expectClose(points, zip(crm, shop).map { SeriesPoint(timestamp: $0.timestamp, value: $0.value + $1.value) })
        let newest = try #require(try source.latest(of: key, at: to, lookback: 600))
        #expect(abs(newest.value - (crm.last!.value + shop.last!.value)) < 1e-9)
    }
}
