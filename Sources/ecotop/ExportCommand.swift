import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore

/// `ecotop export`: the store's raw samples, streamed, for a spreadsheet or another tool.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's raw samples of some series as CSV or JSON lines.",
        discussion: """
            Every raw sample of the series the selector picks in the range, in time order, \
            streamed: a store of any size is read one segment at a time. JSON lines have the \
            shape `ecotop ingest` reads back; CSV is `ts,series,value` (RFC 4180 quoting). \
            Control characters in names and labels are written escaped. Integration events are \
            exported by `ecotop events`.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var selection: SeriesRangeOptions

    @Option(help: "The output format.") var format: ExportFormat

    func run() throws {
        try reportingStoreErrors {
            let reader = try StoreReader(layout: storeOptions.layout)
            let (start, end) = try selection.range()
            let selected = try reader.series(matching: selection.selector())
            var output = QueryOutput(format: format.queryFormat)
            try reader.forEachRawPoint(series: selected.map(\.id), from: start, to: end) { slot, point in
                output.write(key: selected[slot].key, point: point)
            }
            output.finish()
            if reader.damagedLinesSkipped > 0 {
                printError("ecotop: warning: skipped \(reader.damagedLinesSkipped) unreadable line(s); run `ecotop store check`")
            }
        }
    }
}

/// The forms `ecotop export` writes: those of `ecotop query` that stream.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl

    var queryFormat: QueryOutputFormat {
        switch self {
        case .csv: .csv
        case .jsonl: .jsonl
        }
    }
}
