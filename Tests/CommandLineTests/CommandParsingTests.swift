import ArgumentParser
import EcotopCore
import Testing
@testable import ecotop

/// What `ecotop ARGUMENTS` accepts, rejects and says, parsed in-process by ArgumentParser as
/// the binary parses them (validation included), without spawning it or needing a terminal.
@Suite struct CommandParsingTests {
    /// A command line that ends at parsing: the exit status and the message `ecotop` would
    /// print (after "Error: " for a usage error).
    struct Rejection: Equatable, CustomStringConvertible {
        var status: Int32
        var message: String
        var description: String { "status \(status): \(message)" }
    }

    /// How parsing `arguments` ends the command, or nil when they parse to a command to run.
    private func rejection(of arguments: [String]) -> Rejection? {
        do {
            _ = try EcotopCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return Rejection(status: EcotopCommand.exitCode(for: error).rawValue, message: EcotopCommand.message(for: error))
        }
    }

    /// A usage error: what ArgumentParser exits with for a bad command line (EX_USAGE).
    private func usage(_ message: String) -> Rejection { Rejection(status: 64, message: message) }

    @Test(arguments: [["dash", "--refresh", "0"], ["--refresh", "0"], ["dash", "--refresh", "0.09"], ["--refresh", "3601"]])
    func refreshOutsideATenthOfASecondToAnHourIsRejected(arguments: [String]) {
        #expect(rejection(of: arguments) == usage("--refresh must be between 0.1 and 3600 seconds"))
    }

    @Test func refreshAtItsBoundsIsAccepted() throws {
        let fastest = try #require(try EcotopCommand.parseAsRoot(["--refresh", "0.1"]) as? DashCommand, "no subcommand runs the dashboard")
        #expect(fastest.refresh == 0.1)
        let slowest = try #require(try EcotopCommand.parseAsRoot(["dash", "--refresh", "3600"]) as? DashCommand)
        #expect(slowest.refresh == 3_600)
    }

    @Test(arguments: [["screenshot", "--range", "2h"], ["bench", "first-frame", "--range", "2h"]])
    func rangeTakesOnlyTheDashboardsRanges(arguments: [String]) {
        #expect(rejection(of: arguments) == usage("The value '2h' is invalid for '--range <range>': expected one of 15m, 1h, 6h, 24h, 7d, 30d"))
    }

    @Test func rangeLabelsParseToTheirRanges() throws {
        let screenshot = try #require(try EcotopCommand.parseAsRoot(["screenshot", "--range", "6h"]) as? ScreenshotCommand)
        #expect(screenshot.range == .sixHours)
        let bench = try #require(try EcotopCommand.parseAsRoot(["bench", "first-frame", "--range", "1d"]) as? FirstFrameBench)
        #expect(bench.range == .oneDay, "1d is another label of 24h")
    }

    @Test func anUnknownCommandIsAnUnexpectedArgument() {
        // Without a known subcommand, `ecotop` runs the dashboard, which takes no arguments.
        #expect(rejection(of: ["frobnicate"]) == usage("Unexpected argument 'frobnicate'"))
        #expect(rejection(of: ["store", "frobnicate"]) == usage("Unexpected argument 'frobnicate'"))
        #expect(rejection(of: ["screenshot", "--refresh", "1"]) == usage("Unknown option '--refresh'"))
    }

    @Test(arguments: [
        (["ingest", "--batch-size", "0"], "--batch-size must be positive"),
        (["ingest", "--fsync-interval", "0"], "--fsync-interval must be more than 0 and at most 3600 seconds"),
        (["ingest", "--fsync-interval", "3601"], "--fsync-interval must be more than 0 and at most 3600 seconds"),
        (["import", "--batch-size", "0", "samples.csv"], "--batch-size must be positive"),
        (["import", "samples.data"], "cannot tell the format of samples.data from its extension; pass --format csv or --format json"),
        (["demo", "backfill"], "Missing expected argument '--days <days>'"),
        (["demo", "backfill", "--days", "0"], "--days must be positive"),
        (["demo", "backfill", "--days", "1", "--interval", "0"], "--interval must be positive"),
        (["screenshot", "--width", "0"], "--width and --height must be between 1 and 1000"),
        (["screenshot", "--height", "1001"], "--width and --height must be between 1 and 1000"),
        (["query"], "Missing expected argument '--series <selector>'"),
        (["query", "--series", "m", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'. Please provide one of 'jsonl', 'csv' or 'table'."),
        (["config", "check", "a.yaml", "b.yaml"], "Unexpected argument 'b.yaml'"),
    ])
    func invalidOptionsAreUsageErrorsThatSayWhy(arguments: [String], message: String) {
        #expect(rejection(of: arguments) == usage(message))
    }

    @Test func ingestDefaultsToJSONLinesFromStdinInLargeBatches() throws {
        let ingest = try #require(try EcotopCommand.parseAsRoot(["ingest"]) as? IngestCommand)
        #expect(ingest.format == .jsonl && ingest.input == "-" && ingest.batchSize == 200_000)
        #expect(!ingest.ack && !ingest.dryRun && ingest.fsyncInterval == nil && ingest.storeOptions.store == nil)
        let given = try #require(try EcotopCommand.parseAsRoot(
            ["ingest", "--store", "/s", "--format", "openmetrics", "--ack", "--fsync-interval", "2.5", "--batch-size", "7", "in.om"]) as? IngestCommand)
        #expect(given.format == .openmetrics && given.input == "in.om" && given.batchSize == 7)
        #expect(given.ack && given.fsyncInterval == 2.5 && given.storeOptions.store == "/s")
    }

    @Test func queryTimesMayStartWithAMinusSign() throws {
        let query = try #require(try EcotopCommand.parseAsRoot(["query", "--series", "m", "--from", "-30d", "--to", "-1h"]) as? QueryCommand)
        #expect(query.selection.from == "-30d" && query.selection.to == "-1h")
        let defaults = try #require(try EcotopCommand.parseAsRoot(["query", "--series", "m"]) as? QueryCommand)
        #expect(defaults.selection.from == "-1h" && defaults.selection.to == "now" && defaults.step == nil && defaults.agg == nil && !defaults.raw)
    }

    @Test func versionPrintsTheVersionAndExitsZero() {
        #expect(rejection(of: ["--version"]) == Rejection(status: 0, message: EcotopCommand.version))
    }
}
