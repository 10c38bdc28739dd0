import EcotopCore
import Foundation

/// Hand-built series for the tests over a real Prometheus: one sample a minute, half a minute
/// past each minute (never on a bucket boundary), for four hours ending an hour before the
/// current hour, with values that vary from minute to minute.
enum KnownSeries {
    /// The end of the data: samples lie in `(end - 4 h, end)`.
    static let end = (Date().timeIntervalSince1970 / 3600).rounded(.down) * 3600 - 3600
    static let start = end - 4 * 3600

    static let crm = SeriesKey(name: "usage.transaction_volume", labels: ["component": "crm"])
    static let shop = SeriesKey(name: "usage.transaction_volume", labels: ["component": "shop"])
    /// One site's series as Prometheus scraped it: `job` and `instance` tell nothing apart.
    static let scraped = SeriesKey(name: "participation.active_partners", labels: ["job": "ecotop", "instance": "site-a:9464"])
    /// The same series scraped from two sites: `instance` tells them apart.
    static let siteA = SeriesKey(name: "value.revenue", labels: ["job": "ecotop", "instance": "site-a:9464"])
    static let siteB = SeriesKey(name: "value.revenue", labels: ["job": "ecotop", "instance": "site-b:9464"])

    /// A series that moved from one instance to another after the first hour.
    static let movedFrom = SeriesKey(name: "qualitative.partner_sentiment", labels: ["job": "ecotop", "instance": "old:9464"])
    static let movedTo = SeriesKey(name: "qualitative.partner_sentiment", labels: ["job": "ecotop", "instance": "new:9464"])

    /// The samples of `key`; each series has values of its own.
    static func points(of key: SeriesKey) -> [SeriesPoint] {
        let offset = Double(abs(key.description.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) }) % 500)
        let span: Range<Double> = key == movedFrom ? start..<start + 3_600 : key == movedTo ? start + 3_600..<end : start..<end
        return stride(from: start + 30, to: end, by: 60).enumerated().compactMap { index, time in
            span.contains(time) ? SeriesPoint(timestamp: time, value: offset + Double((index * 37) % 101) + 0.25) : nil
        }
    }

    static let all: [(key: SeriesKey, points: [SeriesPoint])] = [crm, shop, scraped, siteA, siteB, movedFrom, movedTo].map {
        ($0, points(of: $0))
    }

    /// `points(of:)` combined by hand into `buckets` buckets of `[from, to)` as the store cuts
    /// them (each bucket holds its start, not its end), each point at its bucket's end, empty
    /// buckets left out.
    static func expected(_ key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) -> [SeriesPoint] {
        let width = (to - from) / Double(buckets)
        return (0..<buckets).compactMap { bucket in
            let low = from + Double(bucket) * width, high = from + Double(bucket + 1) * width
            var aggregator = BucketAggregator(aggregation)
            for point in points(of: key) where point.timestamp >= low && point.timestamp < high { aggregator.add(point.value) }
            return aggregator.result.map { SeriesPoint(timestamp: high, value: $0) }
        }
    }
}
