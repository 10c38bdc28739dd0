import EcotopCore
import EcotopTestSupport
import Testing

@testable import EcotopEngine

@Suite("Staleness and data freshness")
struct StalenessTests {
    private let clock = FixedWallClock(1_795_200_000)
    private let orders = SeriesKey(name: "usage.transactions", labels: ["channel": "web"])
    private let crm = SeriesKey(name: "participation.connected_sources")
    private let survey = SeriesKey(name: "qualitative.partner_satisfaction")

    @Test("stale after N missed expected intervals; per series beats per metric beats default")
    func limits() {
        let policy = StalenessPolicy(
            defaultInterval: 60, missedIntervals: 5, intervals: [orders: 10],
            metricIntervals: ["usage.transactions": 30, "qualitative.partner_satisfaction": 3_600])
        #expect(policy.limit(for: orders) == 50)
        #expect(policy.limit(for: SeriesKey(name: "usage.transactions")) == 150)
        #expect(policy.limit(for: survey) == 18_000)
        #expect(policy.limit(for: crm) == 300)
        #expect(policy.defaultLimit == 300)
        let now = clock.now()
        #expect(!policy.isStale(crm, newest: now - 300, at: now))  // exactly at the limit: still fresh
        #expect(policy.isStale(crm, newest: now - 301, at: now))
        #expect(policy.isStale(orders, newest: now - 51, at: now))
        #expect(!policy.isStale(survey, newest: now - 7_200, at: now))  // two missed hourly surveys are fine
    }

    @Test("freshness lists every source's age, stalest first, and the share that is fresh")
    func freshness() throws {
        let now = clock.now()
        let policy = StalenessPolicy(metricIntervals: ["qualitative.partner_satisfaction": 3_600])
        let freshness = DataFreshness(newest: [orders: now - 20, crm: now - 900, survey: now - 4_000], at: now, policy: policy)
        #expect(freshness.entries.map(\.key) == [survey, crm, orders])
        #expect(freshness.entries.map(\.age) == [4_000, 900, 20])
        #expect(freshness.entries.map(\.isFresh) == [true, false, true])
        #expect(freshness.freshShare == 2.0 / 3)
        #expect(freshness.staleEntries.map(\.key) == [crm])
        #expect(freshness.oldestAge == 4_000)
        #expect(freshness.medianAge == 900)
    }

    @Test("a source that never delivered counts as stale and sorts first")
    func neverDelivered() {
        let now = clock.now()
        let freshness = DataFreshness(newest: [orders: now - 5, crm: nil], at: now)
        #expect(freshness.entries.first?.key == crm)
        #expect(freshness.entries.first?.age == nil)
        #expect(freshness.freshShare == 0.5)
        #expect(freshness.oldestAge == 5)
        #expect(DataFreshness(newest: [:], at: now).freshShare == nil)
    }

    @Test("freshness read through a series source, with the clock injected")
    func fromSource() throws {
        let now = clock.now()
        let source = RecordedSeriesSource([
            orders: [SeriesPoint(timestamp: now - 100, value: 1), SeriesPoint(timestamp: now - 40, value: 2)],
            crm: [SeriesPoint(timestamp: now - 1_000, value: 30)],
        ])
        let freshness = try DataFreshness(keys: [orders, crm, survey], source: source, at: now, lookback: 86_400)
        #expect(freshness.entries.map(\.key) == [survey, crm, orders])
        #expect(freshness.entries.map(\.newest) == [nil, now - 1_000, now - 40])
        // Later, by the same clock moved on, the orders series is stale as well.
        let later = FixedWallClock(now + 600).now()
        let afterwards = try DataFreshness(keys: [orders, crm], source: source, at: later, lookback: 86_400)
        #expect(afterwards.freshShare == 0)
    }
}
