import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// `ecotop ingest`: appends samples and events from a file or stdin.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Append samples and events to the store.",
        discussion: """
            jsonl reads one record per line (see docs/store-format.md for the shapes), appends them \
            in batches and prints the accepted and rejected counts. Each bad line is reported as \
            FILE:LINE:COLUMN: why, and the exit status is 1 when any line was rejected.

            influx, prometheus and openmetrics (see docs/parsers.md) are all or nothing: the first \
            error is reported as FILE:LINE:COLUMN: why, nothing is appended and the exit status is 1. \
            Samples without a timestamp get the time of the run.

            A valid record the store does not keep (NaN or an infinity, a time outside 1970-2100 \
            or older than the store's retention keeps) is skipped: reported as \
            FILE:LINE[:COLUMN]: skipped ..., counted in the summary, and not an error.

            No line may be longer than 64 MiB; a longer one is an error, found without reading \
            it whole.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The input format.")
    var format: IngestFormat = .jsonl

    @Option(help: ArgumentHelp(
        "The unit of influx timestamps, as InfluxDB's and Telegraf's precision setting (default: ns).",
        valueName: "s|ms|us|ns"))
    var precision: InfluxLineParser.Precision?

    @Flag(help: "Print `ack N` on stdout each time the first N lines of the input are durable.")
    var ack = false

    @Flag(help: "Check the input without writing anything.")
    var dryRun = false

    @Option(help: ArgumentHelp("The most records in one batch (one write and one fsync).", valueName: "n"))
    var batchSize = 200_000

    @Option(help: ArgumentHelp(
        "fsync at most every SECONDS instead of after every batch; a power loss may then lose that much acknowledged data.",
        valueName: "seconds"))
    var fsyncInterval: Double?

    @Argument(help: "The input file, or - for stdin.")
    var input = "-"

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        if precision != nil, format != .influx { throw ValidationError("--precision applies to --format influx only") }
        if let fsyncInterval, !(fsyncInterval > 0 && fsyncInterval <= 3_600) {
            throw ValidationError("--fsync-interval must be more than 0 and at most 3600 seconds")
        }
    }

    func run() throws {
        let source = input == "-" ? "<stdin>" : input
        let descriptor = input == "-" ? STDIN_FILENO : open(input, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            printError("ecotop: \(input): cannot open: \(String(cString: strerror(errno)))")
            throw ExitCode.failure
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        if let textFormat = format.metricTextFormat {
            return try runMetricText(textFormat, descriptor: descriptor, source: source)
        }
        let summary = try reportingStoreErrors {
            let writer = dryRun ? nil : try StoreWriter(
                layout: storeOptions.layout, clock: SystemWallClock(),
                durability: fsyncInterval.map { .interval(seconds: $0) })
            if let note = writer?.recovery.summary { printError("ecotop: \(note)") }
            var ingestion = Ingestion(
                writer: writer, source: source, batchSize: batchSize,
                onAck: ack ? { writeUnbuffered("ack \($0)\n", to: STDOUT_FILENO) } : nil)
            let admission = try writer?.admission ?? StoreAdmission.ofStore(at: storeOptions.layout, now: SystemWallClock().now())
            var decoder = format.makeFormat(admission: admission)
            try ingestion.run(descriptor: descriptor, format: &decoder)
            try writer?.close()
            return ingestion.summary
        }
        report(summary)
        if summary.rejected > 0 { throw ExitCode.failure }
    }

    /// Parses the whole input, then appends what the store keeps; an invalid input appends
    /// nothing.
    private func runMetricText(_ textFormat: MetricTextFormat, descriptor: Int32, source: String) throws {
        let ingestion = MetricTextIngestion(format: textFormat, precision: precision ?? .nanoseconds, source: source)
        do {
            let now = SystemWallClock().now()
            let admission = try reportingStoreErrors { try StoreAdmission.ofStore(at: storeOptions.layout, now: now) }
            let parsed = try ingestion.parse(descriptor: descriptor, now: now, admission: admission)
            for warning in parsed.warnings { printError(warning) }
            SkippedSampleReport.print(parsed.skipped)
            try reportingStoreErrors {
                let writer = dryRun ? nil : try StoreWriter(
                    layout: storeOptions.layout, clock: SystemWallClock(),
                    durability: fsyncInterval.map { .interval(seconds: $0) })
                if let note = writer?.recovery.summary { printError("ecotop: \(note)") }
                if let writer {
                    try writer.append(parsed.samples, batchSize: batchSize)
                    try writer.close()
                }
            }
            if ack { writeUnbuffered("ack \(parsed.lines)\n", to: STDOUT_FILENO) }
            report(Ingestion.Summary(samples: parsed.samples.count, skipped: parsed.skipped.count))
        } catch let error as IngestInputError {
            printError(error.message)
            report(Ingestion.Summary(rejected: 1), rejectedWhat: "the input")
            throw ExitCode.failure
        }
    }

    private func report(_ summary: Ingestion.Summary, rejectedWhat: String? = nil) {
        let verb = dryRun ? "valid" : "accepted"
        let rejected = rejectedWhat ?? counted(summary.rejected, "line")
        var line = "\(verb) \(counted(summary.samples, "sample")) and \(counted(summary.events, "event")), rejected \(rejected)"
        if summary.skipped > 0 {
            line += ", skipped \(counted(summary.skipped, format == .jsonl ? "record" : "sample")) the store does not keep"
        }
        if ack { printError(line) } else { print(line) }
    }
}

extension InfluxLineParser.Precision: ExpressibleByArgument {}

/// The input formats `ingest` reads: `jsonl` line by line, the metric text formats whole.
enum IngestFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case influx
    case prometheus
    case openmetrics

    /// The line-based decoder of `jsonl`, for a store that keeps what `admission` says.
    func makeFormat(admission: StoreAdmission) -> any RecordFormat {
        JSONLinesFormat(admission: admission)
    }

    /// The collectors' parser format, for every format but `jsonl`.
    var metricTextFormat: MetricTextFormat? {
        self == .jsonl ? nil : MetricTextFormat(rawValue: rawValue)
    }
}
