import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopStore
import Foundation

/// `ecotop import`: a one-off backfill of a CSV or JSON file of samples into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Backfill the store from a CSV or JSON file of samples.",
        discussion: """
            CSV: a header naming ts, name and value (any order); every other column is a label. \
            JSON: an array of {"ts", "name", "labels", "value"} objects. ts is Unix seconds, \
            milliseconds or RFC 3339 (see docs/collectors.md). The whole file is checked first: \
            its first error is reported as FILE:LINE:COLUMN: why and nothing is written. A sample \
            the store does not keep (a time outside 1970-2100, or older than the store's retention \
            keeps) is skipped with a warning and counted. A progress bar shows on a terminal.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The file format (default: from the extension).")
    var format: ImportFormat?

    @Flag(help: "Check the file without writing anything.")
    var dryRun = false

    @Option(help: ArgumentHelp("The most samples in one batch (one write and one fsync).", valueName: "n"))
    var batchSize = 100_000

    @Argument(help: "The file to import.")
    var file: String

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard format != nil || ImportFormat(path: file) != nil else {
            throw ValidationError("cannot tell the format of \(file) from its extension; pass --format csv or --format json")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("ecotop: \(file): cannot read the file")
            throw ExitCode.failure
        }
        let bytes = Array(data)
        var reading = ProgressBar(label: "checking ", total: bytes.count, unit: "bytes")
        let decoded: [Sample]
        do {
            decoded = try (format ?? ImportFormat(path: file)!).decode(bytes) { reading.update($0) }
            reading.finish()
        } catch {
            reading.finish()
            printError("\(file):\(error)")
            throw ExitCode.failure
        }
        let admission = try reportingStoreErrors { try StoreAdmission.ofStore(at: storeOptions.layout, now: SystemWallClock().now()) }
        let samples = StorableSamples(decoded, admission: admission)
        SkippedSampleReport.print(samples.skipped.map { "\(file): \($0)" })
        if !dryRun {
            try reportingStoreErrors {
                let writer = try StoreWriter(layout: storeOptions.layout, clock: SystemWallClock())
                if let note = writer.recovery.summary { printError("ecotop: \(note)") }
                var writing = ProgressBar(label: "importing", total: samples.kept.count, unit: "samples")
                try writer.append(samples.kept, batchSize: batchSize) { writing.update($0) }
                writing.finish()
                try writer.close()
            }
        }
        let skipped = samples.skipped.isEmpty ? "" : ", skipped \(counted(samples.skipped.count, "sample")) the store does not keep"
        print("\(dryRun ? "valid" : "imported") \(counted(samples.kept.count, "sample")) from \(file)\(skipped)")
    }
}

extension ImportFormat: ExpressibleByArgument {}
