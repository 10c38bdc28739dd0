import EcotopCore
import Testing
@testable import EcotopExporter

/// The layout and one scrape's families together, as `MetricsEndpoint` builds them.
@Suite struct CollectedFamiliesTests {
    private func CollectedFamilies(latest: [Sample], catalog: MetricCatalog, own: [ExposedFamily]) -> EcotopExporter.CollectedFamilies {
        let layout = ExpositionLayout(keys: latest.map(\.key), catalog: catalog, claimed: Set(own.flatMap(\.claimedNames)))
        let points = latest.map { SeriesPoint(timestamp: $0.timestamp, value: $0.value) }
        return EcotopExporter.CollectedFamilies(layout: layout, points: points, own: own)
    }

    private func sample(_ name: String, _ labels: [String: String] = [:], _ value: Double = 1, at time: Double = 1_000) -> Sample {
        Sample(key: SeriesKey(name: name, labels: labels), timestamp: time, value: value)
    }

    private func family(_ name: String, in families: CollectedFamilies) -> ExposedFamily? {
        families.families.first { $0.name == name }
    }

    private func dropped(_ reason: String, in families: CollectedFamilies) -> Double? {
        family("ecotop_exposition_dropped_series", in: families)?.samples.first { $0.labels == [SeriesKey.Label("reason", reason)] }?.value
    }

    @Test func mapsNamesByTheRuleAndTakesHelpAndGaugeFromTheCatalog() throws {
        let families = CollectedFamilies(
            latest: [sample("usage.transactions", ["shop.region": "eu"], 412, at: 1_764_245_100.5)], catalog: .standard, own: [])
        let exposed = try #require(family("usage_transactions", in: families))
        #expect(exposed.kind == .gauge)
        #expect(exposed.help.hasPrefix("Transaction volume through ecosystem channels (per_minute, Ecotop metric usage.transactions). Orders"))
        #expect(exposed.samples == [ExposedSample(labels: [SeriesKey.Label("shop_region", "eu")], value: 412, timestamp: 1_764_245_100.5)])
        #expect(dropped("name_clash", in: families) == 0)
    }

    @Test func aSeriesTheCatalogDoesNotKnowIsUnknownWithAHelpNamingIt() throws {
        let exposed = try #require(family("shop_refunds", in: CollectedFamilies(latest: [sample("shop.refunds")], catalog: .standard, own: [])))
        #expect(exposed.kind == .unknown)
        #expect(exposed.help == "Collected by Ecotop as shop.refunds; not in its metric catalog.")
    }

    @Test func aCatalogCounterIsACounterOnlyWhenItsNameEndsInTotal() {
        let definition = MetricCatalog.standard.metrics[0]
        func counter(_ id: MetricID) -> MetricDefinition {
            var counter = definition
            counter.id = id
            counter.isCounter = true
            return counter
        }
        let catalog = MetricCatalog(metrics: [counter("shop.orders_total"), counter("shop.orders_placed")])
        let families = CollectedFamilies(latest: [sample("shop.orders_total"), sample("shop.orders_placed")], catalog: catalog, own: [])
        #expect(family("shop_orders_total", in: families)?.kind == .counter)
        #expect(family("shop_orders_placed", in: families)?.kind == .unknown)
    }

    @Test func twoSeriesMeetingOnOneNameAndLabelsKeepTheFirstByKeyAndCountTheOther() throws {
        let latest = [sample("a_b", ["x": "1"], 2), sample("a.b", ["x": "1"], 1), sample("a.b", ["x": "2"], 3)]
        for order in [latest, latest.reversed()] {
            let families = CollectedFamilies(latest: order, catalog: .standard, own: [])
            let exposed = try #require(family("a_b", in: families))
            #expect(exposed.samples.map(\.value) == [1, 3])  // "a.b" sorts before "a_b"
            #expect(dropped("name_clash", in: families) == 1)
        }
    }

    @Test func aSeriesWhoseLabelNamesMeetOnceMappedIsLeftOutAndCounted() {
        let families = CollectedFamilies(latest: [sample("m", ["a.b": "1", "a_b": "2"]), sample("m", ["c": "3"])], catalog: .standard, own: [])
        #expect(family("m", in: families)?.samples.map(\.labels) == [[SeriesKey.Label("c", "3")]])
        #expect(dropped("name_clash", in: families) == 1)
    }

    @Test func aFamilyClaimingANameOfACounterInOpenMetricsClashes() {
        let own = [ExposedFamily(name: "ecotop_collector_records_total", help: "h", kind: .counter, samples: [ExposedSample(value: 1)])]
        let latest = [sample("ecotop.collector_records"), sample("ecotop_collector_records_created", ["a": "1"]), sample("ecotop_collector_up")]
        let families = CollectedFamilies(latest: latest, catalog: .standard, own: own)
        #expect(families.families.map(\.name) == [
            "ecotop_collector_records_total", "ecotop_collector_up", "ecotop_exposition_dropped_series",
        ])
        #expect(family("ecotop_collector_records_total", in: families)?.samples == own[0].samples)
        #expect(dropped("name_clash", in: families) == 2)
    }

    @Test func ownFamiliesWinOverCollectedSeriesOfTheSameName() {
        let own = [ExposedFamily(name: "ecotop_store_size_bytes", help: "h", kind: .gauge, samples: [ExposedSample(value: 10)])]
        let families = CollectedFamilies(latest: [sample("ecotop.store_size_bytes", [:], 99)], catalog: .standard, own: own)
        #expect(family("ecotop_store_size_bytes", in: families)?.samples.map(\.value) == [10])
        #expect(dropped("name_clash", in: families) == 1)
    }

    @Test func aCounterValueNoScraperTakesAsATotalIsLeftOutAndCounted() {
        var definition = MetricCatalog.standard.metrics[0]
        definition.id = "orders_total"
        definition.isCounter = true
        let latest = [sample("orders_total", ["s": "a"], .nan), sample("orders_total", ["s": "b"], -1), sample("orders_total", ["s": "c"], 5)]
        let families = CollectedFamilies(latest: latest, catalog: MetricCatalog(metrics: [definition]), own: [])
        #expect(family("orders_total", in: families)?.samples.map(\.value) == [5])
        #expect(dropped("invalid_counter_value", in: families) == 2)
    }

    @Test func familiesComeInNameOrderWhateverOrderTheSamplesCameIn() {
        let latest = [sample("zeta"), sample("alpha", ["b": "2"]), sample("alpha", ["b": "1"]), sample("mid")]
        let names = CollectedFamilies(latest: latest, catalog: .standard, own: []).families.map(\.name)
        #expect(names == ["alpha", "ecotop_exposition_dropped_series", "mid", "zeta"])
        let alpha = CollectedFamilies(latest: latest.shuffled(), catalog: .standard, own: []).families[0]
        #expect(alpha.samples.map(\.labels) == [[SeriesKey.Label("b", "1")], [SeriesKey.Label("b", "2")]])
    }
}
