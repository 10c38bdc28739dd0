import ArgumentParser
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
            Reads one record per line (see docs/store-format.md for the shapes), appends them in \
            batches and prints the accepted and rejected counts. Each bad line is reported as \
            FILE:LINE: why, and the exit status is 1 when any line was rejected.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The input format.")
    var format: IngestFormat = .jsonl

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
    }

    func run() throws {
        let source = input == "-" ? "<stdin>" : input
        let descriptor = input == "-" ? STDIN_FILENO : open(input, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            printError("ecotop: \(input): cannot open: \(String(cString: strerror(errno)))")
            throw ExitCode.failure
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let summary = try reportingStoreErrors {
            let writer = dryRun ? nil : try StoreWriter(
                layout: storeOptions.layout, clock: SystemWallClock(),
                durability: fsyncInterval.map { .interval(seconds: $0) })
            if let note = writer?.recovery.summary { printError("ecotop: \(note)") }
            var ingestion = Ingestion(
                writer: writer, source: source, batchSize: batchSize,
                onAck: ack ? { writeUnbuffered("ack \($0)\n", to: STDOUT_FILENO) } : nil)
            var decoder = format.makeFormat()
            try ingestion.run(descriptor: descriptor, format: &decoder)
            try writer?.close()
            return ingestion.summary
        }
        let verb = dryRun ? "valid" : "accepted"
        let line = "\(verb) \(summary.samples) samples and \(summary.events) events, rejected \(summary.rejected) lines"
        if ack { printError(line) } else { print(line) }
        if summary.rejected > 0 { throw ExitCode.failure }
    }
}

/// The input formats `ingest` reads; others (Influx line protocol, Prometheus text) plug in
/// here by returning their `RecordFormat`.
enum IngestFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl

    func makeFormat() -> any RecordFormat {
        switch self {
        case .jsonl: JSONLinesFormat()
        }
    }
}
