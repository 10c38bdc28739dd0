import ArgumentParser
import EcotopCore
import EcotopStore

/// `--series SELECTOR --from T --to T`: which series and which stretch of time `query` and
/// `export` read.
struct SeriesRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A metric name with optional label matchers (=, !=, =~, !~), e.g. usage.transactions{integration=\"stripe\"}.",
        valueName: "selector"))
    var series: String

    @Option(parsing: .unconditional, help: "The start of the range (-30d, unix seconds, RFC 3339).")
    var from = "-1h"

    @Option(parsing: .unconditional, help: "The end of the range.")
    var to = "now"

    /// `--from` and `--to` as times, in order.
    func range() throws -> (start: Double, end: Double) {
        let now = SystemWallClock().now()
        let start = try TimeExpression.time(from, now: now)
        let end = try TimeExpression.time(to, now: now)
        guard end >= start else { throw StoreError(.invalidRequest, "--from (\(from)) is after --to (\(to))") }
        return (start, end)
    }

    /// The `--series` selector; a blank one selects every series, as `{}` does.
    func selector() throws(StoreError) -> SeriesSelector {
        guard !series.allSatisfy({ $0 == " " || $0 == "\t" }) else { return SeriesSelector(name: nil) }
        do {
            return try SeriesSelector(parsing: series)
        } catch {
            throw StoreError(.invalidRequest, "selector \"\(series)\" at character \(error.column): \(error.reason)")
        }
    }
}
