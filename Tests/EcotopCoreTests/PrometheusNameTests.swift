import EcotopCore
import Testing

@Suite struct PrometheusNameTests {
    @Test func catalogIdsBecomeUnderscoredNames() {
        #expect(PrometheusName.of("usage.transaction_volume") == "usage_transaction_volume")
        #expect(PrometheusName.of("value.cross-sell:rate") == "value_cross_sell_rate")
    }

    @Test func validNamesAreTheirOwnImage() {
        #expect(PrometheusName.of("http_requests_total") == "http_requests_total")
        #expect(PrometheusName.isValid("go_gc_duration_seconds"))
        #expect(!PrometheusName.isValid("usage.transactions"))
    }

    @Test func leadingDigitsAndEmptyNamesGetAnUnderscore() {
        #expect(PrometheusName.of("5xx_rate") == "_5xx_rate")
        #expect(PrometheusName.of("") == "_")
    }

    @Test func eachNonAsciiCharacterBecomesOneUnderscore() {
        #expect(PrometheusName.of("café.visits") == "caf__visits")
    }
}
