import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore

/// `ecotop store`: looking after the store.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Inspect, check, repair and compact the store.",
        subcommands: [Stats.self, Check.self, Repair.self, Compact.self])

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what the store holds.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let stats = try reportingStoreErrors { try StoreStats.collect(layout: storeOptions.layout) }
            print("store \(storeOptions.layout.root) (format version \(stats.formatVersion))")
            print("series: \(stats.series)")
            for part in stats.parts {
                let covers = part.covers.map {
                    "  \(TimeExpression.rfc3339($0.lowerBound)) .. \(TimeExpression.rfc3339($0.upperBound))"
                } ?? ""
                print("\(part.name): \(part.segments) segments, \(part.lines) lines, \(part.bytes) bytes\(covers)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read every file and list damaged lines, torn tails and rollups that differ from raw points.",
            discussion: "Changes nothing. Exits with status 1 when it finds a problem.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let layout = storeOptions.layout
            let writerBefore = StoreCheck.activeWriter(layout: layout)
            let problems = try reportingStoreErrors { try StoreCheck.run(layout: layout) }
            for problem in problems { print(problem) }
            if let writer = writerBefore ?? StoreCheck.activeWriter(layout: layout) {
                printError("process \(writer) is writing the store (it holds the writer lock): differences in the newest data may be appends still in flight; check again once it has stopped")
            }
            guard problems.isEmpty else {
                printError("\(counted(problems.count, "problem")); `ecotop store repair` moves damaged lines to quarantine/ and rebuilds rollups")
                throw ExitCode.failure
            }
            print("ok")
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cut torn tails, move damaged lines to quarantine/, rebuild rollups from raw points.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let report = try reportingStoreErrors {
                try StoreMaintenance.repair(layout: storeOptions.layout, clock: SystemWallClock())
            }
            for problem in report.quarantined { print("quarantined \(problem)") }
            for id in report.restoredSeries { print("restored series id \(id), whose line series.jsonl had lost, as __recovered_id_\(id)") }
            print("cut \(report.tornTails) torn tail(s), quarantined \(report.quarantined.count) line(s), restored \(report.restoredSeries.count) series, rebuilt rollups of \(report.rebuiltRawSegments) raw segment(s)")
        }
    }

    struct Compact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop expired segments and merge partial rollup buckets.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let report = try reportingStoreErrors {
                try StoreMaintenance.compact(layout: storeOptions.layout, clock: SystemWallClock())
            }
            print("dropped \(report.expiredSegments) expired segment(s), rewrote \(report.rewrittenSegments) rollup segment(s): \(report.bytesBefore) -> \(report.bytesAfter) bytes")
        }
    }
}
