import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore

/// `ecotop query`: reads series from the store.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Read series from the store.",
        discussion: """
            Without --step and --agg it prints raw points. --agg alone aggregates the whole range \
            into one point per series; with --step it prints one aggregated point per step, read \
            from the coarsest rollup tier whose step fits (unless --raw). Times take RFC 3339, \
            unix seconds, or relative times such as -30d, -15m and now.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var sourceOptions: SourceOptions

    @Option(help: ArgumentHelp(
        "A metric name with optional label matchers (=, !=, =~, !~), e.g. usage.transactions{integration=\"stripe\"}.",
        valueName: "selector"))
    var series: String

    @Option(parsing: .unconditional, help: "The start of the range (-30d, unix seconds, RFC 3339).")
    var from = "-1h"

    @Option(parsing: .unconditional, help: "The end of the range.")
    var to = "now"

    @Option(help: ArgumentHelp("One aggregated point per step, e.g. 5m or 1h.", valueName: "duration"))
    var step: String?

    @Option(help: "How points inside a step combine (default avg when --step is given).")
    var agg: Aggregation?

    @Flag(help: "Read raw points only, never rollups.")
    var raw = false

    @Option(help: "The output format.")
    var format: QueryOutputFormat = .jsonl

    func run() throws {
        if let reading = try sourceOptions.prometheus() { return try runOverPrometheus(reading) }
        try reportingStoreErrors {
            let reader = try StoreReader(layout: storeOptions.layout)
            let (start, end) = try range()
            let selected = try reader.series(matching: querySelector())
            var output = QueryOutput(format: format)
            if step == nil, agg == nil {
                let points = try reader.rawPoints(series: selected.map(\.id), from: start, to: end)
                for (index, entry) in selected.enumerated() {
                    for point in points[index] { output.write(key: entry.key, point: point) }
                }
            } else {
                let stepSeconds = try step.map(TimeExpression.duration) ?? (end - start)
                guard stepSeconds > 0 else { throw StoreError(.invalidRequest, "--step must be positive") }
                let bucketCount = ((end - start) / stepSeconds).rounded(.up)
                guard bucketCount <= 10_000_000 else {
                    throw StoreError(.invalidRequest, "--step \(step ?? "") makes \(Int64(min(bucketCount, 9e18))) points per series; use a longer step")
                }
                let buckets = Swift.max(1, Int(bucketCount))
                let resolution = raw ? .raw : reader.resolution(bucketSeconds: stepSeconds, from: start, to: end)
                let query = RangeQuery(series: selected.map(\.id), from: start, to: start + Double(buckets) * stepSeconds,
                    buckets: buckets, resolution: resolution)
                let aggregation = agg ?? .avg
                for (index, buckets) in try reader.run(query).enumerated() {
                    for bucket in buckets {
                        output.write(key: selected[index].key, point: SeriesPoint(timestamp: bucket.end, value: bucket.value(aggregation)))
                    }
                }
            }
            output.finish()
            if reader.damagedLinesSkipped > 0 {
                printError("ecotop: warning: skipped \(reader.damagedLinesSkipped) unreadable line(s); run `ecotop store check`")
            }
        }
    }
}

extension QueryCommand {
    /// `--from` and `--to` as times, in order.
    func range() throws -> (start: Double, end: Double) {
        try Self.range(from: from, to: to)
    }

    /// `--from` and `--to` as times, in order: for every command that reads a stretch of the store.
    static func range(from: String, to: String) throws -> (start: Double, end: Double) {
        let now = SystemWallClock().now()
        let start = try TimeExpression.time(from, now: now)
        let end = try TimeExpression.time(to, now: now)
        guard end >= start else { throw StoreError(.invalidRequest, "--from (\(from)) is after --to (\(to))") }
        return (start, end)
    }

    /// The query read from Prometheus (`--source prometheus`), printed as from the store.
    private func runOverPrometheus(_ reading: PrometheusReading) throws {
        guard !raw else { throw ValidationError("--raw reads the store's raw points; it does not apply to --source prometheus") }
        try reportingStoreErrors {
            let (start, end) = try range()
            let query = SourceQuery(
                selector: try querySelector(), from: start, to: end, step: try step.map(TimeExpression.duration), aggregation: agg)
            var output = QueryOutput(format: format)
            do {
                try query.run(on: reading.source(), into: &output)
            } catch {
                printError("ecotop: \(error)")
                throw ExitCode.failure
            }
            output.finish()
        }
    }

    /// The `--series` selector; a blank one selects every series, as `{}` does.
    func querySelector() throws(StoreError) -> SeriesSelector {
        try Self.selector(series)
    }

    /// A `--series` selector; a blank one selects every series, as `{}` does.
    static func selector(_ series: String) throws(StoreError) -> SeriesSelector {
        guard !series.allSatisfy({ $0 == " " || $0 == "\t" }) else { return SeriesSelector(name: nil) }
        do {
            return try SeriesSelector(parsing: series)
        } catch {
            throw StoreError(.invalidRequest, "selector \"\(series)\" at character \(error.column): \(error.reason)")
        }
    }
}

extension Aggregation: ExpressibleByArgument {}

extension QueryOutputFormat: ExpressibleByArgument {}
