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
            its first error is reported as FILE:LINE:COLUMN: why and nothing is written. A \
            progress bar shows on a terminal.
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
        let samples: CheckedSamples
        do {
            samples = try CheckedSamples((format ?? ImportFormat(path: file)!).decode(bytes) { reading.update($0) })
            reading.finish()
        } catch let error as ParseError {
            reading.finish()
            printError("\(file):\(error)")
            throw ExitCode.failure
        } catch let error as StorableSampleError {
            reading.finish()
            printError("\(file): \(error.message)")
            throw ExitCode.failure
        }
        if !dryRun {
            try reportingStoreErrors {
                let writer = try StoreWriter(layout: storeOptions.layout, clock: SystemWallClock())
                if let note = writer.recovery.summary { printError("ecotop: \(note)") }
                var writing = ProgressBar(label: "importing", total: samples.samples.count, unit: "samples")
                try samples.append(to: writer, batchSize: batchSize) { writing.update($0) }
                writing.finish()
                try writer.close()
            }
        }
        print("\(dryRun ? "valid" : "imported") \(counted(samples.samples.count, "sample")) from \(file)")
    }
}

extension ImportFormat: ExpressibleByArgument {}
