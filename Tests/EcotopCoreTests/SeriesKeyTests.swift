import EcotopCore
import Testing

@Suite struct SeriesKeyTests {
    @Test func labelsAreSortedSoKeysCompareEqualWhateverTheOrder() {
        let first = SeriesKey(name: "usage.transactions", labels: ["region": "eu", "channel": "web"])
        let second = SeriesKey(name: "usage.transactions", labels: ["channel": "web", "region": "eu"])
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first.labels.map(\.name) == ["channel", "region"])
    }

    @Test func descriptionIsPrometheusStyleWithEscapedValues() {
        let key = SeriesKey(name: "errors", labels: ["b": "say \"hi\"\n", "a": "back\\slash"])
        #expect(key.description == #"errors{a="back\\slash",b="say \"hi\"\n"}"#)
        #expect(SeriesKey(name: "plain").description == "plain")
    }

    @Test func labelSubscriptFindsValues() {
        let key = SeriesKey(name: "m", labels: ["integration": "storefront->stripe"])
        #expect(key[label: "integration"] == "storefront->stripe")
        #expect(key[label: "missing"] == nil)
    }

    @Test func keysOrderByNameThenLabels() {
        let keys = [
            SeriesKey(name: "b"), SeriesKey(name: "a", labels: ["x": "2"]), SeriesKey(name: "a", labels: ["x": "1"]),
            SeriesKey(name: "a"),
        ]
        #expect(keys.sorted().map(\.description) == ["a", #"a{x="1"}"#, #"a{x="2"}"#, "b"])
    }
}
