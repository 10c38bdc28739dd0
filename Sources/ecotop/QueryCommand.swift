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

    @OptionGroup var selection: SeriesRangeOptions

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
            let (start, end) = try selection.range()
            let selected = try reader.series(matching: selection.selector())
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
    /// The query read from Prometheus (`--source prometheus`), printed as from the store.
    private func runOverPrometheus(_ reading: PrometheusReading) throws {
        guard !raw else { throw ValidationError("--raw reads the store's raw points; it does not apply to --source prometheus") }
        try reportingStoreErrors {
            let (start, end) = try selection.range()
            let query = SourceQuery(
                selector: try selection.selector(), from: start, to: end, step: try step.map(TimeExpression.duration), aggregation: agg)
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
}

extension Aggregation: ExpressibleByArgument {}

extension QueryOutputFormat: ExpressibleByArgument {}
