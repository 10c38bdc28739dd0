import EcotopCore
import Synchronization

/// Reads the dashboard's series from a Prometheus HTTP API (or Thanos, Mimir,
/// VictoriaMetrics): the `SeriesSource` of `--source prometheus`. docs/scale-out.md
/// ("Reading from Prometheus") describes the PromQL it sends.
///
/// Reads are batched per metric: the first read of a metric's range fetches every series of
/// the metric, every aggregation and each bucket's newest sample time in one `query_range`
/// (`BucketGrid`), and the refresh's other reads of that metric (its labelled series, the
/// range statistics, the newest value, the value at the start of the range) are answered
/// from it. The series of every metric named in `metrics` are listed with one `/api/v1/series`
/// request. So a refresh costs one request per metric plus one, up to `concurrentReads` of
/// them at once. `requestCount` counts what was sent.
public final class PrometheusSource: SeriesSource {
    /// Prometheus refuses a range query of more points per series than this.
    public static let maximumPoints = 11_000
    /// How far back a one-bucket read (the anomaly detector's current value) fetches at the
    /// same step: a week of seasonal baseline and its half-hour margins, read by the
    /// detector next.
    static let baselineSpan: Double = 8 * 86_400
    /// How many grids are kept; older ones are dropped first.
    static let keptGrids = 256

    private let client: PrometheusClient
    private let expressions: [String: String]
    /// The metrics whose series are listed together (the catalog's, read by name).
    private let listedTogether: [String]
    private let seriesLifetime: Duration
    private let state = Mutex(State())
    private let listing = Mutex(())

    private struct State {
        var grids: [BucketGrid] = []
        var seriesKeys: [String: (read: ContinuousClock.Instant, keys: [SeriesKey])] = [:]
        /// Per metric, whether its listing of series kept `job` and `instance` (`SeriesIdentity`).
        var keepsScrapeLabels: [String: Bool] = [:]
        /// How many grids were kept so far (the last one's id).
        var gridsKept = 0
    }

    /// A source reading through `client`; `expressions` maps metric ids to configured
    /// `promql:` expressions; the series of `metrics` (the catalog's ids) are listed in one
    /// request. A metric's list of series is asked again after `seriesLifetime` seconds (a
    /// refresh reads it once).
    public init(client: PrometheusClient, expressions: [String: String] = [:], metrics: [String] = [], seriesLifetime: Double = 10) {
        self.client = client
        self.expressions = expressions
        self.listedTogether = metrics.filter { expressions[$0] == nil }
        self.seriesLifetime = .milliseconds(Int64(seriesLifetime * 1000))
    }

    /// How many requests were sent so far.
    public var requestCount: Int { client.requestCount }

    /// How many metrics a dashboard reads at once: their requests are independent, and much of
    /// a read is waiting for the server. Three rather than more: each request in flight costs
    /// the client CPU in FoundationNetworking's event handling while it waits (a first frame
    /// over a local Prometheus took 218 ms of client CPU at 24h with six at once, 155 with
    /// three, 137 with two), and a server on the same cores gains nothing from more.
    public var concurrentReads: Int { 3 }

    public func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) throws -> [SeriesPoint] {
        guard to > from, buckets > 0 else { return [] }
        let count = min(buckets, Self.maximumPoints)
        let step = (to - from) / Double(count)
        if let answer = cached({ $0.points(of: key, to: to, step: step, buckets: count, aggregation: aggregation) }, metric: key.name) {
            return answer
        }
        // A one-bucket read reaches back over the baseline, for the reads of that aggregation to come.
        let reach = count == 1 ? min(Double(Self.maximumPoints), (Self.baselineSpan / step).rounded(.up)) : Double(count)
        let grid = try fetchGrid(
            of: key.name, step: step, firstEnd: to - (reach - 1) * step, end: to,
            aggregations: count == 1 ? [aggregation] : Aggregation.allCases)
        return grid.points(of: key, to: to, step: step, buckets: count, aggregation: aggregation) ?? []
    }

    public func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint? {
        guard lookback > 0 else { return nil }
        var fetched = false
        while true {
            // A grid that knows the newest sample's time goes before one that would read it.
            let known = cached({ grid -> SeriesPoint?? in
                guard case .point(let point)? = grid.latest(of: key, at: time, lookback: lookback) else { return nil }
                return point
            }, metric: key.name)
            if let known { return known }
            switch cached({ grid in grid.latest(of: key, at: time, lookback: lookback).map { (grid, $0) } }, metric: key.name) {
            case (_, .point(let point))?: return point
            case (let grid, .needsSampleTimes(let bucket))?: try readSampleTimes(of: grid, bucket: bucket)
            case nil:
                guard !fetched else { return nil }
                _ = try fetchLatest(of: key.name, at: time, lookback: lookback)
                fetched = true
            }
        }
    }

    public func seriesKeys(named name: String) throws -> [SeriesKey] {
        guard expressions[name] == nil else { return [SeriesKey(name: name)] }
        // One listing at a time, so metrics read at once wait for the one request that lists them all.
        return try listing.withLock { _ throws(any Error) in try listSeriesKeys(named: name) }
    }

    /// The keys of `name`, listed with `listedTogether` unless listed less than `seriesLifetime` ago.
    private func listSeriesKeys(named name: String) throws -> [SeriesKey] {
        let now = ContinuousClock.now
        if let known = state.withLock({ $0.seriesKeys[name] }), now - known.read < seriesLifetime { return known.keys }
        let names = listedTogether.contains(name) ? listedTogether : [name]
        guard case .labelSets(let sets) = try client.get("series", names.map { ("match[]", PrometheusName.of($0)) }) else {
            throw PrometheusError("GET \(client.endpoint.url)/api/v1/series: expected a list of label sets")
        }
        var byName: [String: [[String: String]]] = [:]
        for set in sets { byName[set["__name__"] ?? "", default: []].append(set) }
        var listed: [String: (keys: [SeriesKey], keepsScrapeLabels: Bool)] = [:]
        for listedName in names {
            listed[listedName] = SeriesIdentity.keys(of: byName[PrometheusName.of(listedName)] ?? [], name: listedName)
        }
        state.withLock { state in
            for (listedName, identity) in listed {
                state.seriesKeys[listedName] = (now, Array(Set(identity.keys)).sorted())
                state.keepsScrapeLabels[listedName] = identity.keepsScrapeLabels
            }
        }
        return listed[name].map { Array(Set($0.keys)).sorted() } ?? []
    }

    /// Every sample of every series of metric `name` in `[from, to]`, as stored (one instant
    /// query of a range selector), for `ecotop query` without `--step`.
    public func rawPoints(named name: String, from: Double, to: Double) throws -> [(key: SeriesKey, points: [SeriesPoint])] {
        guard to >= from else { return [] }
        let query = PromQL(metric: name, override: expressions[name])
        let data = try client.get("query", [("query", query.range(to - from)), ("time", PromQL.time(to))])
        let series = try PrometheusSeries.read(data, what: "reading \(name) from \(client.endpoint.url)")
        let keys = identity(of: series, metric: name).keys
        return zip(keys, series).map { ($0, $1.samples) }.sorted { $0.key < $1.key }
    }

    // MARK: - Reading and keeping grids

    /// The first answer a kept grid of `metric` gives, newest grid first.
    private func cached<T>(_ answer: (BucketGrid) -> T?, metric: String) -> T? {
        state.withLock { state in
            for grid in state.grids.reversed() where grid.metric == metric {
                if let found = answer(grid) { return found }
            }
            return nil
        }
    }

    /// Reads the buckets of `step` seconds ending at `firstEnd`...`end` with one `query_range`,
    /// with the newest sample times of the newest bucket and of the middle one: where a
    /// dashboard's read of a range and the period before it asks for the newest value and the
    /// value at the start of the range.
    private func fetchGrid(
        of metric: String, step: Double, firstEnd: Double, end: Double, aggregations: [Aggregation]
    ) throws -> BucketGrid {
        let query = PromQL(metric: metric, override: expressions[metric])
        let count = Int(((end - firstEnd) / step).rounded()) + 1
        let middle = end - Double(count / 2) * step
        let data = try client.get("query_range", [
            ("query", query.buckets(of: step, aggregations: aggregations, halfOpen: true, newestTimesAt: middle < end ? [end, middle] : [end])),
            ("start", PromQL.time(firstEnd)),
            ("end", PromQL.time(end)), ("step", PromQL.time(step)),
        ])
        return try keep(data, query: query, step: step, firstEnd: firstEnd, end: end, aggregations: Set(aggregations), halfOpen: true)
    }

    /// Reads the newest sample time of every series of `grid` in one bucket from its raw
    /// samples (one instant query of the bucket's range) and files them in the kept grid.
    private func readSampleTimes(of grid: BucketGrid, bucket: Int) throws {
        let query = PromQL(metric: grid.metric, override: expressions[grid.metric])
        let end = grid.end - Double(bucket) * grid.step
        let data = try client.get("query", [("query", query.range(grid.step, halfOpen: grid.halfOpen)), ("time", PromQL.time(end))])
        let series = try PrometheusSeries.read(data, what: "reading \(grid.metric) from \(client.endpoint.url)")
        let keys = identity(of: series, metric: grid.metric).keys
        state.withLock { state in
            guard let kept = state.grids.firstIndex(where: { $0.id == grid.id }) else { return }
            state.grids[kept].sampleTimesRead.insert(bucket)
            for (key, entry) in zip(keys, series) {
                guard let newest = entry.samples.last?.timestamp, state.grids[kept].buckets[key]?[bucket] != nil else { continue }
                state.grids[kept].buckets[key]?[bucket]?.newest = newest
            }
        }
    }

    /// Reads the newest value and sample time of every series of `metric` in
    /// `(time - lookback, time]` with one instant query: a grid of one bucket.
    private func fetchLatest(of metric: String, at time: Double, lookback: Double) throws -> BucketGrid {
        let query = PromQL(metric: metric, override: expressions[metric])
        let data = try client.get("query", [("query", query.buckets(of: lookback, aggregations: [.last])), ("time", PromQL.time(time))])
        return try keep(data, query: query, step: lookback, firstEnd: time, end: time, aggregations: [.last], halfOpen: false)
    }

    /// Files a query's result under its grid and keeps the grid.
    private func keep(
        _ data: PrometheusData, query: PromQL, step: Double, firstEnd: Double, end: Double, aggregations: Set<Aggregation>, halfOpen: Bool
    ) throws -> BucketGrid {
        let what = "reading \(query.metric) from \(client.endpoint.url)"
        let series = try PrometheusSeries.read(data, what: what)
        var keys = identity(of: series, metric: query.metric).keys
        if query.override != nil {
            let distinct = Set(keys).count
            guard distinct <= 1 else {
                throw PrometheusError("\(what): the promql: expression of \(query.metric) gives \(distinct) series; aggregate it to one, e.g. sum(...)")
            }
            keys = keys.map { _ in SeriesKey(name: query.metric) }
        }
        var grid = BucketGrid(
            metric: query.metric, step: step, end: end, firstEnd: firstEnd, aggregations: aggregations, buckets: [:], halfOpen: halfOpen)
        for (key, entry) in zip(keys, series) {
            let part = entry.labels[PromQL.valueLabel]
            let aggregation = part.flatMap(Aggregation.init(rawValue:))
            for sample in entry.samples {
                let index = Int(((end - sample.timestamp) / step).rounded())
                if part == PromQL.timeValue {
                    // A selector's time `@` an end is the newest sample's before that end, in whichever bucket holds it.
                    let holding = halfOpen && query.override == nil ? grid.index(ofBucketHolding: sample.value) : index
                    guard let holding else { continue }
                    grid.buckets[key, default: [:]][holding, default: BucketGrid.BucketValues()].newest = sample.value
                } else if let aggregation {
                    grid.buckets[key, default: [:]][index, default: BucketGrid.BucketValues()].values[aggregation] = sample.value
                }
            }
        }
        if aggregations.contains(.avg) { grid.averageSumsOverCounts() }
        state.withLock { state in
            state.gridsKept += 1
            grid.id = state.gridsKept
            state.grids.append(grid)
            if state.grids.count > Self.keptGrids { state.grids.removeFirst(state.grids.count - Self.keptGrids) }
        }
        return grid
    }

    /// The keys of a query's series, with or without scrape labels as the metric's listing
    /// decided, so that they match the keys the listing gave.
    private func identity(of series: [PrometheusSeries], metric: String) -> (keys: [SeriesKey], keepsScrapeLabels: Bool) {
        SeriesIdentity.keys(
            of: series.map(\.labels), name: metric, ignoring: [PromQL.valueLabel],
            keepingScrapeLabels: state.withLock { $0.keepsScrapeLabels[metric] })
    }
}
