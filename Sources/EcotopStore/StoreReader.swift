#if canImport(Glibc)
import Glibc
#endif
import EcotopCore
import Synchronization

/// Reads a store without taking its lock: readers never block the writer, and see only
/// complete lines.
///
/// It is the store's `SeriesSource`: range queries read the coarsest rollup tier whose step still
/// gives the number of buckets asked for, so a 30-day view reads hourly buckets, never raw points.
public final class StoreReader: SeriesSource {
    public let layout: StoreLayout
    public let manifest: StoreManifest
    private let catalogCache = Mutex<(size: Int, keys: [SeriesKey?], ids: [SeriesKey: UInt32])>((-1, [], [:]))
    private let damage = Mutex(0)
    private let listings = Mutex<[String: (stamp: (Int64, Int64), segments: [(start: Int64, path: String)])]>([:])
    private let cache: SegmentCache?

    /// Opens the store at `layout`; fails when there is none.
    ///
    /// - Parameter keepsParsedSegments: keep parsed segments between queries and parse only
    ///   what was appended since, for a reader that asks again and again (the dashboard). A
    ///   one-shot reader (`ecotop query`) streams instead and keeps nothing.
    public init(layout: StoreLayout, keepsParsedSegments: Bool = false) throws {
        self.layout = layout
        cache = keepsParsedSegments ? SegmentCache() : nil
        try layout.checkRoot()
        guard let manifest = try StoreManifest.load(from: layout.manifest) else {
            throw StoreError(.invalidRequest, path: layout.root,
                "no ecotop store here (no manifest.json); write one with `ecotop ingest` or `ecotop demo backfill`")
        }
        try layout.checkDirectories(manifest.ladder)
        self.manifest = manifest
    }

    /// Unreadable lines skipped by the queries of this reader so far (damaged catalog lines
    /// count each time the catalog is read).
    public var damagedLinesSkipped: Int { damage.withLock { $0 } }

    // MARK: - Series

    /// The series of the store by id, reloaded when `series.jsonl` has grown.
    public func seriesKeys() throws -> [SeriesKey?] {
        try catalog().keys
    }

    /// Every label set recorded under a metric name, sorted; what the dashboard combines into
    /// the metric's value.
    public func seriesKeys(named name: String) throws -> [SeriesKey] {
        try seriesKeys().compactMap { $0?.name == name ? $0 : nil }.sorted()
    }

    private func catalog() throws -> (keys: [SeriesKey?], ids: [SeriesKey: UInt32]) {
        let size = StoreFileSystem.size(of: layout.catalog) ?? 0
        if let cached = catalogCache.withLock({ $0.size == size ? ($0.keys, $0.ids) : nil }) { return cached }
        let (catalog, damaged) = try SeriesCatalog.load(from: layout.catalog)
        recordDamagedLines(damaged.count)
        let keys = catalog.keys
        var ids: [SeriesKey: UInt32] = [:]
        for (id, key) in keys.enumerated() { if let key { ids[key] = UInt32(id) } }
        catalogCache.withLock { $0 = (size, keys, ids) }
        return (keys, ids)
    }

    /// The id of `key`, nil when the store has never seen it.
    public func existingID(of key: SeriesKey) throws -> UInt32? {
        try catalog().ids[key]
    }

    /// The ids and keys of the series `selector` picks, sorted by key.
    public func series(matching selector: SeriesSelector) throws -> [(id: UInt32, key: SeriesKey)] {
        try seriesKeys().enumerated().compactMap { id, key in
            guard let key, selector.matches(key) else { return nil }
            return (UInt32(id), key)
        }.sorted { $0.key < $1.key }
    }

    // MARK: - Scanning

    /// Where a range query reads from.
    public enum Resolution: Sendable, Equatable {
        case raw
        case tier(RollupTier)
    }

    /// The coarsest resolution whose step is at most `bucketSeconds`, so a query gets at least
    /// the points it asks for; raw when no tier is fine enough. A tier with no segment in the
    /// range is passed over for the next finer one that has data, then coarser ones.
    public func resolution(bucketSeconds: Double, from: Double, to: Double) -> Resolution {
        let fitting = manifest.ladder.tiers.filter { Double($0.step) <= bucketSeconds }
        let candidates: [Resolution] = fitting.reversed().map { .tier($0) } + [.raw]
            + manifest.ladder.tiers.filter { Double($0.step) > bucketSeconds }.map { .tier($0) }
        return candidates.first { hasSegments($0, from: from, to: to) } ?? candidates[0]
    }

    private func hasSegments(_ resolution: Resolution, from: Double, to: Double) -> Bool {
        let (directory, length) = location(of: resolution)
        return !segments(in: directory, length: length, from: Self.milliseconds(from, .down) / 1000, to: Self.milliseconds(to, .up) / 1000).isEmpty
    }

    /// Seconds as whole milliseconds, rounded by `rule`. Times beyond ±2^52 ms (about 142,000
    /// years) are clamped and NaN is 0, so that no conversion of a caller's time, nor a
    /// difference of two of them, can overflow.
    static func milliseconds(_ seconds: Double, _ rule: FloatingPointRoundingRule) -> Int64 {
        let limit = Double(Int64(1) << 52)
        let milliseconds = (seconds * 1000).rounded(rule)
        return milliseconds.isNaN ? 0 : Int64(Swift.min(Swift.max(milliseconds, -limit), limit))
    }

    private func location(of resolution: Resolution) -> (String, Int64) {
        switch resolution {
        case .raw: (layout.rawDirectory, manifest.ladder.rawSegmentSeconds)
        case .tier(let tier): (layout.tierDirectory(tier), tier.segmentSeconds)
        }
    }

    private func segments(in directory: String, length: Int64, from: Int64, to: Int64) -> [String] {
        listing(of: directory).filter { $0.start + length > from && $0.start <= to }.map(\.path)
    }

    /// The segments of a directory, listed again only when the directory's modification time
    /// changed (a segment was created, replaced or removed): one `stat` instead of a `readdir`
    /// per query.
    ///
    /// File-system times are coarse (a kernel tick), so a file created in the same tick as a
    /// listing would leave the time unchanged: a listing is trusted only once the directory's
    /// time is more than a second in the past. This compares file-system times with the real
    /// time, which is why it reads the system clock rather than an injected one.
    private func listing(of directory: String) -> [(start: Int64, path: String)] {
        var info = stat()
        guard stat(directory, &info) == 0 else { return [] }
        let stamp = (Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
        if let cached = listings.withLock({ $0[directory] }), cached.stamp == stamp { return cached.segments }
        let segments = StoreLayout.segments(in: directory)
        let settled = SystemWallClock().now() - Double(stamp.0) > 1
        listings.withLock { $0[directory] = settled ? (stamp, segments) : nil }
        return segments
    }

    /// Changes when a series is added or raw points are appended to the newest raw segment
    /// (where live data goes) or a new segment is created: the catalog's size, the raw
    /// directory's listing and the newest segment's size, for two `stat`s. Writes to older
    /// segments (a backfill) are not seen here; callers rebuild at some age anyway.
    public func revision(at time: Double) -> Int? {
        var hasher = Hasher()
        hasher.combine(StoreFileSystem.size(of: layout.catalog) ?? -1)
        let segments = listing(of: layout.rawDirectory)
        hasher.combine(segments.count)
        if let newest = segments.max(by: { $0.start < $1.start }) {
            hasher.combine(newest.path)
            hasher.combine(StoreFileSystem.size(of: newest.path) ?? -1)
        }
        return hasher.finalize()
    }

    /// Calls `visit` with every raw point of the series `selected` (indexed by id) with a time in
    /// `from...to` (milliseconds), file by file in time order, each file in append order.
    func scanRaw(
        selected: [Bool], from: Int64, to: Int64, _ visit: (_ series: Int, _ time: Int64, _ value: Double) -> Void
    ) throws {
        try scanRaw(selected: selected, from: from, to: to, newestFirst: false) { series, time, value in
            visit(series, time, value)
            return false
        }
    }

    /// Like `scanRaw`, optionally from the newest segment back; stops after the first segment
    /// in which `visit` returned true (a segment's points all lie in its window, so for
    /// "latest" the newest segment with a match is enough). `segmentEnded` is called after
    /// each segment's points.
    func scanRaw(
        selected: [Bool], from: Int64, to: Int64, newestFirst: Bool, segmentEnded: () -> Void = {},
        _ visit: (_ series: Int, _ time: Int64, _ value: Double) -> Bool
    ) throws {
        var scan = SegmentScan(cache: cache)
        defer { recordDamage(scan) }
        let paths = segments(in: layout.rawDirectory, length: manifest.ladder.rawSegmentSeconds, from: from / 1000, to: to / 1000)
        for path in newestFirst ? paths.reversed() : paths {
            var done = false
            try scan.forEach(in: path, requiring: .raw, selected: selected) { line in
                let series = Int(line.series)
                guard series < selected.count, selected[series], line.time >= from, line.time <= to else { return }
                if visit(series, line.time, line.value) { done = true }
            }
            segmentEnded()
            if done { return }
        }
    }

    /// Calls `visit` with every rollup bucket (possibly partial) of `tier` for the series
    /// `selected` whose start is in `from...to` (milliseconds).
    func scanTier(
        _ tier: RollupTier, selected: [Bool], from: Int64, to: Int64, _ visit: (_ series: Int, _ bucket: RollupBucket) -> Void
    ) throws {
        var scan = SegmentScan(cache: cache)
        defer { recordDamage(scan) }
        for path in segments(in: layout.tierDirectory(tier), length: tier.segmentSeconds, from: from / 1000, to: to / 1000) {
            try scan.forEach(in: path, requiring: .rollup, selected: selected) { line in
                let series = Int(line.series)
                guard series < selected.count, selected[series], line.time >= from, line.time <= to else { return }
                visit(series, RollupBucket(line))
            }
        }
    }

    private func recordDamage(_ scan: SegmentScan) {
        recordDamagedLines(scan.damagedLines)
    }

    func recordDamagedLines(_ count: Int) {
        if count > 0 { damage.withLock { $0 += count } }
    }
}
