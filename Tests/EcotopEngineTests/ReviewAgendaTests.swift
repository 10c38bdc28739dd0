import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing

/// Scorecards and the review agenda over a store and events built by hand, whose answers are
/// known: a week's period ending at `end` and the week before it.
@Suite struct ReviewAgendaTests {
    let end = 1_800_000_000.0
    let day = 86_400.0
    let period = ReviewPeriod(days: 7)!

    var ecosystem: Ecosystem {
        Ecosystem(
            name: "shop",
            components: [
                Component(id: "shop", name: "Shop", kind: .storefront, role: .hub, cost: ComponentCost(amount: 100)),
                Component(id: "crm", name: "CRM", kind: .crm, role: .hub, cost: ComponentCost(amount: 12_000, per: .year)),
                Component(id: "pay", name: "Pay", kind: .payments, role: .endpoint),
                Component(id: "lonely", name: "Lonely", kind: .other, role: .endpoint, cost: ComponentCost(amount: 50)),
                Component(id: "rent", name: "Rent", kind: .partnerApp, role: .endpoint),
            ],
            integrations: [
                Integration(from: "shop", to: "pay", transport: .api, isCritical: true),
                Integration(from: "shop", to: "crm", transport: .api, isCritical: false),
                Integration(from: "shop", to: "rent", transport: .webhook, isCritical: false),
            ],
            partners: [])
    }

    /// Revenue of shop: 500 in the week before, 800 in the week; of crm: 200, only this week.
    /// Transactions of rent: 10 before its integration was first seen (three days before the
    /// end), 30 after.
    var source: RecordedSeriesSource {
        let revenue = "value.ecosystem_revenue", transactions = "usage.transactions"
        return RecordedSeriesSource([
            SeriesKey(name: revenue, labels: ["component": "shop"]): [
                SeriesPoint(timestamp: end - 10 * day, value: 500), SeriesPoint(timestamp: end - day, value: 800),
            ],
            SeriesKey(name: revenue, labels: ["component": "crm"]): [SeriesPoint(timestamp: end - day, value: 200)],
            SeriesKey(name: transactions, labels: ["component": "rent"]): stride(from: end - 6.5 * day, to: end, by: day / 2).map {
                SeriesPoint(timestamp: $0, value: $0 <= end - 3 * day ? 10 : 30)
            },
        ])
    }

    /// shop->pay: 30 errors among 60 attempts this week, 40 deliveries the week before;
    /// shop->crm: deliveries both weeks; shop->rent: first seen three days before the end.
    var events: RecordedEvents {
        var events: [IntegrationEvent] = []
        for index in 0..<30 {
            let time = end - 6 * day + Double(index) * 600
            events.append(IntegrationEvent(timestamp: time, kind: .error, integration: "shop->pay", code: "502", message: "bad gateway \(index)"))
            events.append(IntegrationEvent(timestamp: time + 1, kind: .delivery, integration: "shop->pay", code: "200", message: "ok"))
        }
        for index in 0..<40 {
            events.append(IntegrationEvent(timestamp: end - 10 * day + Double(index), kind: .delivery, integration: "shop->pay", code: "200", message: "ok"))
        }
        events.append(IntegrationEvent(timestamp: end - 10 * day, kind: .delivery, integration: "shop->crm", code: "200", message: "ok"))
        events.append(IntegrationEvent(timestamp: end - 2 * day, kind: .delivery, integration: "shop->crm", code: "200", message: "ok"))
        events.append(IntegrationEvent(timestamp: end - 3 * day, kind: .delivery, integration: "shop->rent", code: "200", message: "ok"))
        return RecordedEvents(events: events)
    }

    func evidence(freshness: DataFreshness? = nil, previousEvents: Bool = true) throws -> ReviewEvidence {
        let stale = SeriesKey(name: "usage.transactions", labels: ["component": "rent"])
        var events = events
        if !previousEvents { events.events.removeAll { $0.timestamp < end - period.seconds } }
        return try ReviewEvidence.read(
            ecosystem: ecosystem, catalog: .standard, source: source, events: events, end: end, period: period,
            freshness: freshness ?? DataFreshness(newest: [stale: end - day], at: end), agreements: [], summaries: [])
    }

    @Test func scorecardsCountConnectionsValueCostAndFailures() throws {
        let cards = Dictionary(uniqueKeysWithValues: ComponentScorecard.scorecards(try evidence()).map { ($0.id, $0) })
        let shop = try #require(cards["shop"]), crm = try #require(cards["crm"]), pay = try #require(cards["pay"])
        #expect((shop.degree, shop.criticalEdges) == (3, 1))
        #expect((shop.value, shop.previousValue) == (800, 500))
        #expect((shop.valuePerCost, shop.previousValuePerCost) == (8, 5))
        #expect((crm.value, crm.previousValue) == (200, nil), "the week before has no crm revenue: n/a, not 0")
        #expect(crm.monthlyCost == 1_000)
        #expect(crm.valuePerCost == 0.2)
        #expect((pay.failures, pay.previousFailures) == (30, 0))
        #expect(pay.unhealthyIntegrations.map(\.id) == ["shop->pay"])
        #expect(cards["rent"]?.staleSources.map(\.key.name) == ["usage.transactions"])
        #expect(cards["lonely"]?.degree == 0)
    }

    @Test func theAgendaListsEachProblemBySeverity() throws {
        let agenda = ReviewAgenda(evidence: try evidence())
        #expect(agenda.items.map(\.id) == [
            "degraded_integration:shop->pay",
            "stale_source:usage.transactions{component=\"rent\"}",
            "retirement_candidate:lonely",
            "retirement_candidate:crm",
            "new_integration:shop->rent",
        ])
        let degraded = agenda.items[0]
        #expect(degraded.figures.first { $0.name == "failures" }.map { [$0.current, $0.previous] } == [30, 0])
        #expect(degraded.figures.first { $0.name == "failure rate" }?.current == 50)
        #expect(degraded.errorGroups == ["502  bad gateway <num>  ×30"])
        #expect(degraded.chart.reduce(0, +) == 30)
        let effect = try #require(agenda.items[4].figures.first { $0.name == "rent Transactions" })
        #expect((effect.previous, effect.current) == (10, 30), "transactions before and after the integration was first seen")
    }

    @Test func withoutThePeriodBeforeItsFiguresAreUnknownAndNothingIsNew() throws {
        let agenda = ReviewAgenda(evidence: try evidence(previousEvents: false))
        let degraded = try #require(agenda.items.first { $0.kind == .degradedIntegration })
        #expect(degraded.figures.first { $0.name == "failures" }?.previous == nil)
        #expect(!agenda.items.contains { $0.kind == .newIntegration }, "without earlier events nothing can be called new")
    }

    @Test func periodsAreWrittenInDaysOrWeeks() {
        #expect(ReviewPeriod(label: "30d")?.days == 30)
        #expect(ReviewPeriod(label: "2w")?.days == 14)
        #expect(ReviewPeriod(label: "90d")?.seconds == 7_776_000)
        for bad in ["", "d", "0d", "-3d", "30", "1y", "400d"] { #expect(ReviewPeriod(label: bad) == nil, "\(bad)") }
    }

    @Test func aLongPeriodJudgesIntegrationsByItsLastWeek() throws {
        let month = ReviewPeriod(days: 30)!
        let evidence = try ReviewEvidence.read(
            ecosystem: ecosystem, catalog: .standard, source: source, events: events, end: end, period: month,
            freshness: DataFreshness(newest: [:], at: end), agreements: [], summaries: [])
        #expect(evidence.eventWindow == 7 * day)
        #expect(evidence.integrations.first { $0.id == "shop->pay" }?.failures == 30)
        #expect(evidence.previousIntegrations.first { $0.id == "shop->pay" }?.attempts == 40, "the week before the last")
        let degraded = try #require(ReviewAgenda(evidence: evidence).items.first)
        #expect(degraded.reason.hasSuffix("over the period's last 7 days"))
    }

    @Test func aBreachedAgreementIsADivergenceAndAKeptOneIsNot() throws {
        let agreements = RecordedSeriesSource([
            SeriesKey(name: "crm.customers"): [SeriesPoint(timestamp: end - 60, value: 1_000)],
            SeriesKey(name: "analytics.customers"): [SeriesPoint(timestamp: end - 60, value: 900)],
        ])
        let checks = try [0.05, 0.2].map { allowed in
            try AgreementCheck(
                agreement: SourceAgreement(
                    name: "customers \(allowed)", reference: SeriesSelector(name: "crm.customers"),
                    compared: SeriesSelector(name: "analytics.customers"), tolerance: .relative(allowed)),
                source: agreements, at: end, lookback: day)
        }
        var evidence = try evidence()
        evidence.agreements = checks
        let divergences = ReviewAgenda(evidence: evidence).items.filter { $0.kind == .divergence }
        #expect(divergences.map(\.subject) == ["customers 0.05"])
        #expect(divergences.first?.severity == 60)
        #expect(divergences.first?.figures.map(\.current) == [1_000, 900, 10])
    }
}
