import EcotopCore
import Testing
@testable import EcotopCollectors

/// An `exec` or `daemon` plugin's Influx line whose timestamp no store can hold loses only
/// its own samples: they are counted as rejected with where and why, and the other lines
/// reach the sink instead of failing the whole collection there.
@Suite struct PluginInfluxSkipTests {
    @Test func samplesOutsideTheStoresTimesAreRejectedAndTheRestKept() {
        var decoder = PluginOutputDecoder(collector: "orders", format: .auto, limits: PluginLimits(), defaultTimestamp: 1_700_000_000)
        let output = "shop orders=3i 1700000000000000000\nshop orders=4i,refunds=1i -5000000000\nshop orders=5i\n"
        Array(output.utf8).withUnsafeBytes { decoder.consume($0) }
        let result = decoder.finish()
        #expect(result.samples.map(\.value) == [3, 5])
        #expect(result.rejected == 2)
        #expect(result.problems == [
            "orders:2:27: skipped shop.orders: timestamp -5.0 is outside 1970-01-01 to 2100-01-01, the times the store keeps",
            "orders:2:27: skipped shop.refunds: timestamp -5.0 is outside 1970-01-01 to 2100-01-01, the times the store keeps",
        ])
    }
}
