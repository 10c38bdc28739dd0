import EcotopCore

/// Bucketed range queries over many series at once: the engine behind `ecotop query` and the
/// reader's `SeriesSource` conformance.
public struct RangeQuery: Sendable {
    /// The series ids to read.
    public var series: [UInt32]
    /// Seconds since the epoch, both ends included.
    public var from: Double
    public var to: Double
    /// How many evenly spaced buckets `from...to` is cut into.
    public var buckets: Int
    public var resolution: StoreReader.Resolution

    public init(series: [UInt32], from: Double, to: Double, buckets: Int, resolution: StoreReader.Resolution) {
        self.series = series
        self.from = from
        self.to = to
        self.buckets = max(1, buckets)
        self.resolution = resolution
    }

    /// The width of one bucket in seconds.
    public var bucketSeconds: Double { (to - from) / Double(buckets) }

    /// The most buckets (over all series) one query may ask for: each takes memory while the
    /// query runs, about 64 bytes.
    public static let maximumBuckets = 10_000_000
}

/// One bucket of a range query's result.
public struct QueryBucket: Sendable, Equatable {
    /// The end of the bucket, in seconds since the epoch.
    public var end: Double
    public var count: Int64
    public var sum: Double
    public var min: Double
    public var max: Double
    public var last: Double

    /// The bucket's value under `aggregation`.
    public func value(_ aggregation: Aggregation) -> Double {
        switch aggregation {
        case .avg: sum / Double(count)
        case .sum: sum
        case .min: min
        case .max: max
        case .last: last
        case .count: Double(count)
        }
    }
}

extension StoreReader {
    /// The non-empty buckets of each series of `query`, in the order of `query.series`.
    public func run(_ query: RangeQuery) throws -> [[QueryBucket]] {
        let (cells, overflow) = query.series.count.multipliedReportingOverflow(by: query.buckets)
        guard !overflow, cells <= RangeQuery.maximumBuckets else {
            throw StoreError(.invalidRequest,
                "a query of \(query.series.count) series in \(query.buckets) buckets each is too large (at most \(RangeQuery.maximumBuckets) buckets in all); ask for a longer step or fewer series")
        }
        guard query.from.isFinite, query.to.isFinite else {
            throw StoreError(.invalidRequest, "a query needs finite times, not \(query.from)...\(query.to)")
        }
        let (slotOfSeries, selected) = try selection(query.series)
        let from = Self.milliseconds(query.from, .up)
        let to = Self.milliseconds(query.to, .down)
        let bucketMilliseconds = Swift.max(query.bucketSeconds * 1000, 1)
        let buckets = query.buckets
        var accumulators = [RollupBucket?](repeating: nil, count: query.series.count * buckets)
        @inline(__always) func index(series: Int, time: Int64) -> Int {
            slotOfSeries[series] * buckets + Swift.min(Int(Double(time - from) / bucketMilliseconds), buckets - 1)
        }
        switch query.resolution {
        case .raw:
            try scanRaw(selected: selected, from: from, to: to) { series, time, value in
                let slot = index(series: series, time: time)
                if accumulators[slot] == nil {
                    accumulators[slot] = RollupBucket(start: 0, time: time, value: value)
                } else {
                    accumulators[slot]!.add(time: time, value: value)
                }
            }
        case .tier(let tier):
            try scanTier(tier, selected: selected, from: from - from % (tier.step * 1000), to: to) { series, bucket in
                let slot = index(series: series, time: Swift.max(bucket.start, from))
                if accumulators[slot] == nil { accumulators[slot] = bucket } else { accumulators[slot]!.merge(bucket) }
            }
        }
        return (0..<query.series.count).map { slot in
            (0..<buckets).compactMap { bucket in
                accumulators[slot * buckets + bucket].map {
                    QueryBucket(
                        end: query.from + Double(bucket + 1) * query.bucketSeconds, count: $0.count, sum: $0.sum,
                        min: $0.min, max: $0.max, last: $0.last)
                }
            }
        }
    }

    /// The raw points of each series in `from...to`, sorted by time (equal times in append order).
    public func rawPoints(series: [UInt32], from: Double, to: Double) throws -> [[SeriesPoint]] {
        var points = [[SeriesPoint]](repeating: [], count: series.count)
        try forEachRawPoint(series: series, from: from, to: to) { slot, point in points[slot].append(point) }
        return points
    }

    /// Calls `visit` with every raw point of `series` in `from...to` and its series' position in
    /// `series`, sorted by time (equal times in append order). Only one segment's points are
    /// held at a time, so a range of any length is read in the memory of its largest segment.
    public func forEachRawPoint(series: [UInt32], from: Double, to: Double, _ visit: (_ slot: Int, _ point: SeriesPoint) -> Void) throws {
        let (slotOfSeries, selected) = try selection(series)
        var segment: [(slot: Int, point: SeriesPoint)] = []
        // A segment's points all lie in its window and the segments come in time order, so
        // sorting each segment sorts the whole range.
        let flush = {
            for entry in segment.enumerated().sorted(by: { ($0.element.point.timestamp, $0.offset) < ($1.element.point.timestamp, $1.offset) }) {
                visit(entry.element.slot, entry.element.point)
            }
            segment.removeAll(keepingCapacity: true)
        }
        try scanRaw(
            selected: selected, from: Self.milliseconds(from, .up), to: Self.milliseconds(to, .down), newestFirst: false, segmentEnded: flush
        ) { id, time, value in
            segment.append((slotOfSeries[id], SeriesPoint(timestamp: Double(time) / 1000, value: value)))
            return false
        }
    }

    /// For the series ids of a query: each id's position in `ids` (or -1), and whether it is
    /// selected, both indexed by id so the scan loop looks them up without hashing.
    private func selection(_ ids: [UInt32]) throws -> (slots: [Int], selected: [Bool]) {
        let count = try seriesKeys().count
        var slots = [Int](repeating: -1, count: count)
        var selected = [Bool](repeating: false, count: count)
        for (slot, id) in ids.enumerated() where Int(id) < count {
            slots[Int(id)] = slot
            selected[Int(id)] = true
        }
        return (slots, selected)
    }

    // MARK: - SeriesSource

    public func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) throws -> [SeriesPoint] {
        guard let id = try existingID(of: key), to >= from else { return [] }
        let bucketSeconds = (to - from) / Double(Swift.max(buckets, 1))
        let query = RangeQuery(
            series: [id], from: from, to: to, buckets: buckets,
            resolution: resolution(bucketSeconds: bucketSeconds, from: from, to: to))
        return try run(query)[0].map { SeriesPoint(timestamp: $0.end, value: $0.value(aggregation)) }
    }

    public func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint? {
        guard let id = try existingID(of: key) else { return nil }
        let selected = try selection([id]).selected
        let from = Self.milliseconds(time - lookback, .up)
        let to = Self.milliseconds(time, .down)
        var best: (time: Int64, value: Double)?
        try scanRaw(selected: selected, from: from, to: to, newestFirst: true) { _, pointTime, value in
            if pointTime >= best?.time ?? .min { best = (pointTime, value) }
            return true
        }
        if best == nil, let tier = manifest.ladder.tiers.first {
            try scanTier(tier, selected: selected, from: from - from % (tier.step * 1000), to: to) { _, bucket in
                if bucket.lastTime <= to, bucket.lastTime >= from, bucket.lastTime >= best?.time ?? .min {
                    best = (bucket.lastTime, bucket.last)
                }
            }
        }
        return best.map { SeriesPoint(timestamp: Double($0.time) / 1000, value: $0.value) }
    }

}
