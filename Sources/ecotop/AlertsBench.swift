import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore
import EcotopUI
import Foundation

/// `ecotop bench alerts`: one alert evaluation over a store (the demo ecosystem's conditions),
/// and reading an alerts file of many records back, as a restart does.
struct AlertsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Time one alert evaluation over the store, and reading back an alerts file of N records."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Evaluations to average over.") var rounds = 10
    @Option(help: "Alert records in the file read back (one alert opened and resolved per two).") var records = 10_000

    func run() throws {
        let reader = try reportingStoreErrors { try StoreReader(layout: storeOptions.layout, keepsParsedSegments: true) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-bench-alerts-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let timing = try reportingStoreErrors {
            try AlertEvaluationBenchmark.run(
                reader: reader, at: SystemWallClock().now(), rounds: rounds, records: records, scratch: scratch)
        }
        let milliseconds = { (seconds: Double) in NumberFormat.fixed(seconds * 1_000, decimals: 1) + " ms" }
        print("\(counted(timing.conditions, "condition")) firing: \(milliseconds(timing.evaluation)) per evaluation; "
            + "\(timing.records) records read back in \(milliseconds(timing.replay))")
    }
}
