import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore

/// What `report` and `check` read, and at which moment: the origins of `screenshot` (the demo
/// by default, `--config`, `--store`, `--source prometheus --url URL`) and `--time`.
struct ReportOriginOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read the ecosystem of this configuration from its store (collectors are not run).", valueName: "file"), completion: .configFiles)
    var config: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var sourceOptions: SourceOptions

    @Option(help: "Seed of the demo simulator, when there is no configuration.") var seed: UInt64 = 42

    @Option(parsing: .unconditional, help: "The end of the range: RFC 3339, Unix seconds, or relative such as -2h (default: now).")
    var time: String?

    /// The report of `range` ending at `--time`, read as the dashboard reads it.
    func report(range: TimeRange) throws -> EcosystemReport {
        let now = SystemWallClock().now()
        let moment: Double
        do {
            moment = try time.map { try TimeExpression.time($0, now: now) } ?? now
        } catch {
            throw ValidationError("--time: \(error)")
        }
        let loader = try sourceOptions.dashboardLoader(
            configuration: try config.map { try ConfigOptions.load($0).configuration }, storeOptions: storeOptions, seed: seed,
            readsDefaultStore: true)
        defer { try? loader.close() }
        return try EcosystemReport(loader: loader, range: range, at: moment)
    }
}
